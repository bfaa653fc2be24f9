using Sigma.Signature.Infrastructure.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>What the updates appended after a signed revision changed.</summary>
internal sealed record Modifications(int SignaturesAjoutees, IReadOnlyList<string> Alterations)
{
    public bool SeulementSignatures => Alterations.Count == 0;
}

/// <summary>
/// Compares the signed revision with the whole file, object by object, as the EU DSS does: an update may add
/// signature fields, signature dictionaries, their appearances and validation data (/DSS), and update the form,
/// the catalog's /AcroForm and /DSS entries and the pages' /Annots to reach them. Any other added or changed object
/// (a page, a content stream, a font, an action) changes what the signer saw.
/// </summary>
internal static class AnalyseRevisions
{
    private static readonly HashSet<string> ClesFormulaireAutorisees = ["Fields", "SigFlags", "DR", "DA"];
    private static readonly HashSet<string> ClesCatalogueAutorisees = ["AcroForm", "DSS"];

    public static Modifications Comparer(StructurePdf signee, StructurePdf finale)
    {
        var alterations = new List<string>();
        var pagesAvant = signee.Pages();
        var pagesApres = finale.Pages();
        if (pagesApres.Count != pagesAvant.Count)
        {
            alterations.Add(pagesApres.Count > pagesAvant.Count
                ? $"{pagesApres.Count - pagesAvant.Count} page(s) ajoutée(s) après la signature"
                : $"{pagesAvant.Count - pagesApres.Count} page(s) retirée(s) après la signature");
        }
        var avant = signee.Document.Structure.CrossReferenceTable.ObjectOffsets;
        var apres = finale.Document.Structure.CrossReferenceTable.ObjectOffsets;
        var changes = apres.Where(e => !avant.TryGetValue(e.Key, out var lieu) || !MemeLieu(lieu, e.Value))
            .Select(e => e.Key).Where(r => r.ObjectNumber != 0).ToList();

        var autorises = ObjetsDeSignatureAjoutes(finale, changes.Where(r => !avant.ContainsKey(r)).ToList(), out var signaturesAjoutees);
        var pages = pagesApres.ToHashSet();
        foreach (var reference in changes)
        {
            var nouveau = finale.Objet(reference);
            var ancien = avant.ContainsKey(reference) ? signee.Objet(reference) : null;
            if (nouveau is null || autorises.Contains(reference) || (ancien is not null && ancien.Equals(nouveau)) || EstStructurel(nouveau))
            {
                continue;
            }
            if (ancien is null)
            {
                alterations.Add(Description(finale, reference, nouveau, pages, "ajouté"));
                continue;
            }
            if (reference.Equals(finale.Racine) && finale.Dictionnaire(nouveau) is { } catalogue && signee.Dictionnaire(ancien) is { } ancienCatalogue
                && SeulesClesChangees(ancienCatalogue, catalogue, ClesCatalogueAutorisees)
                && FormulaireAutorise(signee, finale, StructurePdf.Entree(ancienCatalogue, "AcroForm"), StructurePdf.Entree(catalogue, "AcroForm"), autorises))
            {
                continue;
            }
            if (finale.Dictionnaire(StructurePdf.Entree(finale.Catalogue, "AcroForm")) is not null
                && StructurePdf.Entree(finale.Catalogue, "AcroForm") is IndirectReferenceToken f && f.Data.Equals(reference)
                && FormulaireAutorise(signee, finale, ancien, nouveau, autorises))
            {
                continue;
            }
            if (pages.Contains(reference) && nouveau is DictionaryToken page && ancien is DictionaryToken anciennePage
                && SeulesClesChangees(anciennePage, page, ["Annots"])
                && AjoutsSeulement(signee.Resoudre(StructurePdf.Entree(anciennePage, "Annots")), finale.Resoudre(StructurePdf.Entree(page, "Annots")), autorises))
            {
                continue;
            }
            if (nouveau is ArrayToken tableau && ancien is ArrayToken ancienTableau && AjoutsSeulement(ancienTableau, tableau, autorises))
            {
                // an indirect /Annots or /Fields array that only gained signature fields
                continue;
            }
            alterations.Add(Description(finale, reference, nouveau, pages, "modifié"));
        }
        return new Modifications(signaturesAjoutees, alterations.Distinct().ToList());
    }

    private static bool MemeLieu(XrefLocation a, XrefLocation b) => a.Type == b.Type && a.Value1 == b.Value1 && a.Value2 == b.Value2;

    private static bool EstStructurel(IToken objet) => objet is StreamToken s && StructurePdf.Nom(s.StreamDictionary, "Type") is "XRef" or "ObjStm";

