using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Pdf;

/// <summary>A signature field of a PDF, as PdfPig reads it: the field, its signature dictionary and where it lives.</summary>
internal sealed record ChampSignature(
    string Nom,
    IndirectReference Champ,
    IndirectReference ObjetValeur,
    bool ValeurIndirecte,
    DictionaryToken Valeur);

/// <summary>What Sigma reads of a PDF's structure through PdfPig: objects, page tree, form fields, signatures.</summary>
internal sealed class StructurePdf(PdfDocument document)
{
    public PdfDocument Document { get; } = document;

    public IndirectReference Racine => Document.Structure.Trailer.Root;

    public DictionaryToken Catalogue => Dictionnaire(new IndirectReferenceToken(Racine)) ?? Document.Structure.Catalog.CatalogDictionary;

    public static StructurePdf Ouvrir(ReadOnlyMemory<byte> octets) => new(PdfDocument.Open(octets, new ParsingOptions { SkipMissingFonts = true }));

    public IToken? Objet(IndirectReference reference)
    {
        try
        {
            return Document.Structure.GetObject(reference)?.Data;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>The token itself, or the object it refers to (followed through chains of references).</summary>
    public IToken? Resoudre(IToken? token)
    {
        for (var i = 0; i < 8 && token is IndirectReferenceToken r; i++)
        {
            token = Objet(r.Data);
        }
        return token;
    }

    public DictionaryToken? Dictionnaire(IToken? token) => Resoudre(token) switch
    {
        DictionaryToken d => d,
        StreamToken s => s.StreamDictionary,
        _ => null,
    };

    public static IToken? Entree(DictionaryToken? dictionnaire, string cle) =>
        dictionnaire is not null && dictionnaire.TryGet(NameToken.Create(cle), out var valeur) ? valeur : null;

    public static string? Nom(DictionaryToken? dictionnaire, string cle) => Entree(dictionnaire, cle) is NameToken n ? n.Data : null;

    /// <summary>Every page object of the page tree, in order (cycles and depth are bounded).</summary>
    public List<IndirectReference> Pages()
    {
        var pages = new List<IndirectReference>();
        var vus = new HashSet<IndirectReference>();
        void Parcourir(IToken? noeud, int profondeur)
        {
            if (noeud is not IndirectReferenceToken r || profondeur > 64 || !vus.Add(r.Data) || Dictionnaire(r) is not { } d)
            {
                return;
            }
            if (Nom(d, "Type") == "Page" || (Nom(d, "Type") is null && Entree(d, "Kids") is null))
            {
                pages.Add(r.Data);
                return;
            }
            if (Resoudre(Entree(d, "Kids")) is ArrayToken enfants)
            {
                foreach (var enfant in enfants.Data)
                {
                    Parcourir(enfant, profondeur + 1);
                }
            }
        }
        Parcourir(Entree(Catalogue, "Pages"), 0);
        return pages;
    }

    /// <summary>Every field of the form with its reference and the field type it has or inherits.</summary>
    public List<(IndirectReference Reference, DictionaryToken Champ, string? Type, string Nom)> Champs()
    {
        var champs = new List<(IndirectReference, DictionaryToken, string?, string)>();
        var vus = new HashSet<IndirectReference>();
        void Parcourir(IToken? noeud, string? typeHerite, string parent, int profondeur)
        {
            if (noeud is not IndirectReferenceToken r || profondeur > 32 || !vus.Add(r.Data) || Dictionnaire(r) is not { } d)
            {
                return;
            }
            var type = Nom(d, "FT") ?? typeHerite;
            var nom = Resoudre(Entree(d, "T")) switch
            {
                StringToken s => s.Data,
                HexToken h => h.Data,
                _ => "",
            };
            var complet = parent.Length == 0 ? nom : nom.Length == 0 ? parent : $"{parent}.{nom}";
            champs.Add((r.Data, d, type, complet));
            if (Resoudre(Entree(d, "Kids")) is ArrayToken enfants)
            {
                foreach (var enfant in enfants.Data)
                {
                    Parcourir(enfant, type, complet, profondeur + 1);
                }
            }
        }
        if (Dictionnaire(Entree(Catalogue, "AcroForm")) is { } formulaire && Resoudre(Entree(formulaire, "Fields")) is ArrayToken racines)
        {
            foreach (var racine in racines.Data)
            {
                Parcourir(racine, null, "", 0);
            }
        }
        return champs;
    }

    /// <summary>The signed signature fields (type /Sig with a value), in the order of the file.</summary>
    public List<ChampSignature> Signatures()
    {
        var signatures = new List<ChampSignature>();
        foreach (var (reference, champ, type, nom) in Champs())
        {
            if (type != "Sig" || Entree(champ, "V") is not { } valeur)
            {
                continue;
            }
            if (valeur is IndirectReferenceToken r && Dictionnaire(r) is { } dictionnaire)
            {
                signatures.Add(new ChampSignature(nom, reference, r.Data, true, dictionnaire));
            }
            else if (valeur is DictionaryToken direct)
            {
                signatures.Add(new ChampSignature(nom, reference, reference, false, direct));
            }
        }
        return signatures;
    }

    /// <summary>
    /// The offset of the last cross-reference section, as the file's last <c>startxref</c> says (PdfPig's own
    /// <c>XrefOffset</c> is the first section it met, not the last). Null when the file has no startxref at its end.
    /// </summary>
    public static long? DernierStartxref(ReadOnlySpan<byte> pdf)
    {
        var fin = pdf[Math.Max(0, pdf.Length - 2048)..];
        var i = fin.LastIndexOf("startxref"u8);
        if (i < 0)
        {
            return null;
        }
        var reste = fin[(i + 9)..].TrimStart(" \r\n\t"u8);
        var chiffres = reste.IndexOfAnyExcept("0123456789"u8);
        return long.TryParse(chiffres < 0 ? reste : reste[..chiffres], System.Globalization.CultureInfo.InvariantCulture, out var position) ? position : null;
    }

    /// <summary>Is the cross-reference section at this offset a stream (PDF 1.5) rather than a classic table?</summary>
    public static bool EstFluxXref(ReadOnlySpan<byte> pdf, long position) =>
        position >= 0 && position < pdf.Length && !pdf[(int)position..].TrimStart(" \r\n\t"u8).StartsWith("xref"u8);

    /// <summary>Where the latest definition of an object lies in the file, when it is not inside an object stream.</summary>
    public long? Position(IndirectReference reference) =>
        Document.Structure.CrossReferenceTable.ObjectOffsets.TryGetValue(reference, out var lieu) && lieu.Type == XrefEntryType.File
            ? lieu.Value1 : null;
}
