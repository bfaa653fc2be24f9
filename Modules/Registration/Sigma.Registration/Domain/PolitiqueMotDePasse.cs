namespace Sigma.Registration.Domain;

/// <summary>Long passwords over complicated ones (ANSSI): 12 characters at least, letters and something else.</summary>
public static class PolitiqueMotDePasse
{
    public const int LongueurMinimale = 12;

    public const string Consigne = "12 caractères au moins, dont au moins une lettre et un chiffre ou un caractère spécial.";

    public static string? Erreur(string? motDePasse, string? identifiant)
    {
        if (string.IsNullOrEmpty(motDePasse))
        {
            return "Le mot de passe est obligatoire.";
        }
        if (motDePasse.Length < LongueurMinimale)
        {
            return $"Le mot de passe doit comporter au moins {LongueurMinimale} caractères.";
        }
        if (motDePasse.Length > 128)
        {
            return "Le mot de passe ne doit pas dépasser 128 caractères.";
        }
        if (!motDePasse.Any(char.IsLetter) || motDePasse.All(char.IsLetter))
        {
            return "Le mot de passe doit contenir au moins une lettre et un chiffre ou un caractère spécial.";
        }
        if (!string.IsNullOrWhiteSpace(identifiant) && motDePasse.Contains(identifiant, StringComparison.OrdinalIgnoreCase))
        {
            return "Le mot de passe ne doit pas contenir votre identifiant.";
        }
        return null;
    }
}
