using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Sigma.Signature.Infrastructure.Pdf;

/// <summary>
/// An incremental update (ISO 32000-1, 7.5.6): the original bytes untouched, then new or replaced objects and a
/// cross-reference section pointing back to the previous one (/Prev). When the file's last section is a
/// cross-reference stream, the update writes one too (PDF 1.5), otherwise a classic table and trailer.
/// </summary>
internal sealed class MiseAJourIncrementale
{
    private readonly MemoryStream _sortie = new();
    private readonly SortedDictionary<long, (int Generation, long Position)> _positions = [];
    private readonly StructurePdf _structure;
    private readonly long _precedent;
    private readonly bool _enFlux;
    private long _prochainNumero;

    public MiseAJourIncrementale(ReadOnlySpan<byte> original, StructurePdf structure)
    {
        _structure = structure;
        _precedent = StructurePdf.DernierStartxref(original) ?? structure.Document.Structure.XrefOffset;
        _enFlux = StructurePdf.EstFluxXref(original, _precedent);
        _sortie.Write(original);
        if (original.Length > 0 && original[^1] is not ((byte)'\n' or (byte)'\r'))
        {
            Ecrire("\n");
        }
        _prochainNumero = Math.Max(structure.Document.Structure.Trailer.Size,
            structure.Document.Structure.CrossReferenceTable.ObjectOffsets.Keys.Select(k => k.ObjectNumber + 1).DefaultIfEmpty(1).Max());
    }

    public long Position => _sortie.Position;

    public IndirectReference NouvelObjet() => new(_prochainNumero++, 0);

    /// <summary>Starts an object; the caller writes its body with <see cref="Ecrire(string)"/> or <see cref="EcrireJeton"/>.</summary>
    public void Debut(IndirectReference reference)
    {
        _positions[reference.ObjectNumber] = (reference.Generation, _sortie.Position);
        Ecrire(string.Create(CultureInfo.InvariantCulture, $"{reference.ObjectNumber} {reference.Generation} obj\n"));
    }

    public void Fin() => Ecrire("\nendobj\n");

    public void Objet(IndirectReference reference, IToken corps)
    {
        Debut(reference);
        EcrireJeton(corps);
        Fin();
    }

    public void Ecrire(string texte) => _sortie.Write(Encoding.Latin1.GetBytes(texte));

    public void EcrireJeton(IToken jeton) => TokenWriter.Instance.WriteToken(jeton, _sortie);

    /// <summary>Writes the cross-reference section and the trailer, and returns the whole updated file.</summary>
    public byte[] Terminer()
    {
        var trailer = _structure.Document.Structure.Trailer;
        var identifiant = trailer.Identifier is { Count: 2 } id
            ? $"[{Hex(id[0])} {Hex(id[1])}]"
            : $"[<{Convert.ToHexString(Guid.NewGuid().ToByteArray())}> <{Convert.ToHexString(Guid.NewGuid().ToByteArray())}>]";
        var info = trailer.Info is IndirectReferenceToken i ? $" /Info {i.Data.ObjectNumber} {i.Data.Generation} R" : "";
        var commun = $"/Root {trailer.Root.ObjectNumber} {trailer.Root.Generation} R{info} /ID {identifiant} /Prev {_precedent}";

        long debutXref;
        if (_enFlux)
        {
            var flux = NouvelObjet();
            debutXref = _sortie.Position;
            _positions[flux.ObjectNumber] = (0, debutXref);
            var lignes = new MemoryStream();
            foreach (var (_, (generation, position)) in _positions)
            {
                lignes.Write([1, (byte)(position >> 24), (byte)(position >> 16), (byte)(position >> 8), (byte)position, (byte)(generation >> 8), (byte)generation]);
            }
            Ecrire(string.Create(CultureInfo.InvariantCulture,
                $"{flux.ObjectNumber} 0 obj\n<< /Type /XRef /Size {_prochainNumero} /W [1 4 2] /Index [{Index()}] {commun} /Length {lignes.Length} >>\nstream\n"));
            _sortie.Write(lignes.ToArray());
            Ecrire("\nendstream\nendobj\n");
        }
        else
        {
            debutXref = _sortie.Position;
            var table = new StringBuilder("xref\n");
            foreach (var (debut, nombre) in SousSections())
            {
                table.Append(CultureInfo.InvariantCulture, $"{debut} {nombre}\n");
                for (var n = debut; n < debut + nombre; n++)
                {
                    var (generation, position) = _positions[n];
                    table.Append(CultureInfo.InvariantCulture, $"{position:D10} {generation:D5} n\r\n");
                }
            }
            table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_prochainNumero} {commun} >>\n");
            Ecrire(table.ToString());
        }
        Ecrire(string.Create(CultureInfo.InvariantCulture, $"startxref\n{debutXref}\n%%EOF\n"));
        return _sortie.ToArray();
    }

    private string Index() => string.Join(' ', SousSections().Select(s => $"{s.Debut} {s.Nombre}"));

    private List<(long Debut, long Nombre)> SousSections()
    {
        var sections = new List<(long Debut, long Nombre)>();
        foreach (var numero in _positions.Keys)
        {
            if (sections.Count > 0 && sections[^1].Debut + sections[^1].Nombre == numero)
            {
                sections[^1] = (sections[^1].Debut, sections[^1].Nombre + 1);
            }
            else
            {
                sections.Add((numero, 1));
            }
        }
        return sections;
    }

    private static string Hex(IToken jeton) => jeton switch
    {
        HexToken h => $"<{Convert.ToHexString(h.Bytes.ToArray())}>",
        StringToken s => $"<{Convert.ToHexString(s.GetBytes())}>",
        _ => "<>",
    };
}
