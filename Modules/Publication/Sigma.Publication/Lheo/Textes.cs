using System.Globalization;
using System.Text.RegularExpressions;

namespace Sigma.Publication.Lheo;

/// <summary>The small conversions LHÉO's types ask for: bounded texts, codes, dates, address lines.</summary>
internal static partial class Textes
{
    public static bool Vide(string? s) => string.IsNullOrWhiteSpace(s);

    /// <summary>The text within LHÉO's length limit: cut at a word with « … » rather than refused, the full text is the bidder's own.</summary>
    public static string Borne(string texte, int max)
    {
        texte = texte.Trim();
        if (texte.Length <= max)
        {
            return texte;
        }
        var coupe = texte[..(max - 1)];
        var espace = coupe.LastIndexOf(' ');
        return (espace > max / 2 ? coupe[..espace] : coupe).TrimEnd() + "…";
    }

    public static string Chiffres(string? s) => s is null ? "" : NonChiffres().Replace(s, "");

    /// <summary>The codes typed in one field (« 15062, 15064 »), each of <paramref name="longueur"/> characters.</summary>
    public static IEnumerable<string> Codes(string? s, int longueur) =>
        (s ?? "").Split([',', ';', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Where(c => c.Length == longueur).Distinct();

    /// <summary>A date typed in a form (2027-03-01 or 01/03/2027) as LHÉO's AAAAMMJJ.</summary>
    public static string? DateLheo(string? s) => Date(s)?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A number of hours or places typed as text (« 400 », « 400 h », « 35,5 »): its whole part.</summary>
    public static long? Entier(string? s)
    {
        var m = PremierNombre().Match(s ?? "");
        return m.Success && long.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>An address over LHÉO's lines of 50 characters (at most 4), cut between words.</summary>
    public static IReadOnlyList<string> Lignes(string adresse)
    {
        var lignes = new List<string>();
        var courante = "";
        foreach (var mot in adresse.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (courante.Length + mot.Length + 1 > 50 && courante.Length > 0)
            {
                lignes.Add(courante);
                courante = "";
            }
            courante = courante.Length == 0 ? Borne(mot, 50) : $"{courante} {mot}";
        }
        if (courante.Length > 0)
        {
            lignes.Add(courante);
        }
        return lignes.Count <= 4 ? lignes : [.. lignes.Take(3), Borne(string.Join(' ', lignes.Skip(3)), 50)];
    }

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonChiffres();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex PremierNombre();
}
