using Sigma.Signature.Infrastructure.Pdf;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>The fields a signature locks (FieldMDP, ISO 32000-1 12.8.2.4): all, the listed ones, or all but them.</summary>
internal sealed record Verrou(string Action, IReadOnlyList<string> Champs)
{
    public bool Verrouille(string champ) => Action switch
    {
        "All" => true,
        "Include" => Champs.Contains(champ, StringComparer.Ordinal),
        "Exclude" => !Champs.Contains(champ, StringComparer.Ordinal),
        _ => false,
    };

    public string Description => Action switch
    {
        "All" => "tous les champs du formulaire",
        "Include" => $"les champs {string.Join(", ", Champs.Select(c => $"« {c} »"))}",
        _ => $"tous les champs sauf {string.Join(", ", Champs.Select(c => $"« {c} »"))}",
    };
}

/// <summary>
/// What a signature permits after it: a certification (DocMDP, ISO 32000-1 12.8.2.2) with its level P (1: no change,
/// 2: form filling and signing, 3: also annotations), and the field locks of its /Reference or of its field's /Lock.
/// </summary>
internal sealed record Permissions(int? Certification, IReadOnlyList<Verrou> Verrous)
{
    public static Permissions Lire(StructurePdf pdf, ChampSignature signature)
    {
        int? niveau = null;
        var verrous = new List<Verrou>();
        var perms = pdf.Dictionnaire(StructurePdf.Entree(pdf.Catalogue, "Perms"));
        if (signature.ValeurIndirecte && StructurePdf.Entree(perms, "DocMDP") is IndirectReferenceToken docMdp && docMdp.Data.Equals(signature.ObjetValeur))
        {
            niveau = 2;
        }
        if (pdf.Resoudre(StructurePdf.Entree(signature.Valeur, "Reference")) is ArrayToken references)
        {
            foreach (var reference in references.Data.Select(pdf.Dictionnaire).OfType<DictionaryToken>())
            {
                var parametres = pdf.Dictionnaire(StructurePdf.Entree(reference, "TransformParams"));
                switch (StructurePdf.Nom(reference, "TransformMethod"))
                {
                    // A signature that claims to certify is judged as a certification, even when the catalog does not name it.
                    case "DocMDP":
                        niveau = Niveau(pdf, parametres) ?? 2;
                        break;
                    case "FieldMDP" when LireVerrou(pdf, parametres) is { } verrou:
                        verrous.Add(verrou);
                        break;
                }
            }
        }
        if (pdf.Dictionnaire(StructurePdf.Entree(pdf.Dictionnaire(new IndirectReferenceToken(signature.Champ)), "Lock")) is { } verrouChamp)
        {
            if (LireVerrou(pdf, verrouChamp) is { } verrou)
            {
                verrous.Add(verrou);
            }
            // PDF 2.0: a lock's /P restricts the document as a certification of that level would.
            if (Niveau(pdf, verrouChamp) is { } p)
            {
                niveau = Math.Min(niveau ?? 3, p);
            }
        }
        return new Permissions(niveau, verrous.Distinct().ToList());
    }

    private static int? Niveau(StructurePdf pdf, DictionaryToken? parametres) =>
        pdf.Resoudre(StructurePdf.Entree(parametres, "P")) is NumericToken { Int: >= 1 and <= 3 } p ? p.Int : null;

    private static Verrou? LireVerrou(StructurePdf pdf, DictionaryToken? parametres)
    {
        var action = StructurePdf.Nom(parametres, "Action");
        if (action is not ("All" or "Include" or "Exclude"))
        {
            return null;
        }
        var champs = (pdf.Resoudre(StructurePdf.Entree(parametres, "Fields")) as ArrayToken)?.Data
            .Select(pdf.Resoudre)
            .Select(t => t switch { StringToken s => s.Data, HexToken h => h.Data, _ => null })
            .OfType<string>().ToList() ?? [];
        return new Verrou(action, champs);
    }
}
