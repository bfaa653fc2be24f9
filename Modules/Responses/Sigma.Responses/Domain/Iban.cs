using System.Text;

namespace Sigma.Responses.Domain;

/// <summary>IBAN check (ISO 13616): country length and the mod-97 key.</summary>
public static class Iban
{
    private static readonly Dictionary<string, int> Longueurs = new()
    {
        ["FR"] = 27, ["MC"] = 27, ["DE"] = 22, ["BE"] = 16, ["ES"] = 24, ["IT"] = 27, ["LU"] = 20, ["CH"] = 21, ["NL"] = 18,
        ["PT"] = 25, ["GB"] = 22, ["IE"] = 22, ["AT"] = 20,
    };

    public static string Normaliser(string? saisie) => new((saisie ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>The French message for an invalid IBAN, or null when it is valid.</summary>
    public static string? Erreur(string? saisie)
    {
        var iban = Normaliser(saisie);
        if (iban.Length < 15 || iban.Length > 34 || !iban.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return "L'IBAN n'a pas la forme attendue (ex. : FR76 3000 6000 0112 3456 7890 189).";
        }
        if (Longueurs.TryGetValue(iban[..2], out var longueur) && iban.Length != longueur)
        {
            return $"Un IBAN {iban[..2]} compte {longueur} caractères ; celui-ci en compte {iban.Length}.";
        }
        return Reste97(iban[4..] + iban[..4]) == 1 ? null : "La clé de l'IBAN est fausse : vérifiez chaque caractère.";
    }

    public static bool EstValide(string? saisie) => Erreur(saisie) is null;

    /// <summary>Builds a valid IBAN from a country and a BBAN, computing its key (used by tests and demo data).</summary>
    public static string Construire(string pays, string bban)
    {
        var cle = 98 - Reste97(bban + pays + "00");
        return pays + cle.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + bban;
    }

    private static int Reste97(string texte)
    {
        var chiffres = new StringBuilder();
        foreach (var c in texte)
        {
            chiffres.Append(char.IsAsciiDigit(c) ? (c - '0').ToString(System.Globalization.CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var reste = 0;
        foreach (var c in chiffres.ToString())
        {
            reste = (reste * 10 + (c - '0')) % 97;
        }
        return reste;
    }
}
