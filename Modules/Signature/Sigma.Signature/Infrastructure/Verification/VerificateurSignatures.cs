using System.Security.Cryptography;
using System.Text;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Cms;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>A file sent for verification (held in memory for the request only).</summary>
internal sealed record FichierRecu(string Nom, byte[] Octets);

/// <summary>Verifies a signed PDF, or a file with its detached signature, against the trusted roots.</summary>
internal sealed class VerificateurSignatures(RacinesDeConfiance racines, TimeProvider clock, Politique politique, Cachet.CachetServeur? cachet = null)
{
    public RapportVerification Verifier(FichierRecu fichier, FichierRecu? signatureDetachee)
    {
        var maintenant = clock.GetUtcNow();
        var autorites = racines.Racines();
        var plateforme = cachet?.AutoritesReconnues ?? [];
        var contexte = new ContexteVerification([.. autorites, .. plateforme], maintenant, politique)
        {
            ClesQualifiees = racines.ClesQualifiees(), RacinesConfigurees = autorites.Count,
        };
        var remarques = new List<string>
        {
            "Aucune autorité n'est interrogée en ligne : la révocation des certificats n'est vérifiée qu'avec les données (CRL, OCSP) embarquées dans le fichier ; sans elles, consultez au besoin la liste de révocation de l'autorité.",
            autorites.Count == 0
                ? "Aucune autorité de confiance n'est configurée : aucune chaîne de certification ne peut aboutir."
                : $"{Sigma.BuildingBlocks.Web.Francais.Nombre(autorites.Count, "autorité de confiance configurée", "autorités de confiance configurées")} sur la plate-forme.",
        };
        if (plateforme.Count > 0)
        {
            remarques.Add("L'autorité du cachet serveur de démonstration de cette plate-forme (auto-signée) est reconnue, pour les accusés de réception qu'elle scelle.");
        }
        var initiales = remarques.Count;
        List<RapportSignature> signatures;
        if (signatureDetachee is not null)
        {
            try
            {
                signatures = [VerifierDetachee(fichier, signatureDetachee, contexte)];
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                signatures = [];
                remarques.Insert(0, "La signature détachée n'a pas pu être lue : sa structure est endommagée.");
            }
        }
        else if (EstPdf(fichier.Octets))
        {
            try
            {
                signatures = VerificateurPdf.Verifier(fichier.Octets, contexte);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                signatures = [];
                remarques.Insert(0, "Le fichier PDF n'a pas pu être lu : sa structure est endommagée.");
            }
            if (signatures.Count == 0 && remarques.Count == initiales)
            {
                remarques.Insert(0, "Ce PDF ne contient aucun champ de signature signé.");
            }
        }
        else
        {
            signatures = [];
            remarques.Insert(0, "Ce fichier n'est pas un PDF : joignez aussi sa signature détachée (.p7s) pour la vérifier.");
        }
        return new RapportVerification(Domain.NomFichierSigne.NomSimple(fichier.Nom), fichier.Octets.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(fichier.Octets)), maintenant, signatures, remarques);
    }

    private static RapportSignature VerifierDetachee(FichierRecu fichier, FichierRecu signature, ContexteVerification contexte)
    {
        var analyse = VerificateurCms.Analyser(Der(signature.Octets), hash =>
        {
            using var calcul = IncrementalHash.CreateHash(hash);
            calcul.AppendData(fichier.Octets);
            return calcul.GetHashAndReset();
        });
        var (format, controle) = analyse switch
        {
            { Erreur: not null, Certificat: null } => (FormatSignature.Pkcs7, Controle.Echec("format", "Format", "Le fichier de signature n'est pas une signature CMS (.p7s) lisible.")),
            { SigningCertificateV2: true } or { SigningCertificateV1: true } =>
                (FormatSignature.CAdES, Controle.Reussi("format", "Format", "CAdES détachée : le certificat du signataire est lié par un attribut signé.")),
            _ => (FormatSignature.Pkcs7, Controle.Information("format", "Format", "PKCS#7 détachée simple : aucun attribut signé ne lie le certificat du signataire.")),
        };
        return ControlesSignature.Rapport(1, Domain.NomFichierSigne.NomSimple(signature.Nom), format, [controle], analyse, null, contexte);
    }

    private static bool EstPdf(byte[] octets) => octets.AsSpan(0, Math.Min(octets.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    /// <summary>A .p7s may come as DER, or as PEM / base64 text.</summary>
    private static byte[] Der(byte[] octets)
    {
        if (octets.Length > 0 && octets[0] == 0x30)
        {
            return octets;
        }
        var texte = Encoding.ASCII.GetString(octets);
        var lignes = texte.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal));
        try
        {
            return Convert.FromBase64String(string.Concat(lignes));
        }
        catch (FormatException)
        {
            return octets;
        }
    }
}
