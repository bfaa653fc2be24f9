using System.Globalization;
using System.Text;

namespace Sigma.Referentials.Domain;

/// <summary>
/// How a typed text meets codes and labels: accents, case and punctuation removed, then every word typed must begin a
/// word of the entry ("maco" finds "maçonnerie", "22334" finds the code 22334, "34472" finds RNCP34472).
/// </summary>
public static class TexteRecherche
{
    /// <summary>Below this many letters or digits typed, nothing is searched.</summary>
    public const int LongueurMinimale = 3;

    /// <summary>Changes when the way documents are built changes, so that stored entries are indexed again.</summary>
    public const string Version = "1";

    // Small words a label may leave out ("plan expérience" for "plan d'expérience"): not required unless typed last.
    private static readonly HashSet<string> MotsVides =
        ["a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par", "pour", "sur", "un", "une"];

    /// <summary>Lower case, without accents; every run of characters other than letters and digits becomes one space.</summary>
    public static string Normaliser(string? texte)
    {
        var sb = new StringBuilder(texte?.Length ?? 0);
        var espace = true;
        foreach (var c in (texte ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", 'ß' => "ss", _ => char.ToLowerInvariant(c).ToString() });
                espace = false;
            }
            else if (!espace)
            {
                sb.Append(' ');
                espace = true;
            }
        }
        return sb.ToString().TrimEnd();
    }

    public static IReadOnlyList<string> Mots(string? texte) => Normaliser(texte).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The words an entry is found by: its code, the digits of a code such as RNCP34472, and its label.
    /// </summary>
    public static string Document(string code, string libelle)
    {
        var codeNormalise = Normaliser(code);
        var chiffres = string.Concat(codeNormalise.SkipWhile(char.IsAsciiLetterLower));
        var aussiChiffres = chiffres.Length > 0 && chiffres.Length < codeNormalise.Length && chiffres.All(char.IsAsciiDigit);
        return string.Join(' ', new[] { codeNormalise, aussiChiffres ? chiffres : "", Normaliser(libelle) }.Where(m => m.Length > 0));
    }

    /// <summary>
    /// The PostgreSQL prefix query (<c>to_tsquery('simple', …)</c>) for what was typed: every word as a prefix, small
    /// words dropped unless typed last; <c>null</c> when fewer than <see cref="LongueurMinimale"/> letters or digits were typed.
    /// Words hold only letters and digits, so the query cannot carry tsquery operators.
    /// </summary>
    public static string? RequetePrefixes(string? saisie)
    {
        var mots = Mots(saisie);
        if (mots.Sum(m => m.Length) < LongueurMinimale)
        {
            return null;
        }
        var gardes = mots.Where((m, i) => i == mots.Count - 1 || !MotsVides.Contains(m)).ToList();
        return string.Join(" & ", gardes.Select(m => m + ":*"));
    }

    /// <summary>The same words as whole words: entries matching them exactly (a code typed in full) come first.</summary>
    public static string? RequeteExacte(string? saisie) =>
        RequetePrefixes(saisie) is { } requete ? requete.Replace(":*", "", StringComparison.Ordinal) : null;

    /// <summary>"NIV5", "Niveau 5", "5" → "5"; anything else → <c>null</c>.</summary>
    public static string? Niveau(string? valeur)
    {
        var chiffre = (valeur ?? "").FirstOrDefault(char.IsAsciiDigit);
        return chiffre is >= '1' and <= '8' ? chiffre.ToString() : null;
    }
}
