using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Horodatage;
using Sigma.Signature.Infrastructure.Pdf;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>
/// Verifies every signature of a PDF: that its /ByteRange is sound and designates exactly its own /Contents (no
/// signature wrapping), that its CMS holds over the signed bytes, and what the updates appended after it changed.
/// </summary>
internal static class VerificateurPdf
{
    private const string Structure = "Structure de la signature PDF";
    private const string Perimetre = "Périmètre signé";

    public static List<RapportSignature> Verifier(byte[] pdf, ContexteVerification contexteFichier)
    {
        var rapports = new List<RapportSignature>();
        var finale = StructurePdf.Ouvrir(pdf);
        using (finale.Document)
        {
            var contexte = DonneesValidation.Lire(finale, contexteFichier);
            // Numbered in signing order: each signature covers the file up to its own revision.
            var signatures = finale.Signatures().Select(s => (Signature: s, Fin: FinPlage(finale, s))).OrderBy(s => s.Fin).ToList();
            var horodatages = signatures.Where(s => StructurePdf.Nom(s.Signature.Valeur, "SubFilter") == "ETSI.RFC3161")
                .Select(s => (s.Fin, Jeton: JetonDocument(pdf, finale, s.Signature, contexte))).ToList();
            var positionDss = DonneesValidation.Position(finale);
            var numero = 0;
            foreach (var (signature, fin) in signatures)
            {
                numero++;
                var apres = horodatages.Where(h => h.Fin > fin && h.Jeton is not null).ToList();
                var posterieures = new PreuvesPosterieures(apres.Select(h => h.Jeton!).ToList(),
                    positionDss is { } dss && dss > fin && apres.Any(h => h.Fin > dss && h.Jeton!.Probant));
                rapports.Add(VerifierUne(pdf, finale, signature, numero, contexte, posterieures,
                    horodatages.FirstOrDefault(h => h.Fin == fin && StructurePdf.Nom(signature.Valeur, "SubFilter") == "ETSI.RFC3161").Jeton));
            }
        }
        return rapports;
    }

    /// <summary>A document time-stamp's token, checked over its byte range; null when the range itself cannot be trusted.</summary>
    private static JetonVerifie? JetonDocument(byte[] pdf, StructurePdf finale, ChampSignature signature, ContexteVerification contexte)
    {
        var (plage, anomalie) = LirePlage(pdf, finale, signature);
        if (plage is null || anomalie is not null || finale.Resoudre(StructurePdf.Entree(signature.Valeur, "Contents")) is not HexToken contenu)
        {
            return null;
        }
        return VerificateurHorodatage.Verifier(Cms(contenu.Bytes.ToArray()), hash => EmpreintePlage(pdf, plage, hash), contexte.Racines, contexte.Certificats);
    }

    private static byte[] EmpreintePlage(byte[] pdf, long[] plage, HashAlgorithmName hash)
    {
        using var calcul = IncrementalHash.CreateHash(hash);
        calcul.AppendData(pdf, (int)plage[0], (int)plage[1]);
        calcul.AppendData(pdf, (int)plage[2], (int)plage[3]);
        return calcul.GetHashAndReset();
    }

