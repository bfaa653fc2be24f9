using System.Globalization;

namespace Sigma.Responses.Domain;

/// <summary>
/// The bidder numbers composantes and modules (the FAQ): each number a positive integer, in ascending order as
/// entered, without duplicates. Returns, per position, the French message of what is wrong (null when right).
/// </summary>
public static class Numerotation
{
    public static IReadOnlyList<string?> Verifier(IReadOnlyList<string?> numeros, string element)
    {
        var erreurs = new string?[numeros.Count];
        var vus = new HashSet<int>();
        int? precedent = null;
        for (var i = 0; i < numeros.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(numeros[i]))
            {
                erreurs[i] = $"Numérotez {element}.";
                continue;
            }
            if (!int.TryParse(numeros[i]!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                erreurs[i] = "Le numéro est un nombre entier positif (1, 2, 3…).";
                continue;
            }
            if (!vus.Add(n))
            {
                erreurs[i] = $"Le numéro {n} est déjà utilisé : chaque numéro ne sert qu'une fois.";
            }
            else if (precedent is { } p && n < p)
            {
                erreurs[i] = $"Le numéro {n} suit le numéro {p} : numérotez dans l'ordre croissant.";
            }
            precedent = n;
        }
        return erreurs;
    }
}
