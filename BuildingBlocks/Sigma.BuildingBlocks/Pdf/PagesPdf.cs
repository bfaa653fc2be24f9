using System.Globalization;
using System.IO.Compression;
using System.Text;
using Encoding = System.Text.Encoding;
using UglyToad.PdfPig.Fonts;
using UglyToad.PdfPig.Fonts.AdobeFontMetrics;
using UglyToad.PdfPig.Fonts.Encodings;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace Sigma.BuildingBlocks.Pdf;

/// <summary>
/// A plain text document on A4 pages in Helvetica, one of the PDF standard fonts every reader has: no font file to
/// ship or embed. Text is WinAnsi-encoded (French accents, « », œ, €) and wrapped with the font's own metrics.
/// </summary>
public sealed class PagesPdf
{
    private const double Largeur = 595, Hauteur = 842, Marge = 50;
    private static readonly AdobeFontMetrics Normale = Standard14.GetAdobeFontMetrics(Standard14Font.Helvetica);
    private static readonly AdobeFontMetrics Grasse = Standard14.GetAdobeFontMetrics(Standard14Font.HelveticaBold);
    private static readonly Dictionary<char, byte> Codes = TableWinAnsi();

    private readonly List<StringBuilder> _pages = [];
    private double _y;

    public PagesPdf() => NouvellePage();

    public void Texte(string texte, double taille = 10, bool gras = false, double retrait = 0, (double R, double V, double B)? couleur = null)
    {
        var largeurMax = Largeur - 2 * Marge - retrait;
        foreach (var ligne in Couper(texte, taille, gras, largeurMax))
        {
            if (_y - taille < Marge)
            {
                NouvellePage();
            }
            _y -= taille * 1.3;
            var (r, v, b) = couleur ?? (0.1, 0.1, 0.1);
            _pages[^1].Append(CultureInfo.InvariantCulture,
                $"BT {r:0.###} {v:0.###} {b:0.###} rg /{(gras ? "F2" : "F1")} {taille:0.#} Tf {Marge + retrait:0.##} {_y:0.##} Td ({Litteral(ligne)}) Tj ET\n");
        }
    }

    public void Espace(double hauteur = 8) => _y -= hauteur;

    public void Filet()
    {
        _y -= 6;
        _pages[^1].Append(CultureInfo.InvariantCulture, $"0.8 0.8 0.8 RG 0.5 w {Marge} {_y:0.##} m {Largeur - Marge} {_y:0.##} l S\n");
        _y -= 6;
    }

    public byte[] Produire(string titre)
    {
        var objets = new List<byte[]>
        {
            Latin1("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin1($"<< /Type /Pages /Count {_pages.Count} /Kids [{string.Join(' ', _pages.Select((_, i) => $"{5 + 2 * i} 0 R"))}] >>"),
            Latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
            Latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
        };
        for (var i = 0; i < _pages.Count; i++)
        {
            var pied = $"BT 0.4 0.4 0.4 rg /F1 8 Tf {Marge} 30 Td ({Litteral($"{titre} — page {i + 1} sur {_pages.Count}")}) Tj ET\n";
            var contenu = Compresser(Encoding.Latin1.GetBytes(_pages[i] + pied));
            objets.Add(Latin1($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Largeur} {Hauteur}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {6 + 2 * i} 0 R >>"));
            objets.Add([.. Latin1($"<< /Length {contenu.Length} /Filter /FlateDecode >>\nstream\n"), .. contenu, .. Latin1("\nendstream")]);
        }
        objets.Add(Latin1($"<< /Title ({Litteral(titre)}) /Producer (Sigma) >>"));

        using var sortie = new MemoryStream();
        sortie.Write(Latin1("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var positions = new List<long>();
        for (var i = 0; i < objets.Count; i++)
        {
            positions.Add(sortie.Position);
            sortie.Write(Latin1($"{i + 1} 0 obj\n"));
            sortie.Write(objets[i]);
            sortie.Write(Latin1("\nendobj\n"));
        }
        var xref = sortie.Position;
        var table = new StringBuilder($"xref\n0 {objets.Count + 1}\n0000000000 65535 f\r\n");
        foreach (var p in positions)
        {
            table.Append(CultureInfo.InvariantCulture, $"{p:D10} 00000 n\r\n");
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objets.Count + 1} /Root 1 0 R /Info {objets.Count} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        sortie.Write(Latin1(table.ToString()));
        return sortie.ToArray();
    }

    private void NouvellePage()
    {
        _pages.Add(new StringBuilder());
        _y = Hauteur - Marge;
    }

    private static IEnumerable<string> Couper(string texte, double taille, bool gras, double largeurMax)
    {
        foreach (var paragraphe in texte.Split('\n'))
        {
            var ligne = new StringBuilder();
            foreach (var mot in paragraphe.Split(' '))
            {
                var essai = ligne.Length == 0 ? mot : $"{ligne} {mot}";
                if (ligne.Length > 0 && LargeurTexte(essai, taille, gras) > largeurMax)
                {
                    yield return ligne.ToString();
                    ligne.Clear().Append(mot);
                }
                else
                {
                    ligne.Clear().Append(essai);
                }
                while (LargeurTexte(ligne.ToString(), taille, gras) > largeurMax && ligne.Length > 1)
                {
                    var coupe = ligne.Length - 1;
                    while (coupe > 1 && LargeurTexte(ligne.ToString(0, coupe), taille, gras) > largeurMax)
                    {
                        coupe--;
                    }
                    yield return ligne.ToString(0, coupe);
                    ligne.Remove(0, coupe);
                }
            }
            yield return ligne.ToString();
        }
    }

    private static double LargeurTexte(string texte, double taille, bool gras)
    {
        var metriques = gras ? Grasse : Normale;
        return texte.Sum(c => metriques.CharacterMetrics.TryGetValue(WinAnsiEncoding.Instance.GetName(Code(c)), out var m) ? m.Width.X : 556) * taille / 1000;
    }

    private static byte Code(char c) => Codes.TryGetValue(c, out var code) ? code : (byte)'?';

    private static string Litteral(string texte)
    {
        var sortie = new StringBuilder();
        foreach (var c in texte)
        {
            var code = Code(c);
            sortie.Append(code switch
            {
                (byte)'(' or (byte)')' or (byte)'\\' => $"\\{(char)code}",
                < 32 or > 126 => $"\\{Convert.ToString(code, 8).PadLeft(3, '0')}",
                _ => ((char)code).ToString(),
            });
        }
        return sortie.ToString();
    }

    private static Dictionary<char, byte> TableWinAnsi()
    {
        var table = new Dictionary<char, byte>();
        for (var code = 32; code < 256; code++)
        {
            var nom = WinAnsiEncoding.Instance.GetName(code);
            if (GlyphList.AdobeGlyphList.NameToUnicode(nom) is { Length: 1 } unicode)
            {
                table.TryAdd(unicode[0], (byte)code);
            }
        }
        table['\u00a0'] = (byte)' ';
        table['\u202f'] = (byte)' ';
        table['\u2019'] = 0x92;
        return table;
    }

    private static byte[] Compresser(byte[] donnees)
    {
        using var sortie = new MemoryStream();
        using (var zlib = new ZLibStream(sortie, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(donnees);
        }
        return sortie.ToArray();
    }

    private static byte[] Latin1(string texte) => Encoding.Latin1.GetBytes(texte);
}