    private static RapportSignature VerifierUne(byte[] pdf, StructurePdf finale, ChampSignature signature, int numero,
        ContexteVerification contexte, PreuvesPosterieures posterieures, JetonVerifie? jetonDocument)
    {
        var v = signature.Valeur;
        var sousFiltre = StructurePdf.Nom(v, "SubFilter");
        var format = sousFiltre switch
        {
            "ETSI.CAdES.detached" => FormatSignature.PAdES,
            "ETSI.RFC3161" => FormatSignature.Horodatage,
            _ => FormatSignature.Pkcs7,
        };
        var controles = new List<Controle>
        {
            sousFiltre switch
            {
                "ETSI.CAdES.detached" => Controle.Reussi("format", "Format", "PAdES : /SubFilter /ETSI.CAdES.detached."),
                "adbe.pkcs7.detached" => Controle.Information("format", "Format", "PKCS#7 détaché (/SubFilter /adbe.pkcs7.detached) : format PDF antérieur à PAdES."),
                "ETSI.RFC3161" => Controle.Reussi("format", "Format", "Horodatage du document (/SubFilter /ETSI.RFC3161, PAdES)."),
                _ => Controle.Echec("format", "Format", $"Sous-filtre de signature non pris en charge : {sousFiltre ?? "absent"}.", Verdict.Indeterminee),
            },
        };
        var heureDeclaree = ControlesSignature.DatePdf(finale.Resoudre(StructurePdf.Entree(v, "M")) is StringToken m ? m.Data : null);
        var (plage, anomalie) = LirePlage(pdf, finale, signature);
        if (plage is null || anomalie is not null || finale.Resoudre(StructurePdf.Entree(v, "Contents")) is not HexToken contenu)
        {
            controles.Add(Controle.Echec("structure", Structure, anomalie ?? "La signature n'a pas de /Contents hexadécimal."));
            return new RapportSignature(numero, signature.Nom, format, "inconnu", heureDeclaree, null, [], controles);
        }
        controles.Add(Controle.Reussi("structure", Structure, "La plage signée (/ByteRange) part du début du fichier et n'exclut que la valeur /Contents de cette signature."));
        if (sousFiltre is not ("ETSI.CAdES.detached" or "adbe.pkcs7.detached" or "ETSI.RFC3161"))
        {
            // adbe.pkcs7.sha1 and adbe.x509.rsa_sha1 sign something else than the byte range: not judged here.
            return new RapportSignature(numero, signature.Nom, format, "inconnu", heureDeclaree, null, [], controles);
        }
        var permissions = Permissions.Lire(finale, signature);
        var (perimetre, modifications) = PerimetreSigne(pdf, finale, plage, permissions);
        controles.Add(perimetre);
        controles.AddRange(new[]
        {
            ControlesRevisions.Metadonnees(modifications),
            ControlesRevisions.Certification(modifications, permissions),
            ControlesRevisions.Verrous(modifications, permissions),
        }.OfType<Controle>());
        if (format == FormatSignature.Horodatage && jetonDocument is { } jeton)
        {
            return ControlesHorodatage.RapportDocument(numero, signature.Nom, controles, jeton, posterieures);
        }
        var cms = Cms(contenu.Bytes.ToArray());
        var analyse = VerificateurCms.Analyser(cms, hash => EmpreintePlage(pdf, plage, hash));
        return ControlesSignature.Rapport(numero, signature.Nom, format, controles, analyse, heureDeclaree, contexte, posterieures);
    }

    /// <summary>The /ByteRange, or why it cannot be trusted.</summary>
    private static (long[]? Plage, string? Anomalie) LirePlage(byte[] pdf, StructurePdf finale, ChampSignature signature)
    {
        if (finale.Resoudre(StructurePdf.Entree(signature.Valeur, "ByteRange")) is not ArrayToken tableau || tableau.Length != 4
            || tableau.Data.Any(t => t is not NumericToken { HasDecimalPlaces: false }))
        {
            return (null, "La plage signée (/ByteRange) est absente ou mal formée.");
        }
        var p = tableau.Data.Select(t => ((NumericToken)t).Long).ToArray();
        if (p.Any(x => x < 0) || p[0] != 0 || p[1] <= 0 || p[2] <= p[1] || p[2] + p[3] > pdf.Length)
        {
            return (p, p[0] != 0
                ? "La plage signée ne part pas du début du fichier : une partie du fichier n'est pas couverte par la signature."
                : "La plage signée (/ByteRange) sort du fichier ou n'est pas ordonnée.");
        }
        var (debut, fin) = ((int)p[1], (int)p[2]);
        if (pdf[debut] != '<' || pdf[fin - 1] != '>' || !pdf.AsSpan(debut + 1, fin - debut - 2).ToArray().All(b => Uri.IsHexDigit((char)b)))
        {
            return (p, "La partie exclue de la plage signée n'est pas seulement la valeur /Contents : une partie du fichier n'est pas couverte par la signature.");
        }
        if (finale.Resoudre(StructurePdf.Entree(signature.Valeur, "Contents")) is not HexToken contenu
            || !Convert.FromHexString(pdf.AsSpan(debut + 1, fin - debut - 2).ToArray().Select(b => (char)b).ToArray()).AsSpan().SequenceEqual(contenu.Bytes.ToArray()))
        {
            return (p, "La plage signée désigne une autre valeur /Contents que celle du dictionnaire de cette signature (tentative d'emballage de signature).");
        }
        // The excluded hex string must lie inside this signature dictionary's own object, as the cross-reference gives it.
        if (finale.Position(signature.ObjetValeur) is not { } position || position >= debut
            || IndexDe(pdf, "endobj"u8, (int)position, debut) >= 0 || IndexDe(pdf, "endobj"u8, fin, pdf.Length) < 0)
        {
            return (p, "La valeur /Contents exclue de la plage signée n'appartient pas à l'objet de cette signature (tentative d'emballage de signature).");
        }
        return (p, null);
    }

