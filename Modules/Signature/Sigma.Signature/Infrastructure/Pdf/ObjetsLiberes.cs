using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Pdf;

/// <summary>
/// The objects the cross-reference sections appended after a revision mark free: deleted for a conforming reader,
/// though PdfPig still finds their earlier definition. Read by hand from the classic tables and the /XRef streams
/// that follow the /Prev chain back to the signed revision.
/// </summary>
internal static partial class ObjetsLiberes
{
    public static HashSet<long> Lire(byte[] pdf, long finRevision, StructurePdf finale)
    {
        var liberes = new HashSet<long>();
        var vues = new HashSet<long>();
        var position = StructurePdf.DernierStartxref(pdf);
        while (position is { } p && p >= finRevision && p < pdf.Length && vues.Add(p) && vues.Count < 10_000)
        {
            try
            {
                position = StructurePdf.EstFluxXref(pdf, p) ? Flux(pdf, p, finale, liberes) : Table(pdf, p, liberes);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                return liberes;
            }
        }
        return liberes;
    }

    /// <summary>A classic table: "xref", subsections "first count" of entries "offset generation n|f", then the trailer.</summary>
    private static long? Table(byte[] pdf, long position, HashSet<long> liberes)
    {
        var fin = pdf.AsSpan((int)position).IndexOf("startxref"u8);
        var texte = Encoding.Latin1.GetString(pdf, (int)position, fin < 0 ? pdf.Length - (int)position : fin);
        var jetons = texte.Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var i = 1;
        while (i + 1 < jetons.Length && jetons[i] != "trailer")
        {
            var premier = long.Parse(jetons[i], CultureInfo.InvariantCulture);
            var nombre = long.Parse(jetons[i + 1], CultureInfo.InvariantCulture);
            i += 2;
            for (var n = 0L; n < nombre && i + 2 < jetons.Length; n++, i += 3)
            {
                if (jetons[i + 2] == "f" && premier + n != 0)
                {
                    liberes.Add(premier + n);
                }
            }
        }
        var trailer = texte.IndexOf("trailer", StringComparison.Ordinal);
        var precedent = trailer < 0 ? null : Prev().Match(texte, trailer);
        return precedent is { Success: true } ? long.Parse(precedent.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A cross-reference stream: entries of type 0 are free; /W gives the field widths, /Index the subsections.</summary>
    private static long? Flux(byte[] pdf, long position, StructurePdf finale, HashSet<long> liberes)
    {
        var entete = Entete().Match(Encoding.Latin1.GetString(pdf, (int)position, Math.Min(64, pdf.Length - (int)position)));
        if (!entete.Success || finale.Objet(new IndirectReference(long.Parse(entete.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(entete.Groups[2].Value, CultureInfo.InvariantCulture))) is not StreamToken flux)
        {
            return null;
        }
        var dictionnaire = flux.StreamDictionary;
        if (StructurePdf.Entree(dictionnaire, "W") is not ArrayToken { Length: 3 } w || w.Data.Any(t => t is not NumericToken))
        {
            return null;
        }
        var largeurs = w.Data.Cast<NumericToken>().Select(t => t.Int).ToArray();
        var index = (StructurePdf.Entree(dictionnaire, "Index") as ArrayToken)?.Data.OfType<NumericToken>().Select(t => t.Long).ToArray()
            ?? [0, (StructurePdf.Entree(dictionnaire, "Size") as NumericToken)?.Long ?? 0];
        var donnees = flux.Decode(DefaultFilterProvider.Instance).ToArray();
        var taille = largeurs.Sum();
        var ligne = 0;
        for (var s = 0; s + 1 < index.Length; s += 2)
        {
            for (var n = 0L; n < index[s + 1] && (ligne + 1) * taille <= donnees.Length; n++, ligne++)
            {
                var type = largeurs[0] == 0 ? 1 : Champ(donnees, ligne * taille, largeurs[0]);
                if (type == 0 && index[s] + n != 0)
                {
                    liberes.Add(index[s] + n);
                }
            }
        }
        return (StructurePdf.Entree(dictionnaire, "Prev") as NumericToken)?.Long;
    }

    private static long Champ(byte[] donnees, int debut, int largeur)
    {
        var valeur = 0L;
        for (var i = 0; i < largeur; i++)
        {
            valeur = (valeur << 8) | donnees[debut + i];
        }
        return valeur;
    }

    [GeneratedRegex(@"/Prev\s+(\d+)")]
    private static partial Regex Prev();

    [GeneratedRegex(@"^\s*(\d+)\s+(\d+)\s+obj")]
    private static partial Regex Entete();
}
