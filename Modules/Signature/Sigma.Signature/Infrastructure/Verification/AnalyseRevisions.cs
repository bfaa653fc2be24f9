using Sigma.Signature.Infrastructure.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>
/// Compares the signed revision with the whole file, object by object, as the EU DSS and pyHanko do. Allowed without
/// touching what the signer saw: new signature fields and dictionaries with their appearances, pre-existing empty
/// signature fields gaining /V and /AP, validation data (/DSS, document time-stamps), the form's /Fields and the
/// pages' /Annots (direct or as a new indirect array) gaining those fields, metadata (/Info, XMP, /Extensions) and
/// objects nothing refers to. Form filling and annotations are sorted apart, for the certification to judge. Any
/// other added or changed object (a page, a content stream, a font, an action) changes what the signer saw.
/// </summary>
internal sealed partial class AnalyseRevisions
{
    private static readonly HashSet<string> ClesFormulaire = ["Fields", "SigFlags", "DR", "DA", "NeedAppearances"];
    private static readonly HashSet<string> ClesRemplissage = ["V", "AP", "AS"];

    private readonly StructurePdf _signee;
    private readonly StructurePdf _finale;
    private readonly Dictionary<IndirectReference, (IToken? Ancien, IToken Nouveau)> _modifies = [];
    private readonly HashSet<IndirectReference> _ajoutes = [];
    private readonly HashSet<IndirectReference> _traites = [];
    private readonly HashSet<IndirectReference> _autorises = [];
    private readonly List<string> _metadonnees = [];
    private readonly List<string> _remplis = [];
    private readonly List<string> _signes = [];
    private readonly List<string> _annotations = [];
    private readonly List<string> _alterations = [];
    private HashSet<IndirectReference>? _atteignables;

    private readonly IReadOnlySet<long> _liberes;

    private AnalyseRevisions(StructurePdf signee, StructurePdf finale, IReadOnlySet<long> liberes)
    {
        _signee = signee;
        _finale = finale;
        _liberes = liberes;
    }

    /// <summary>Compares; <paramref name="liberes"/> are the object numbers the later cross-reference sections mark free.</summary>
    public static Modifications Comparer(StructurePdf signee, StructurePdf finale, IReadOnlySet<long>? liberes = null) =>
        new AnalyseRevisions(signee, finale, liberes ?? new HashSet<long>()).Executer();

    private Modifications Executer()
    {
        var pagesAvant = _signee.Pages();
        var pagesApres = _finale.Pages();
        if (pagesApres.Count != pagesAvant.Count)
        {
            _alterations.Add(pagesApres.Count > pagesAvant.Count
                ? $"{Sigma.BuildingBlocks.Web.Francais.Nombre(pagesApres.Count - pagesAvant.Count, "page ajoutée", "pages ajoutées")} après la signature"
                : $"{Sigma.BuildingBlocks.Web.Francais.Nombre(pagesAvant.Count - pagesApres.Count, "page retirée", "pages retirées")} après la signature");
        }
        var avant = _signee.Document.Structure.CrossReferenceTable.ObjectOffsets;
        var pagesSignees = pagesAvant.ToHashSet();
        // An object freed by a later section is gone for a conforming reader, whatever PdfPig still finds.
        foreach (var supprime in avant.Keys.Where(r => _liberes.Contains(r.ObjectNumber)))
        {
            if (_signee.Objet(supprime) is { } ancien)
            {
                _alterations.Add(Description(supprime, ancien, pagesSignees, "supprimé"));
            }
        }
        foreach (var (reference, lieu) in _finale.Document.Structure.CrossReferenceTable.ObjectOffsets)
        {
            if (reference.ObjectNumber == 0 || (avant.TryGetValue(reference, out var ancienLieu) && MemeLieu(ancienLieu, lieu)))
            {
                continue;
            }
            var nouveau = _finale.Objet(reference);
            var ancien = avant.ContainsKey(reference) ? _signee.Objet(reference) : null;
            if (nouveau is null || EstStructurel(nouveau) || (ancien is not null && ancien.Equals(nouveau)))
            {
                continue;
            }
            _modifies[reference] = (ancien, nouveau);
            if (ancien is null)
            {
                _ajoutes.Add(reference);
            }
        }

        var (signatures, horodatages, dss) = ObjetsDeSignatureAjoutes();
        Catalogue();
        Informations();
        ChampsExistants();
        var pages = pagesApres.ToHashSet();
        for (var i = 0; i < pagesApres.Count; i++)
        {
            if (pagesSignees.Contains(pagesApres[i]))
            {
                Page(pagesApres[i], i + 1);
            }
        }

        var nonReferences = new List<string>();
        foreach (var (reference, (ancien, nouveau)) in _modifies)
        {
            if (_traites.Contains(reference) || _autorises.Contains(reference))
            {
                continue;
            }
            if (ancien is null)
            {
                if (Atteignables().Contains(reference))
                {
                    _alterations.Add(Description(reference, nouveau, pages, "ajouté"));
                }
                else
                {
                    nonReferences.Add($"objet {reference.ObjectNumber}");
                }
            }
            else if (EstAnnotation(_signee.Dictionnaire(ancien)) is { } sousType)
            {
                _annotations.Add($"annotation {sousType} modifiée (objet {reference.ObjectNumber})");
            }
            else
            {
                _alterations.Add(Description(reference, nouveau, pages, "modifié"));
            }
        }
        return new Modifications(signatures, horodatages, dss, _metadonnees.Distinct().ToList(), _remplis.Distinct().ToList(), _signes.Distinct().ToList(),
            _annotations.Distinct().ToList(), nonReferences, _alterations.Distinct().ToList());
    }

