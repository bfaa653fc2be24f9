using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Horodatage;
using Sigma.Signature.Infrastructure.Revocation;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>The checks every signature gets once its CMS is read, whatever carries it (PDF or detached file).</summary>
internal static partial class ControlesSignature
{
    public static RapportSignature Rapport(int numero, string nom, FormatSignature format, IEnumerable<Controle> controlesFormat,
        AnalyseCms cms, DateTimeOffset? heureDeclaree, ContexteVerification contexte, PreuvesPosterieures? posterieures = null)
    {
        var (racines, maintenant, politique) = (contexte.Racines, contexte.Maintenant, contexte.Politique);
        posterieures ??= PreuvesPosterieures.Aucune;
        var controles = controlesFormat.ToList();
        var heure = cms.HeureSignature ?? heureDeclaree;
        var certificat = cms.Certificat;
        if (cms.Erreur is { } erreur)
        {
            controles.Add(Controle.Echec("cms", "Structure de la signature", erreur));
        }
        controles.Add(cms.EmpreinteConforme switch
        {
            true => Controle.Reussi("empreinte", "Intégrité : empreinte des données signées", $"L'empreinte {cms.AlgorithmeEmpreinte} des données signées correspond à celle que porte la signature."),
            false => Controle.Echec("empreinte", "Intégrité : empreinte des données signées", "Les données ont été modifiées après la signature : leur empreinte ne correspond plus à celle qui a été signée."),
            null => Controle.Echec("empreinte", "Intégrité : empreinte des données signées", "L'empreinte des données signées n'a pas pu être vérifiée.", Verdict.Indeterminee),
        });
        controles.Add(cms.ValeurConforme switch
        {
            true => Controle.Reussi("valeur", "Intégrité : valeur de signature", $"La valeur de signature ({cms.AlgorithmeSignature}) est vérifiée avec la clé publique du certificat du signataire."),
            false => Controle.Echec("valeur", "Intégrité : valeur de signature", "La valeur de signature ne correspond pas à la clé publique du certificat du signataire."),
            null => Controle.Echec("valeur", "Intégrité : valeur de signature", "La valeur de signature n'a pas pu être vérifiée : certificat du signataire absent.", Verdict.Indeterminee),
        });
        if (certificat is null)
        {
            controles.Add(Controle.Echec("certificat", "Certificat du signataire", "La signature ne contient pas le certificat du signataire.", Verdict.Indeterminee));
            return new RapportSignature(numero, nom, format, cms.AlgorithmeEmpreinte, heure, null, [], controles);
        }

        controles.Add(cms switch
        {
            { SigningCertificateConforme: true } => Controle.Reussi("certificat", "Certificat du signataire", "L'attribut signé signing-certificate-v2 désigne bien ce certificat."),
            { SigningCertificateConforme: false } => Controle.Echec("certificat", "Certificat du signataire", "L'attribut signé signing-certificate-v2 désigne un autre certificat que celui qui a signé."),
            { SigningCertificateV1: true } => Controle.Avertissement("certificat", "Certificat du signataire", "Le certificat est désigné par l'ancien attribut signing-certificate (SHA-1), pas par signing-certificate-v2."),
            _ when format == FormatSignature.PAdES => Controle.Echec("certificat", "Certificat du signataire", "L'attribut signé signing-certificate-v2, exigé par PAdES, est absent.", Verdict.Indeterminee),
            _ => Controle.Avertissement("certificat", "Certificat du signataire", "Aucun attribut signé ne lie le certificat à la signature (PKCS#7 simple)."),
        });

        // The time the signature is proven to have existed: its own time-stamp, or a later document time-stamp covering it.
        var horodatage = cms.JetonHorodatage is { } jeton && cms.ValeurSignature is { } valeur
            ? VerificateurHorodatage.Verifier(jeton, h => EmpreinteDe(h, valeur), racines, cms.Certificats.Cast<X509Certificate2>().Concat(contexte.Certificats))
            : null;
        var preuves = new[] { horodatage }.OfType<JetonVerifie>().Concat(posterieures.Horodatages).Where(j => j.Probant).OrderBy(j => j.Heure).ToList();
        DateTimeOffset? prouvee = preuves.Count == 0 ? null : preuves[0].Heure;
        var debut = new DateTimeOffset(certificat.NotBefore.ToUniversalTime());
        var fin = new DateTimeOffset(certificat.NotAfter.ToUniversalTime());
        // Best signature time (EN 319 102-1): the earliest proof of existence; the declared time when there is none.
        var reference = prouvee ?? heure ?? maintenant;
        var quand = prouvee is { } p ? $"à l'heure prouvée par horodatage ({p.Affiche()})"
            : heure is null ? "à ce jour (aucune heure de signature déclarée)" : $"à l'heure de signature ({heure.Value.Affiche()})";
        if (heure is { } signeeLe && (signeeLe < debut || signeeLe > fin))
        {
            controles.Add(Controle.Echec("validite", "Validité du certificat",
                $"Le certificat, valable du {debut.Affiche()} au {fin.Affiche()}, n'était pas en vigueur à l'heure de signature ({signeeLe.Affiche()})."));
        }
        else if (reference < debut)
        {
            controles.Add(Controle.Echec("validite", "Validité du certificat", $"Le certificat, valable du {debut.Affiche()} au {fin.Affiche()}, n'était pas en vigueur {quand}."));
        }
        else if (prouvee is { } tardive && tardive > fin)
        {
            // A proof of existence after the expiry proves nothing of the signing time: indeterminate, not invalid.
            controles.Add(Controle.Echec("validite", "Validité du certificat",
                $"Le certificat a expiré le {fin.Affiche()} ; le plus ancien horodatage qui couvre la signature ({tardive.Affiche()}) est postérieur, "
                + "rien ne prouve donc qu'elle a été faite pendant la validité du certificat.", Verdict.Indeterminee));
        }
        else if (maintenant > fin && prouvee is null)
        {
            controles.Add(Controle.Echec("validite", "Validité du certificat",
                $"Le certificat était en vigueur {quand}, mais il a expiré le {fin.Affiche()} et aucun horodatage ne prouve que la signature est antérieure.",
                Verdict.Indeterminee));
        }
        else
        {
            var expire = maintenant > fin ? $" Il a expiré depuis, le {fin.Affiche()}, ce qui ne retire rien à la signature : l'horodatage prouve qu'elle est antérieure." : "";
            controles.Add(Controle.Reussi("validite", "Validité du certificat", $"Le certificat, valable du {debut.Affiche()} au {fin.Affiche()}, était en vigueur {quand}.{expire}"));
        }

        var nonRepudiation = ExigencesCertificat.NonRepudiation(certificat);
        controles.Add(nonRepudiation
            ? Controle.Reussi("usage", "Usage de la clé", "Le certificat est destiné à la signature (non-répudiation).")
            : ExigencesCertificat.UsageSignature(certificat)
                ? politique.NonRepudiationExigee
                    ? Controle.Echec("usage", "Usage de la clé", "Le certificat permet la signature numérique mais pas la non-répudiation, que la politique de validation de la plate-forme exige.")
                    : Controle.Avertissement("usage", "Usage de la clé", "Le certificat permet la signature numérique mais pas la non-répudiation : il n'est pas destiné à signer des engagements.")
                : Controle.Echec("usage", "Usage de la clé", "Le certificat n'est destiné ni à la signature numérique ni à la non-répudiation.", Verdict.Indeterminee));

        var chaine = ChaineCertificats.Construire(certificat, cms.Certificats.Cast<X509Certificate2>().Concat(contexte.Certificats), racines, reference);
        controles.Add(chaine switch
        {
            { Ancree: true, Anomalie: null } => Controle.Reussi("chaine", "Chaîne de confiance", $"Le certificat remonte à l'autorité de confiance « {Nom(chaine.Chaine[^1])} »."),
            { Ancree: true } => Controle.Echec("chaine", "Chaîne de confiance", $"La chaîne atteint une autorité de confiance, mais {chaine.Anomalie}.", Verdict.Indeterminee),
            _ when (contexte.RacinesConfigurees ?? racines.Count) == 0 => Controle.Echec("chaine", "Chaîne de confiance", "Aucune autorité de confiance n'est configurée sur cette plate-forme.", Verdict.Indeterminee),
            _ => Controle.Echec("chaine", "Chaîne de confiance", $"Le certificat ne remonte à aucune autorité de confiance configurée (dernier maillon : « {Nom(chaine.Chaine[^1])} »).", Verdict.Indeterminee),
        });
        if (chaine.Chaine.Count > 1)
        {
            controles.Add(chaine.Contraintes is { } contraintes
                ? Controle.Echec("autorites", "Autorités de certification", $"La chaîne n'est pas valable : {contraintes}.")
                : Controle.Reussi("autorites", "Autorités de certification", "Chaque autorité de la chaîne est une autorité de certification habilitée à signer des certificats."));
        }
        var qc = DeclarationsQc.Lire(certificat);
        var listee = chaine.Ancree && contexte.ClesQualifiees.Contains(Convert.ToHexString(RacinesDeConfiance.Cle(chaine.Chaine[^1])));
        controles.Add(CategorieCertificat(qc, politique, listee));
        var (revocation, statutSignataire) = ControleRevocation.Verifier(chaine, contexte.Revocation.Et(DonneesRevocation.Lire(cms.Crls, cms.Ocsps)),
            heure ?? reference, prouvee);
        controles.Add(revocation.Etat == EtatControle.NonVerifie && politique.RevocationExigee
            ? Controle.Echec("revocation", revocation.Libelle, $"{revocation.Detail} La politique de validation de la plate-forme exige que la révocation soit vérifiée.",
                Verdict.Indeterminee)
            : revocation);

        var (algorithmeCle, tailleCle) = Algorithmes.Cle(certificat);
        controles.Add(Algorithmes.Faiblesse(cms.AlgorithmeEmpreinte, algorithmeCle, tailleCle, prouvee) is { } faiblesse
            ? Controle.Echec("algorithmes", "Robustesse des algorithmes", $"Algorithmes trop faibles : {faiblesse}.", Verdict.Indeterminee)
            : Controle.Reussi("algorithmes", "Robustesse des algorithmes", $"{cms.AlgorithmeSignature}, clé {algorithmeCle} de {tailleCle} bits."
                + (prouvee is { } avant && Algorithmes.Faiblesse(cms.AlgorithmeEmpreinte, algorithmeCle, tailleCle) is not null
                    ? $" Ces algorithmes ne sont plus sûrs aujourd'hui, mais l'étaient à l'heure prouvée par horodatage ({avant.Affiche()})." : "")));
        controles.Add(prouvee is { } t
            ? Controle.Reussi("heure", "Heure de signature", $"{t.Affiche()} (heure de Paris) au plus tard, prouvée par l'horodatage de « {preuves[0].Autorite} »"
                + (heure is { } declaree ? $" ; heure déclarée par le signataire : {declaree.Affiche()}." : "."))
            : heure is { } h
                ? Controle.Information("heure", "Heure de signature", $"{h.Affiche()} (heure de Paris), déclarée par le signataire ; aucun horodatage ne la certifie.")
                : Controle.Avertissement("heure", "Heure de signature", "La signature n'indique pas son heure."));
        controles.AddRange(ControlesHorodatage.Controles(horodatage, posterieures));
        var niveau = ControlesHorodatage.Niveau(format, cms, prouvee is not null, statutSignataire is not null, posterieures.ValidationHorodatee);
        controles.Add(Controle.Information("niveau", "Niveau de signature (ETSI)", niveau));

        return new RapportSignature(numero, nom, format, cms.AlgorithmeEmpreinte, prouvee ?? heure, Identite(certificat, algorithmeCle, tailleCle, qc),
            chaine.Chaine.Select(Nom).ToList(), controles, prouvee is not null, niveau);
    }

