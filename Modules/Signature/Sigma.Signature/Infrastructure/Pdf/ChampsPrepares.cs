using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Pdf;

/// <summary>An empty signature field of a prepared document: the field, and the widget that shows it (itself or its first kid).</summary>
internal sealed record ChampVide(string Nom, IndirectReference Champ, DictionaryToken Dictionnaire, IndirectReference Widget, DictionaryToken DictionnaireWidget);

/// <summary>
/// Signing the empty signature fields a document was prepared with (the usual workflow for several signers): the
/// field gains /V, its widget an appearance saying who signed and when; nothing else of the document changes.
/// </summary>
internal static class ChampsPrepares
{
    public static ChampVide? Trouver(StructurePdf structure, string? nom)
    {
        foreach (var (reference, champ, type, complet) in structure.Champs())
        {
            if (type != "Sig" || StructurePdf.Entree(champ, "T") is null || StructurePdf.Entree(champ, "V") is not null || (nom is not null && complet != nom))
            {
                continue;
            }
            var widget = (reference, champ);
            if (structure.Resoudre(StructurePdf.Entree(champ, "Kids")) is ArrayToken { Length: > 0 } enfants)
            {
                if (enfants.Data[0] is not IndirectReferenceToken r || structure.Dictionnaire(r) is not { } enfant)
                {
                    continue;
                }
                widget = (r.Data, enfant);
            }
            return new ChampVide(complet, reference, champ, widget.Item1, widget.Item2);
        }
        if (nom is not null)
        {
            throw new DomainException($"Le champ de signature « {nom} » n'existe pas dans ce PDF ou il est déjà signé.", "Fichiers");
        }
        return null;
    }

    public static void Signer(StructurePdf structure, MiseAJourIncrementale maj, ChampVide champ, IndirectReferenceToken signature,
        X509Certificate2 certificat, DateTimeOffset heure)
    {
        var apparence = Apparence(structure, maj, champ.DictionnaireWidget, certificat, heure);
        if (champ.Widget.Equals(champ.Champ))
        {
            var dictionnaire = champ.Dictionnaire.With("V", signature);
            maj.Objet(champ.Champ, apparence is null ? dictionnaire : dictionnaire.With("AP", apparence));
        }
        else
        {
            maj.Objet(champ.Champ, champ.Dictionnaire.With("V", signature));
            if (apparence is not null)
            {
                maj.Objet(champ.Widget, champ.DictionnaireWidget.With("AP", apparence));
            }
        }
        var entree = StructurePdf.Entree(structure.Catalogue, "AcroForm");
        if (structure.Dictionnaire(entree) is { } formulaire && structure.Resoudre(StructurePdf.Entree(formulaire, "SigFlags")) is not NumericToken { Int: 3 })
        {
            var avecDrapeaux = formulaire.With("SigFlags", new NumericToken(3));
            if (entree is IndirectReferenceToken reference)
            {
                maj.Objet(reference.Data, avecDrapeaux);
            }
            else
            {
                maj.Objet(structure.Racine, structure.Catalogue.With("AcroForm", avecDrapeaux));
            }
        }
    }

    /// <summary>A visible field gets /AP /N: a form XObject naming the signer and the time (Helvetica, WinAnsi).</summary>
    private static DictionaryToken? Apparence(StructurePdf structure, MiseAJourIncrementale maj, DictionaryToken widget, X509Certificate2 certificat, DateTimeOffset heure)
    {
        if (structure.Resoudre(StructurePdf.Entree(widget, "Rect")) is not ArrayToken { Length: 4 } rect || rect.Data.Any(t => structure.Resoudre(t) is not NumericToken))
        {
            return null;
        }
        var c = rect.Data.Select(t => (double)((NumericToken)structure.Resoudre(t)!).Double).ToArray();
        var (largeur, hauteur) = (Math.Abs(c[2] - c[0]), Math.Abs(c[3] - c[1]));
        if (largeur < 1 || hauteur < 1)
        {
            return null;
        }
        var taille = Math.Clamp(hauteur / 3, 4, 10);
        var nom = certificat.GetNameInfo(X509NameType.SimpleName, false);
        var texte = string.Create(CultureInfo.InvariantCulture,
            $"BT /F1 {taille:0.##} Tf 2 {hauteur - taille - 2:0.##} Td ({Echapper($"Signé par {nom}")}) Tj 0 {-(taille + 2):0.##} Td ({Echapper($"le {heure.Affiche()}")}) Tj ET");
        var police = maj.NouvelObjet();
        maj.Objet(police, new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Type")] = NameToken.Create("Font"),
            [NameToken.Create("Subtype")] = NameToken.Create("Type1"),
            [NameToken.Create("BaseFont")] = NameToken.Create("Helvetica"),
            [NameToken.Create("Encoding")] = NameToken.Create("WinAnsiEncoding"),
        }));
        var flux = maj.NouvelObjet();
        maj.Debut(flux);
        maj.Ecrire(string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /XObject /Subtype /Form /BBox [0 0 {largeur:0.##} {hauteur:0.##}] /Resources << /Font << /F1 {police.ObjectNumber} 0 R >> >> /Length {Encoding.Latin1.GetByteCount(texte)} >>\nstream\n"));
        maj.Ecrire(texte);
        maj.Ecrire("\nendstream");
        maj.Fin();
        return new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("N")] = new IndirectReferenceToken(flux) });
    }

    private static string Echapper(string texte) =>
        new string(texte.Select(ch => ch <= '\u00ff' ? ch : '?').ToArray()).Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
}