    private static bool MemeLieu(XrefLocation a, XrefLocation b) => a.Type == b.Type && a.Value1 == b.Value1 && a.Value2 == b.Value2;

    private static bool EstStructurel(IToken objet) => objet is StreamToken s && StructurePdf.Nom(s.StreamDictionary, "Type") is "XRef" or "ObjStm";

    private bool Modifie(IToken? jeton, out IndirectReference reference)
    {
        reference = jeton is IndirectReferenceToken r ? r.Data : default;
        return jeton is IndirectReferenceToken && _modifies.ContainsKey(reference);
    }

    /// <summary>The added signature fields and dictionaries, their appearance streams and the /DSS validation data.</summary>
    private (int Signatures, int Horodatages, bool Dss) ObjetsDeSignatureAjoutes()
    {
        var (signatures, horodatages) = (0, 0);
        foreach (var reference in _ajoutes)
        {
            var dictionnaire = _finale.Dictionnaire(_finale.Objet(reference));
            var type = StructurePdf.Nom(dictionnaire, "Type");
            if (type is "Sig" or "DocTimeStamp")
            {
                _ = type == "Sig" ? signatures++ : horodatages++;
                _autorises.Add(reference);
            }
            else if (StructurePdf.Nom(dictionnaire, "FT") == "Sig" || type == "DSS")
            {
                Descendants(new IndirectReferenceToken(reference), _autorises, exclure: ["P", "Parent"]);
            }
        }
        var dss = StructurePdf.Entree(_finale.Catalogue, "DSS");
        Descendants(dss, _autorises, exclure: []);
        return (signatures, horodatages, dss is not null && !Equals(dss, StructurePdf.Entree(_signee.Catalogue, "DSS")));
    }

    /// <summary>The added objects reachable from <paramref name="depart"/> (not following links back to pages).</summary>
    private void Descendants(IToken? depart, HashSet<IndirectReference> cible, string[] exclure) =>
        Parcourir(depart is null ? [] : [depart], cible, _ajoutes.Contains, exclure, 100_000);

    /// <summary>Every object of the final revision reachable from its trailer (computed once, only when an added object needs it).</summary>
    private HashSet<IndirectReference> Atteignables()
    {
        if (_atteignables is null)
        {
            _atteignables = [];
            var departs = new List<IToken> { new IndirectReferenceToken(_finale.Racine) };
            if (_finale.Document.Structure.Trailer.Info is { } info)
            {
                departs.Add(info);
            }
            Parcourir(departs, _atteignables, _ => true, [], 1_000_000);
        }
        return _atteignables;
    }

