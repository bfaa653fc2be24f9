using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using UglyToad.PdfPig;

namespace Sigma.Signature.Tests;

/// <summary>PDF files for the tests: written by hand (classic table, or object stream and cross-reference stream) or by PDFsharp.</summary>
public static partial class PdfDeTest
{
    /// <summary>Catalog 1, pages 2, then page and content pairs; a classic cross-reference table.</summary>
    public static byte[] Classique(int pages = 1, int remplissage = 0)
    {
        var objets = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", $"<< /Type /Pages /Kids [{Kids(pages)}] /Count {pages} >>" };
        for (var i = 0; i < pages; i++)
        {
            objets.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R >>");
            var contenu = $"0 0 1 rg 50 {700 - 10 * i} 200 50 re f\n" + Remplissage(remplissage / pages);
            objets.Add($"<< /Length {contenu.Length} >>\nstream\n{contenu}\nendstream");
        }
        using var ms = new MemoryStream();
        Ecrire(ms, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var positions = new List<long>();
        for (var i = 0; i < objets.Count; i++)
        {
            positions.Add(ms.Position);
            Ecrire(ms, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }
        var xref = ms.Position;
        var table = new StringBuilder($"xref\n0 {objets.Count + 1}\n0000000000 65535 f\r\n");
        positions.ForEach(p => table.Append(CultureInfo.InvariantCulture, $"{p:D10} 00000 n\r\n"));
        Ecrire(ms, $"{table}trailer\n<< /Size {objets.Count + 1} /Root 1 0 R /ID [<0102030405060708090A0B0C0D0E0F10><0102030405060708090A0B0C0D0E0F10>] >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    /// <summary>
    /// A document prepared for signers: one page holding empty, visible signature fields (merged field and widget,
    /// objects 5, 6…), the form and the annotations as direct arrays; an /Info dictionary and an XMP stream when asked.
    /// </summary>
    public static byte[] AvecChampsSignature(params string[] noms) => Construire([], noms, metadonnees: false);

    /// <summary>A one-page PDF with an /Info dictionary (object 5) and an XMP metadata stream (object 6).</summary>
    public static byte[] AvecMetadonnees() => Construire([], [], metadonnees: true);

    /// <summary>A form to fill and sign: text fields « Prix » (object 5) and « Delai » (6), an empty signature field « Titulaire » (7).</summary>
    public static byte[] AvecFormulaire() => Construire(["Prix", "Delai"], ["Titulaire"], metadonnees: false);

    private static byte[] Construire(string[] textes, string[] signatures, bool metadonnees)
    {
        var champs = textes.Select(t => (Nom: t, Type: "Tx")).Concat(signatures.Select(s => (Nom: s, Type: "Sig"))).ToList();
        var widgets = string.Join(" ", champs.Select((_, i) => $"{5 + i} 0 R"));
        var objets = new List<string>
        {
            champs.Count == 0
                ? $"<< /Type /Catalog /Pages 2 0 R{(metadonnees ? " /Metadata 6 0 R" : "")} >>"
                : $"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [{widgets}] >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R{(champs.Count == 0 ? "" : $" /Annots [{widgets}]")} >>",
            "<< /Length 26 >>\nstream\n0 0 1 rg 50 700 200 50 re f\nendstream",
        };
        objets.AddRange(champs.Select((champ, i) =>
            $"<< /Type /Annot /Subtype /Widget /FT /{champ.Type} /T ({champ.Nom}) /F 4 /Rect [50 {100 + 60 * i} 250 {150 + 60 * i}] /P 3 0 R >>"));
        if (metadonnees)
        {
            objets.Add("<< /Producer (Traitement de texte 1.0) /CreationDate (D:20261101090000Z) >>");
            objets.Add(Xmp("Traitement de texte 1.0"));
        }
        using var ms = new MemoryStream();
        Ecrire(ms, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var positions = new List<long>();
        for (var i = 0; i < objets.Count; i++)
        {
            positions.Add(ms.Position);
            Ecrire(ms, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }
        var xref = ms.Position;
        var table = new StringBuilder($"xref\n0 {objets.Count + 1}\n0000000000 65535 f\r\n");
        positions.ForEach(p => table.Append(CultureInfo.InvariantCulture, $"{p:D10} 00000 n\r\n"));
        Ecrire(ms, $"{table}trailer\n<< /Size {objets.Count + 1} /Root 1 0 R{(metadonnees ? " /Info 5 0 R" : "")} >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    /// <summary>An XMP metadata stream naming the producer.</summary>
    public static string Xmp(string producteur)
    {
        var xmp = $"<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + $"<rdf:Description xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" pdf:Producer=\"{producteur}\"/></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        return $"<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n{xmp}\nendstream";
    }

    /// <summary>An object of the file as PDF text (its latest definition), to rewrite it in an update.</summary>
    public static string Objet(byte[] pdf, int numero)
    {
        using var document = PdfDocument.Open(pdf);
        using var ms = new MemoryStream();
        UglyToad.PdfPig.Writer.TokenWriter.Instance.WriteToken(document.Structure.GetObject(new UglyToad.PdfPig.Core.IndirectReference(numero, 0)).Data, ms);
        return Encoding.Latin1.GetString(ms.ToArray());
    }

    /// <summary>A dictionary's text with one more entry (or an entry replaced when <paramref name="cle"/> is there already).</summary>
    public static string AvecEntree(string dictionnaire, string cle, string valeur)
    {
        var sans = Regex.Replace(dictionnaire, $@"/{cle}\s*(\d+ \d+ R|\[[^\]]*\]|/\w+|\d+)", "");
        var fin = sans.LastIndexOf(">>", StringComparison.Ordinal);
        return $"{sans[..fin]} /{cle} {valeur} {sans[fin..]}";
    }

    /// <summary>The form's object number, its fields, and the catalog's: what an update that adds a field rewrites.</summary>
    public static (int Formulaire, string[] Champs) Formulaire(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalogue = (UglyToad.PdfPig.Tokens.DictionaryToken)document.Structure.GetObject(document.Structure.Trailer.Root).Data;
        var reference = ((UglyToad.PdfPig.Tokens.IndirectReferenceToken)catalogue.Data["AcroForm"]).Data;
        var formulaire = (UglyToad.PdfPig.Tokens.DictionaryToken)document.Structure.GetObject(reference).Data;
        var champs = ((UglyToad.PdfPig.Tokens.ArrayToken)formulaire.Data["Fields"]).Data.Cast<UglyToad.PdfPig.Tokens.IndirectReferenceToken>()
            .Select(r => $"{r.Data.ObjectNumber} 0 R").ToArray();
        return ((int)reference.ObjectNumber, champs);
    }

    /// <summary>PDF 1.5: catalog, pages and page inside an object stream, found through a cross-reference stream.</summary>
    public static byte[] AvecFluxObjets()
    {
        using var ms = new MemoryStream();
        Ecrire(ms, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        const string contenu = "1 0 0 rg 50 700 200 50 re f";
        var o4 = ms.Position;
        Ecrire(ms, $"4 0 obj\n<< /Length {contenu.Length} >>\nstream\n{contenu}\nendstream\nendobj\n");
        string[] compresses = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"];
        var corps = new StringBuilder();
        var entete = new StringBuilder();
        for (var i = 0; i < compresses.Length; i++)
        {
            entete.Append(CultureInfo.InvariantCulture, $"{i + 1} {corps.Length} ");
            corps.Append(compresses[i]).Append('\n');
        }
        var flux = entete.ToString() + corps;
        var o5 = ms.Position;
        Ecrire(ms, $"5 0 obj\n<< /Type /ObjStm /N 3 /First {entete.Length} /Length {flux.Length} >>\nstream\n{flux}\nendstream\nendobj\n");
        var o6 = ms.Position;
        var lignes = new List<byte[]> { new byte[] { 0, 0, 0, 0, 0, 0xFF, 0xFF } };
        for (var i = 0; i < 3; i++)
        {
            lignes.Add([2, 0, 0, 0, 5, 0, (byte)i]);
        }
        lignes.Add(Ligne(o4));
        lignes.Add(Ligne(o5));
        lignes.Add(Ligne(o6));
        var donnees = lignes.SelectMany(l => l).ToArray();
        Ecrire(ms, $"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /ID [<0102030405060708090A0B0C0D0E0F10><0102030405060708090A0B0C0D0E0F10>] /Length {donnees.Length} >>\nstream\n");
        ms.Write(donnees);
        Ecrire(ms, $"\nendstream\nendobj\nstartxref\n{o6}\n%%EOF\n");
        return ms.ToArray();
    }

    /// <summary>A PDF as PDFsharp writes it (no text: PDFsharp would need a font resolver for that).</summary>
    public static byte[] ParPdfSharp(int pages = 2)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.Info.Title = "Offre de formation — pièce signée";
        for (var i = 0; i < pages; i++)
        {
            var page = document.AddPage();
            using var dessin = XGraphics.FromPdfPage(page);
            dessin.DrawRectangle(XBrushes.SteelBlue, 50, 50 + 20 * i, 300, 120);
            dessin.DrawEllipse(XPens.DarkRed, 100, 300, 200, 100);
        }
        using var ms = new MemoryStream();
        document.Save(ms);
        return ms.ToArray();
    }

    /// <summary>
    /// Appends an incremental update (classic cross-reference section, /Prev to the last one) that defines the given
    /// objects, new or replacing.
    /// </summary>
    public static byte[] AjouterMiseAJour(byte[] pdf, IReadOnlyDictionary<int, string> objets, string entreesTrailer = "")
    {
        using var document = PdfDocument.Open(pdf);
        var trailer = document.Structure.Trailer;
        var taille = Math.Max(trailer.Size, objets.Keys.Max() + 1);
        using var ms = new MemoryStream();
        ms.Write(pdf);
        Ecrire(ms, "\n");
        var positions = new SortedDictionary<int, long>();
        foreach (var (numero, corps) in objets)
        {
            positions[numero] = ms.Position;
            Ecrire(ms, $"{numero} 0 obj\n{corps}\nendobj\n");
        }
        var xref = ms.Position;
        var table = new StringBuilder("xref\n");
        foreach (var (numero, position) in positions)
        {
            table.Append(CultureInfo.InvariantCulture, $"{numero} 1\n{position:D10} 00000 n\r\n");
        }
        Ecrire(ms, $"{table}trailer\n<< /Size {taille} /Root {trailer.Root.ObjectNumber} 0 R /Prev {Sigma.Signature.Infrastructure.Pdf.StructurePdf.DernierStartxref(pdf)} {entreesTrailer}>>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    /// <summary>The next free object number of the file.</summary>
    public static int ProchainNumero(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return (int)document.Structure.Trailer.Size;
    }

    /// <summary>Replaces the first occurrence of <paramref name="ancien"/> by <paramref name="nouveau"/> of the same length.</summary>
    public static byte[] Remplacer(byte[] pdf, string ancien, string nouveau)
    {
        var i = pdf.AsSpan().IndexOf(Encoding.Latin1.GetBytes(ancien));
        i.ShouldBeGreaterThanOrEqualTo(0, $"« {ancien} » absent du PDF");
        var copie = pdf.ToArray();
        Encoding.Latin1.GetBytes(nouveau).CopyTo(copie, i);
        return copie;
    }

    /// <summary>The /ByteRange of the last signature written, and where its text and its /Contents lie.</summary>
    public static (long[] Plage, int PositionTexte, int Longueur) DerniereByteRange(byte[] pdf)
    {
        var texte = Encoding.Latin1.GetString(pdf);
        var m = ByteRange().Matches(texte)[^1];
        var plage = m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        return (plage, m.Index, m.Length);
    }

    private static string Kids(int pages) => string.Join(" ", Enumerable.Range(0, pages).Select(i => $"{3 + 2 * i} 0 R"));

    private static string Remplissage(int octets)
    {
        var ligne = "% " + new string('x', 76) + "\n";
        return string.Concat(Enumerable.Repeat(ligne, octets / ligne.Length));
    }

    private static byte[] Ligne(long o) => [1, (byte)(o >> 24), (byte)(o >> 16), (byte)(o >> 8), (byte)o, 0, 0];

    private static void Ecrire(Stream s, string texte) => s.Write(Encoding.Latin1.GetBytes(texte));

    [GeneratedRegex(@"/ByteRange\s*\[([0-9 ]+)\]\s*")]
    private static partial Regex ByteRange();
}