    private static byte[] EmpreinteDe(System.Security.Cryptography.HashAlgorithmName hash, byte[] donnees)
    {
        using var calcul = System.Security.Cryptography.IncrementalHash.CreateHash(hash);
        calcul.AppendData(donnees);
        return calcul.GetHashAndReset();
    }

    private static string Nom(X509Certificate2 c) => c.GetNameInfo(X509NameType.SimpleName, false) is { Length: > 0 } n ? n : c.Subject;

    /// <summary>Article 5 of the arrêté of 22 March 2019: an advanced signature resting on a qualified certificate.</summary>
    private static Controle CategorieCertificat(DeclarationsQc qc, Politique politique, bool listee)
    {
        const string Libelle = "Catégorie du certificat";
        var source = listee
            ? "selon les déclarations QCStatements du certificat, et son autorité figure sur la liste de confiance comme émettrice de certificats qualifiés"
            : "selon les déclarations QCStatements du certificat, non confrontées à une liste de confiance";
        if (qc.Qualifie)
        {
            var nature = qc.Types.Contains("eseal") && !qc.Types.Contains("esign") ? "de cachet électronique (personne morale)" : "de signature électronique";
            var dispositif = qc.Qscd
                ? "; la clé est sur un dispositif qualifié de création de signature (QSCD) : signature qualifiée au sens du règlement eIDAS"
                : "; la clé n'est pas déclarée sur un dispositif qualifié (QSCD) : signature avancée reposant sur un certificat qualifié";
            return Controle.Reussi("qualifie", Libelle, $"Certificat qualifié {nature} ({source}){dispositif}.");
        }
        var raison = qc switch
        {
            { Illisible: true } => "ses déclarations QCStatements sont illisibles",
            { Conforme: true } => $"il est déclaré qualifié pour un autre usage que la signature ({string.Join(", ", qc.Types)})",
            _ => "il ne porte pas la déclaration QcCompliance",
        };
        var detail = $"Le certificat n'est pas un certificat qualifié : {raison}. L'arrêté du 22 mars 2019 demande une signature avancée reposant sur un certificat qualifié.";
        return politique.CertificatQualifieExige ? Controle.Echec("qualifie", Libelle, detail) : Controle.Avertissement("qualifie", Libelle, detail);
    }

