using System.Text;

namespace Sigma.Consultations.Infrastructure;

/// <summary>A one-page PDF with a title and lines of text, for the demo DCE (a real PDF any viewer opens).</summary>
internal static class PdfDemo
{
    public static byte[] Generer(string titre, IEnumerable<string> lignes)
    {
        var latin1 = Encoding.Latin1;
        var contenu = new StringBuilder("BT /F1 16 Tf 56 780 Td (").Append(Echapper(titre)).Append(") Tj /F1 11 Tf 0 -28 Td 14 TL");
        foreach (var ligne in lignes)
        {
            contenu.Append(" (").Append(Echapper(ligne)).Append(") '");
        }
        contenu.Append(" ET");
        var flux = latin1.GetBytes(contenu.ToString());
        var objets = new List<byte[]>
        {
            latin1.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            latin1.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            latin1.GetBytes($"<< /Length {flux.Length} >>\nstream\n").Concat(flux).Concat(latin1.GetBytes("\nendstream")).ToArray(),
            latin1.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        };
        using var pdf = new MemoryStream();
        void Ecrire(string s) => pdf.Write(latin1.GetBytes(s));
        Ecrire("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var positions = new List<long>();
        for (var i = 0; i < objets.Count; i++)
        {
            positions.Add(pdf.Position);
            Ecrire($"{i + 1} 0 obj\n");
            pdf.Write(objets[i]);
            Ecrire("\nendobj\n");
        }
        var xref = pdf.Position;
        Ecrire($"xref\n0 {objets.Count + 1}\n0000000000 65535 f \n");
        foreach (var p in positions)
        {
            Ecrire($"{p:D10} 00000 n \n");
        }
        Ecrire($"trailer\n<< /Size {objets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static string Echapper(string texte) => texte.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)").Replace("’", "'").Replace("œ", "oe");
}
