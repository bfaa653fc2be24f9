using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Sigma.Signature.Infrastructure.Cms;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Pdf;

/// <summary>
/// PAdES-B-B (ETSI EN 319 142-1): an invisible signature field added by an incremental update, so that the earlier
/// revisions and their signatures stay byte for byte as they were; /SubFilter /ETSI.CAdES.detached; the CMS covers
/// the whole file except its own /Contents hex string.
/// </summary>
internal static class SignatairePades
{
    private const string ByteRangeReserve = "[0 0000000000 0000000000 0000000000]";

    /// <summary>
    /// Signs the PDF and tells how many signatures it had before. A document prepared for signers has empty signature
    /// fields: the named one (or the first) is signed where it stands; otherwise an invisible field is added.
    /// </summary>
    public static (byte[] Pdf, int SignaturesExistantes) Signer(byte[] original, X509Certificate2 certificat, IReadOnlyList<X509Certificate2> autorites,
        DateTimeOffset heure, string? champ = null, Func<byte[], byte[]>? horodateur = null)
    {
        StructurePdf structure;
        try
        {
            structure = StructurePdf.Ouvrir(original);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DomainException("Ce fichier n'est pas un PDF lisible : il ne peut pas recevoir une signature PAdES.", "Fichiers");
        }
        using (structure.Document)
        {
            if (structure.Document.Structure.Trailer.EncryptionToken is not null)
            {
                throw new DomainException("Ce PDF est protégé par chiffrement : retirez la protection avant de le signer.", "Fichiers");
            }
            var pages = structure.Pages();
            if (pages.Count == 0)
            {
                throw new DomainException("Ce PDF n'a aucune page lisible : il ne peut pas être signé.", "Fichiers");
            }
            var existantes = structure.Signatures().Count;
            if (structure.Signatures().Any(s => Verification.Permissions.Lire(structure, s).Certification == 1))
            {
                throw new DomainException("Ce PDF est certifié par son auteur sans aucune modification permise (certification de niveau 1) : "
                    + "une nouvelle signature rendrait cette certification invalide.", "Fichiers");
            }
            var vide = ChampsPrepares.Trouver(structure, champ);
            var noms = structure.Champs().Select(c => c.Nom).ToHashSet(StringComparer.Ordinal);
            var numero = existantes + 1;
            while (noms.Contains($"Signature{numero}"))
            {
                numero++;
            }
            // A time-stamp token brings the authority's certificates and signature: room for a chain of a few certificates.
            var reserve = 6144 + autorites.Sum(a => a.RawData.Length) + certificat.RawData.Length + (horodateur is null ? 0 : 12288);

            var maj = new MiseAJourIncrementale(original, structure);
            var signature = maj.NouvelObjet();
            maj.Debut(signature);
            maj.Ecrire($"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M {DatePdf(heure)} /ByteRange ");
            var positionByteRange = maj.Position;
            maj.Ecrire($"{ByteRangeReserve} /Contents ");
            var debutContenu = maj.Position;
            maj.Ecrire($"<{new string('0', reserve * 2)}>");
            var finContenu = maj.Position;
            maj.Ecrire(" >>");
            maj.Fin();

            if (vide is { } existant)
            {
                ChampsPrepares.Signer(structure, maj, existant, new IndirectReferenceToken(signature), certificat, heure);
            }
            else
            {
                var widget = maj.NouvelObjet();
                var refWidget = new IndirectReferenceToken(widget);
                maj.Objet(widget, new DictionaryToken(new Dictionary<NameToken, IToken>
                {
                    [NameToken.Create("Type")] = NameToken.Create("Annot"),
                    [NameToken.Create("Subtype")] = NameToken.Create("Widget"),
                    [NameToken.Create("FT")] = NameToken.Create("Sig"),
                    [NameToken.Create("T")] = new StringToken($"Signature{numero}"),
                    [NameToken.Create("V")] = new IndirectReferenceToken(signature),
                    [NameToken.Create("F")] = new NumericToken(132),
                    [NameToken.Create("Rect")] = new ArrayToken([new NumericToken(0), new NumericToken(0), new NumericToken(0), new NumericToken(0)]),
                    [NameToken.Create("P")] = new IndirectReferenceToken(pages[0]),
                }));
                AjouterAuxAnnotations(structure, maj, pages[0], refWidget);
                AjouterAuFormulaire(structure, maj, refWidget);
            }
            var pdf = maj.Terminer();

            var plage = string.Create(CultureInfo.InvariantCulture, $"[0 {debutContenu} {finContenu} {pdf.Length - finContenu}]").PadRight(ByteRangeReserve.Length);
            Encoding.ASCII.GetBytes(plage).CopyTo(pdf, positionByteRange);
            var signe = new byte[debutContenu + (pdf.Length - finContenu)];
            pdf.AsSpan(0, (int)debutContenu).CopyTo(signe);
            pdf.AsSpan((int)finContenu).CopyTo(signe.AsSpan((int)debutContenu));
            var cms = ConstructeurCms.Signer(signe, certificat, autorites, heureSignature: null, horodateur);
            if (cms.Length > reserve)
            {
                throw new InvalidOperationException($"Signature CMS de {cms.Length} octets, place réservée {reserve}.");
            }
            Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(pdf, debutContenu + 1);
            return (pdf, existantes);
        }
    }