    /// <summary>The added signature fields and dictionaries, their appearance streams and the /DSS validation data.</summary>
    private static HashSet<IndirectReference> ObjetsDeSignatureAjoutes(StructurePdf finale, List<IndirectReference> nouveaux, out int signatures)
    {
        var autorises = new HashSet<IndirectReference>();
        signatures = 0;
        var ajoutes = nouveaux.ToHashSet();
        foreach (var reference in nouveaux)
        {
            var dictionnaire = finale.Dictionnaire(finale.Objet(reference));
            var type = StructurePdf.Nom(dictionnaire, "Type");
            if (type is "Sig" or "DocTimeStamp")
            {
                signatures++;
                autorises.Add(reference);
            }
            else if (StructurePdf.Nom(dictionnaire, "FT") == "Sig" || type == "DSS")
            {
                Descendants(finale, reference, ajoutes, autorises, exclure: ["P", "Parent"]);
            }
        }
        if (StructurePdf.Entree(finale.Catalogue, "DSS") is { } dss)
        {
            Descendants(finale, dss is IndirectReferenceToken r ? r.Data : default, ajoutes, autorises, exclure: [], dss as DictionaryToken);
        }
        return autorises;
    }

    /// <summary>The added objects reachable from <paramref name="depart"/> (not following links back to pages).</summary>
    private static void Descendants(StructurePdf pdf, IndirectReference depart, HashSet<IndirectReference> ajoutes, HashSet<IndirectReference> autorises,
        string[] exclure, DictionaryToken? direct = null)
    {
        var aVisiter = new Stack<IToken>();
        if (direct is not null)
        {
            aVisiter.Push(direct);
        }
        else if (ajoutes.Contains(depart) && autorises.Add(depart) && pdf.Objet(depart) is { } objet)
        {
            aVisiter.Push(objet);
        }
        while (aVisiter.Count > 0 && autorises.Count < 100_000)
        {
            switch (aVisiter.Pop())
            {
                case IndirectReferenceToken r when ajoutes.Contains(r.Data) && autorises.Add(r.Data) && pdf.Objet(r.Data) is { } cible:
                    aVisiter.Push(cible);
                    break;
                case DictionaryToken d:
                    foreach (var (cle, valeur) in d.Data.Where(e => !exclure.Contains(e.Key)))
                    {
                        aVisiter.Push(valeur);
                    }
                    break;
                case StreamToken s:
                    aVisiter.Push(s.StreamDictionary);
                    break;
                case ArrayToken a:
                    foreach (var element in a.Data)
                    {
                        aVisiter.Push(element);
                    }
                    break;
            }
        }
    }

    private static bool SeulesClesChangees(DictionaryToken avant, DictionaryToken apres, IReadOnlyCollection<string> autorisees)
    {
        var cles = avant.Data.Keys.Union(apres.Data.Keys).Where(k => !autorisees.Contains(k));
        return cles.All(k => avant.Data.TryGetValue(k, out var a) && apres.Data.TryGetValue(k, out var b) && a.Equals(b));
    }

    private static bool FormulaireAutorise(StructurePdf signee, StructurePdf finale, IToken? avant, IToken? apres, HashSet<IndirectReference> autorises)
    {
        var formulaireAvant = signee.Dictionnaire(avant) ?? new DictionaryToken(new Dictionary<NameToken, IToken>());
        if (finale.Dictionnaire(apres) is not { } formulaireApres)
        {
            return avant is null;
        }
        return SeulesClesChangees(formulaireAvant, formulaireApres, ClesFormulaireAutorisees)
            && AjoutsSeulement(signee.Resoudre(StructurePdf.Entree(formulaireAvant, "Fields")), finale.Resoudre(StructurePdf.Entree(formulaireApres, "Fields")), autorises);
    }

    /// <summary>The array kept every element in place and only gained signature objects.</summary>
    private static bool AjoutsSeulement(IToken? avant, IToken? apres, HashSet<IndirectReference> autorises)
    {
        var anciens = (avant as ArrayToken)?.Data ?? [];
        if (apres is not ArrayToken nouveaux || nouveaux.Data.Count < anciens.Count)
        {
            return avant is null && apres is null;
        }
        return anciens.Select((e, i) => e.Equals(nouveaux.Data[i])).All(x => x)
            && nouveaux.Data.Skip(anciens.Count).All(e => e is IndirectReferenceToken r && autorises.Contains(r.Data));
    }

    private static string Description(StructurePdf pdf, IndirectReference reference, IToken objet, HashSet<IndirectReference> pages, string action)
    {
        var dictionnaire = pdf.Dictionnaire(objet);
        var type = StructurePdf.Nom(dictionnaire, "Type");
        var numero = $"objet {reference.ObjectNumber}";
        return type switch
        {
            _ when pages.Contains(reference) => $"page {action}e ({numero})",
            "Pages" => $"arborescence des pages {action}e ({numero})",
            "Catalog" => $"catalogue du document {action} ({numero})",
            "Annot" => $"annotation {StructurePdf.Nom(dictionnaire, "Subtype")} {action}e ({numero})",
            "Font" or "XObject" => $"ressource {type} {action}e ({numero})",
            _ when objet is StreamToken => $"flux de contenu {action} ({numero})",
            _ => $"{numero} {action}",
        };
    }
}