    /// <summary>
    /// Walks the object graph of the final revision from <paramref name="departs"/>, adding to <paramref name="cible"/>
    /// every indirect object it follows (those <paramref name="suivre"/> accepts), skipping the dictionary keys of
    /// <paramref name="exclure"/>, and stopping at <paramref name="limite"/> objects.
    /// </summary>
    private void Parcourir(IEnumerable<IToken> departs, HashSet<IndirectReference> cible, Func<IndirectReference, bool> suivre, string[] exclure, int limite)
    {
        var aVisiter = new Stack<IToken>(departs);
        while (aVisiter.Count > 0 && cible.Count < limite)
        {
            switch (aVisiter.Pop())
            {
                case IndirectReferenceToken r when suivre(r.Data) && cible.Add(r.Data) && _finale.Objet(r.Data) is { } objet:
                    aVisiter.Push(objet);
                    break;
                case DictionaryToken d:
                    foreach (var (_, valeur) in d.Data.Where(e => !exclure.Contains(e.Key)))
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

    private static IEnumerable<string> ClesChangees(DictionaryToken? avant, DictionaryToken? apres)
    {
        IReadOnlyDictionary<string, IToken> a = avant?.Data ?? new Dictionary<string, IToken>();
        IReadOnlyDictionary<string, IToken> b = apres?.Data ?? new Dictionary<string, IToken>();
        return a.Keys.Union(b.Keys).Where(k => !(a.TryGetValue(k, out var x) && b.TryGetValue(k, out var y) && x.Equals(y)));
    }

    /// <summary>The catalog may change its /AcroForm, /DSS, /Metadata and /Extensions entries, nothing else.</summary>
    private void Catalogue()
    {
        var ancien = _signee.Catalogue;
        var nouveau = _finale.Catalogue;
        if (_modifies.ContainsKey(_finale.Racine))
        {
            _traites.Add(_finale.Racine);
            foreach (var cle in ClesChangees(ancien, nouveau))
            {
                switch (cle)
                {
                    case "AcroForm" or "DSS" or "Metadata":
                        break;
                    case "Extensions":
                        _metadonnees.Add("déclaration d'extensions du catalogue (/Extensions) modifiée");
                        Descendants(StructurePdf.Entree(nouveau, cle), _autorises, exclure: []);
                        break;
                    default:
                        _alterations.Add($"catalogue du document modifié (entrée /{cle}, objet {_finale.Racine.ObjectNumber})");
                        break;
                }
            }
        }
        Formulaire(StructurePdf.Entree(ancien, "AcroForm"), StructurePdf.Entree(nouveau, "AcroForm"));

        // The XMP stream, rewritten in place or replaced: an XMP stream before and after, never an object that was something else.
        var metadonnees = StructurePdf.Entree(nouveau, "Metadata");
        var changees = !Equals(metadonnees, StructurePdf.Entree(ancien, "Metadata"));
        if (Modifie(metadonnees, out var xmp))
        {
            var (avant, apres) = _modifies[xmp];
            if (EstXmp(apres) && (avant is null || EstXmp(avant)))
            {
                _traites.Add(xmp);
                _metadonnees.Add($"métadonnées XMP réécrites (objet {xmp.ObjectNumber})");
            }
        }
        else if (changees)
        {
            _metadonnees.Add("métadonnées XMP du catalogue remplacées");
        }
    }

    private static bool EstXmp(IToken objet) => objet is StreamToken s && StructurePdf.Nom(s.StreamDictionary, "Type") == "Metadata";

    /// <summary>The trailer's /Info dictionary, rewritten or replaced by a new one.</summary>
    private void Informations()
    {
        var info = _finale.Document.Structure.Trailer.Info;
        var ancienne = _signee.Document.Structure.Trailer.Info;
        if (Modifie(info, out var reference))
        {
            var (avant, apres) = _modifies[reference];
            var memeObjet = ancienne is IndirectReferenceToken a && a.Data.Equals(reference);
            if (apres is DictionaryToken && (avant is null || memeObjet))
            {
                _traites.Add(reference);
                _metadonnees.Add($"dictionnaire d'informations du document (/Info) réécrit (objet {reference.ObjectNumber})");
            }
        }
        else if (!Equals(info, ancienne))
        {
            _metadonnees.Add(info is null ? "dictionnaire d'informations du document (/Info) retiré" : "dictionnaire d'informations du document (/Info) remplacé");
        }
    }


    private string Description(IndirectReference reference, IToken objet, HashSet<IndirectReference> pages, string action)
    {
        var dictionnaire = _finale.Dictionnaire(objet);
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