    private static IdentiteCertificat Identite(X509Certificate2 c, string algorithmeCle, int tailleCle, DeclarationsQc qc)
    {
        string? Attribut(string oid)
        {
            try
            {
                return c.SubjectName.EnumerateRelativeDistinguishedNames().FirstOrDefault(r => r.GetSingleElementType().Value == oid)?.GetSingleElementValue();
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // a damaged name: the report shows the subject as .NET renders it
                return null;
            }
        }
        var email = c.GetNameInfo(X509NameType.EmailName, false);
        return new IdentiteCertificat(c.Subject, Attribut("2.5.4.3"), Attribut("2.5.4.10"), string.IsNullOrEmpty(email) ? null : email,
            c.Issuer, c.SerialNumber, new DateTimeOffset(c.NotBefore.ToUniversalTime()), new DateTimeOffset(c.NotAfter.ToUniversalTime()),
            ExigencesCertificat.NonRepudiation(c), ExigencesCertificat.UsageSignature(c), algorithmeCle, tailleCle, qc.Qualifie, qc.Qualifie && qc.Qscd);
    }

    /// <summary>A PDF date (D:YYYYMMDDHHmmSSOHH'mm'), every part after the year optional.</summary>
    public static DateTimeOffset? DatePdf(string? texte)
    {
        var m = texte is null ? null : DatePdfRegex().Match(texte);
        if (m is not { Success: true })
        {
            return null;
        }
        int Partie(int groupe, int defaut) => m.Groups[groupe].Success ? int.Parse(m.Groups[groupe].Value, CultureInfo.InvariantCulture) : defaut;
        try
        {
            var decalage = m.Groups[7].Value is "+" or "-"
                ? new TimeSpan(Partie(8, 0), Partie(9, 0), 0) * (m.Groups[7].Value == "-" ? -1 : 1)
                : TimeSpan.Zero;
            return new DateTimeOffset(Partie(1, 1), Partie(2, 1), Partie(3, 1), Partie(4, 0), Partie(5, 0), Partie(6, 0), decalage);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?")]
    private static partial Regex DatePdfRegex();
}