    /// <summary>Where the signed revision ends: the end of the /ByteRange (unreadable ranges last).</summary>
    private static long FinPlage(StructurePdf finale, ChampSignature signature) =>
        finale.Resoudre(StructurePdf.Entree(signature.Valeur, "ByteRange")) is ArrayToken { Length: 4 } t
        && t.Data[2] is NumericToken debut && t.Data[3] is NumericToken longueur
            ? debut.Long + longueur.Long : long.MaxValue;

    private static (Controle Perimetre, Modifications? Modifications) PerimetreSigne(byte[] pdf, StructurePdf finale, long[] plage, Permissions permissions)
    {
        var fin = plage[2] + plage[3];
        if (fin == pdf.Length)
        {
            return (Controle.Reussi("perimetre", Perimetre, "La signature couvre l'intégralité du fichier."), null);
        }
        var finRevision = pdf.AsSpan(0, (int)fin).TrimEnd("\r\n \0"u8);
        if (!finRevision.EndsWith("%%EOF"u8))
        {
            return (Controle.Echec("perimetre", Perimetre, $"La signature ne couvre que les {fin} premiers octets sur {pdf.Length}, qui ne forment pas une version complète du document."), null);
        }
        if (StructurePdf.DernierStartxref(pdf) is not { } dernier || dernier < fin)
        {
            return (Controle.Avertissement("perimetre", Perimetre,
                $"{pdf.Length - fin} octets ont été ajoutés après la version signée sans former une mise à jour du document : ils ne sont pas couverts par la signature et un lecteur PDF les ignore."), null);
        }
        Modifications modifications;
        try
        {
            var signee = StructurePdf.Ouvrir(pdf.AsMemory(0, (int)fin));
            using (signee.Document)
            {
                modifications = AnalyseRevisions.Comparer(signee, finale, ObjetsLiberes.Lire(pdf, fin, finale));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (Controle.Echec("perimetre", Perimetre, "La version signée du document ne peut pas être relue pour la comparer au fichier actuel."), null);
        }
        return (ControlesRevisions.Perimetre(modifications, pdf.Length - fin, permissions), modifications);
    }

    /// <summary>The DER signature without the zeros that pad the reserved /Contents.</summary>
    private static byte[] Cms(byte[] contenu)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(contenu, AsnEncodingRules.BER, out _, out _, out var longueur);
            return contenu[..longueur];
        }
        catch (AsnContentException)
        {
            return contenu;
        }
    }

    private static int IndexDe(byte[] pdf, ReadOnlySpan<byte> motif, int debut, int fin)
    {
        var i = pdf.AsSpan(debut, fin - debut).IndexOf(motif);
        return i < 0 ? -1 : debut + i;
    }
}
