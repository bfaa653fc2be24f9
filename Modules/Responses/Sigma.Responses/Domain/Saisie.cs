using System.Globalization;

namespace Sigma.Responses.Domain;

/// <summary>How the forms' text reads: empty, a number, a date, a SIRET, an e-mail… (pure functions, no framework).</summary>
public static class Saisie
{
    public static bool Vide(string? v) => string.IsNullOrWhiteSpace(v);

    public static decimal? Nombre(string? v) =>
        decimal.TryParse((v ?? "").Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace('€', ' ').Trim().Replace(',', '.'),
            NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static DateOnly? Date(string? v) =>
        DateOnly.TryParseExact(v?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static bool SiretValide(string? v)
    {
        var s = new string((v ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (s.Length != 14 || !s.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (s.StartsWith("356000000", StringComparison.Ordinal))
        {
            return s.Sum(c => c - '0') % 5 == 0;
        }
        return Luhn(s[..9]) && Luhn(s);
    }

    /// <summary>The Luhn key that both the SIREN (9 digits) and the SIRET (14) carry.</summary>
    private static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var n = (chiffres[chiffres.Length - 1 - i] - '0') * (i % 2 == 1 ? 2 : 1);
            somme += n > 9 ? n - 9 : n;
        }
        return somme % 10 == 0;
    }

    public static bool EmailValide(string? v) => v is not null && System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$");

    public static bool TelephoneValide(string? v) => v is not null && System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^(\+33\s?|0)[1-9]([\s.-]?\d{2}){4}$");

    public static bool CodePostalValide(string? v) => v is not null && System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^\d{5}$");
}