    /// <summary>The widget joins the first page's annotations (a new version of the page, or of its /Annots array).</summary>
    private static void AjouterAuxAnnotations(StructurePdf structure, MiseAJourIncrementale maj, IndirectReference page, IndirectReferenceToken widget)
    {
        var dictionnairePage = structure.Dictionnaire(new IndirectReferenceToken(page))!;
        var annotations = StructurePdf.Entree(dictionnairePage, "Annots");
        if (annotations is IndirectReferenceToken tableau && structure.Resoudre(tableau) is ArrayToken existantes)
        {
            maj.Objet(tableau.Data, new ArrayToken([.. existantes.Data, widget]));
            return;
        }
        var liste = (structure.Resoudre(annotations) as ArrayToken)?.Data ?? [];
        maj.Objet(page, dictionnairePage.With("Annots", new ArrayToken([.. liste, widget])));
    }

    /// <summary>The field joins /AcroForm /Fields, with /SigFlags 3 (signatures exist, append only).</summary>
    private static void AjouterAuFormulaire(StructurePdf structure, MiseAJourIncrementale maj, IndirectReferenceToken widget)
    {
        var catalogue = structure.Catalogue;
        var entree = StructurePdf.Entree(catalogue, "AcroForm");
        var formulaire = structure.Dictionnaire(entree) ?? new DictionaryToken(new Dictionary<NameToken, IToken>());
        var champs = StructurePdf.Entree(formulaire, "Fields");
        if (champs is IndirectReferenceToken tableau && structure.Resoudre(tableau) is ArrayToken existants)
        {
            maj.Objet(tableau.Data, new ArrayToken([.. existants.Data, widget]));
        }
        else
        {
            formulaire = formulaire.With("Fields", new ArrayToken([.. (structure.Resoudre(champs) as ArrayToken)?.Data ?? [], widget]));
        }
        formulaire = formulaire.With("SigFlags", new NumericToken(3));
        if (entree is IndirectReferenceToken reference)
        {
            maj.Objet(reference.Data, formulaire);
            return;
        }
        var nouveau = maj.NouvelObjet();
        maj.Objet(nouveau, formulaire);
        maj.Objet(structure.Racine, catalogue.With("AcroForm", new IndirectReferenceToken(nouveau)));
    }

    /// <summary>A PDF date (ISO 32000-1, 7.9.4) in Paris time: D:20260315143022+01'00'.</summary>
    public static string DatePdf(DateTimeOffset heure)
    {
        var paris = heure.ToParis();
        var decalage = paris.Offset;
        return string.Create(CultureInfo.InvariantCulture,
            $"(D:{paris:yyyyMMddHHmmss}{(decalage < TimeSpan.Zero ? '-' : '+')}{Math.Abs(decalage.Hours):D2}'{Math.Abs(decalage.Minutes):D2}')");
    }
}
