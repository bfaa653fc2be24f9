using Sigma.Signature.Infrastructure.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>The form, the pages' annotations and the fields of the signed revision: what an update may do to them.</summary>
internal sealed partial class AnalyseRevisions
{
    /// <summary>The form may gain signature fields, its /Fields array becoming indirect or not; /SigFlags, /DR, /DA may change.</summary>
    private void Formulaire(IToken? entreeAvant, IToken? entreeApres)
    {
        var avant = _signee.Dictionnaire(entreeAvant);
        if (_finale.Resoudre(entreeApres) is not DictionaryToken apres)
        {
            if (avant is not null)
            {
                _alterations.Add("formulaire du document retiré");
            }
            return;
        }
        if (Modifie(entreeApres, out var reference) && (_ajoutes.Contains(reference) || Equals(entreeAvant, entreeApres)))
        {
            _traites.Add(reference);
        }
        foreach (var cle in ClesChangees(avant, apres).Where(c => !ClesFormulaire.Contains(c)))
        {
            _alterations.Add($"formulaire du document modifié (entrée /{cle})");
        }
        Descendants(StructurePdf.Entree(apres, "DR"), _autorises, exclure: []);
        var champs = StructurePdf.Entree(apres, "Fields");
        if (Modifie(champs, out var tableau) && _finale.Objet(tableau) is ArrayToken
            && (_ajoutes.Contains(tableau) || Equals(StructurePdf.Entree(avant, "Fields"), champs)))
        {
            _traites.Add(tableau);
        }
        var (retires, ajoutes) = Difference(_signee.Resoudre(StructurePdf.Entree(avant, "Fields")), _finale.Resoudre(champs));
        _alterations.AddRange(retires.Select(r => $"champ de formulaire retiré ({Numero(r)})"));
        _alterations.AddRange(ajoutes.Where(r => r is not IndirectReferenceToken i || !_autorises.Contains(i.Data))
            .Select(r => $"champ de formulaire ajouté ({Numero(r)})"));
    }

    /// <summary>A page may only see its /Annots change: signature widgets added, and annotations for the certification to judge.</summary>
    private void Page(IndirectReference page, int numero)
    {
        var avant = _signee.Dictionnaire(new IndirectReferenceToken(page));
        var apres = _finale.Dictionnaire(new IndirectReferenceToken(page));
        if (_modifies.ContainsKey(page))
        {
            if (ClesChangees(avant, apres).Any(c => c != "Annots"))
            {
                return;
            }
            _traites.Add(page);
        }
        var annotations = StructurePdf.Entree(apres, "Annots");
        if (Modifie(annotations, out var tableau) && _finale.Objet(tableau) is ArrayToken
            && (_ajoutes.Contains(tableau) || Equals(StructurePdf.Entree(avant, "Annots"), annotations)))
        {
            _traites.Add(tableau);
        }
        var (retirees, ajoutees) = Difference(_signee.Resoudre(StructurePdf.Entree(avant, "Annots")), _finale.Resoudre(annotations));
        foreach (var retiree in retirees)
        {
            if (EstAnnotation(_signee.Dictionnaire(retiree)) is { } sousType)
            {
                _annotations.Add($"annotation {sousType} supprimée de la page {numero}");
            }
            else
            {
                _alterations.Add($"champ de formulaire retiré de la page {numero} ({Numero(retiree)})");
            }
        }
        foreach (var ajoutee in ajoutees)
        {
            if (ajoutee is IndirectReferenceToken r && _autorises.Contains(r.Data))
            {
                continue;
            }
            if (ajoutee is IndirectReferenceToken a && _ajoutes.Contains(a.Data) && EstAnnotation(_finale.Dictionnaire(ajoutee)) is { } sousType)
            {
                _annotations.Add($"annotation {sousType} ajoutée sur la page {numero} ({Numero(ajoutee)})");
                var objets = new HashSet<IndirectReference>();
                Descendants(ajoutee, objets, exclure: ["P", "Parent"]);
                _traites.UnionWith(objets);
            }
            else
            {
                _alterations.Add($"élément ajouté aux annotations de la page {numero} ({Numero(ajoutee)})");
            }
        }
    }

    /// <summary>
    /// A field of the signed revision may gain a value and an appearance (/V, /AP, /AS): an empty signature field signed
    /// by a new signature dictionary, or a form field filled. A signature field that was signed stays as it was.
    /// </summary>
    private void ChampsExistants()
    {
        var signes = _signee.Signatures().Select(s => s.Champ).ToHashSet();
        foreach (var (reference, champ, type, nom) in _signee.Champs())
        {
            if (!_modifies.TryGetValue(reference, out var modification))
            {
                continue;
            }
            _traites.Add(reference);
            if (_finale.Resoudre(modification.Nouveau) is not DictionaryToken nouveau)
            {
                _alterations.Add($"champ « {nom} » remplacé (objet {reference.ObjectNumber})");
                continue;
            }
            var cles = ClesChangees(champ, nouveau).ToList();
            if (cles.FirstOrDefault(c => !ClesRemplissage.Contains(c)) is { } autre)
            {
                _alterations.Add($"champ « {nom} » modifié (entrée /{autre}, objet {reference.ObjectNumber})");
                continue;
            }
            if (type == "Sig")
            {
                var dejaSigne = signes.Contains(reference) || (StructurePdf.Entree(champ, "Parent") is IndirectReferenceToken parent && signes.Contains(parent.Data));
                if (dejaSigne || (cles.Contains("V") && (StructurePdf.Entree(champ, "V") is not null
                    || StructurePdf.Entree(nouveau, "V") is not IndirectReferenceToken v || !_autorises.Contains(v.Data))))
                {
                    _alterations.Add($"champ de signature « {nom} » modifié (objet {reference.ObjectNumber})");
                    continue;
                }
                if (cles.Contains("V"))
                {
                    _signes.Add(nom);
                }
                Descendants(StructurePdf.Entree(nouveau, "AP"), _autorises, exclure: []);
                continue;
            }
            _remplis.Add(nom);
            var objets = new HashSet<IndirectReference>();
            Descendants(StructurePdf.Entree(nouveau, "AP"), objets, exclure: []);
            Descendants(StructurePdf.Entree(nouveau, "V"), objets, exclure: []);
            _traites.UnionWith(objets);
        }
    }

    /// <summary>The subtype of an annotation that is not a form widget, or null.</summary>
    private static string? EstAnnotation(DictionaryToken? dictionnaire) =>
        dictionnaire is not null && (StructurePdf.Nom(dictionnaire, "Type") == "Annot" || StructurePdf.Entree(dictionnaire, "Rect") is not null)
        && StructurePdf.Nom(dictionnaire, "Subtype") is { } sousType && sousType != "Widget" && StructurePdf.Entree(dictionnaire, "FT") is null
            ? sousType : null;

    private static (List<IToken> Retires, List<IToken> Ajoutes) Difference(IToken? avant, IToken? apres)
    {
        var anciens = (avant as ArrayToken)?.Data ?? [];
        var nouveaux = (apres as ArrayToken)?.Data ?? [];
        return (anciens.Where(a => !nouveaux.Any(a.Equals)).ToList(), nouveaux.Where(n => !anciens.Any(n.Equals)).ToList());
    }

    private static string Numero(IToken element) => element is IndirectReferenceToken r ? $"objet {r.Data.ObjectNumber}" : "objet direct";
}
