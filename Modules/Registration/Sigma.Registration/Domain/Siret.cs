namespace Sigma.Registration.Domain;

/// <summary>
/// An establishment's SIRET: 14 digits, SIREN (9) + NIC (5), each with a Luhn key. La Poste's establishments
/// (SIREN 356000000) follow their own rule: the sum of the 14 digits is a multiple of 5.
/// </summary>
public static class Siret
{
    public const string SirenLaPoste = "356000000";

    /// <summary>The French reason the typed value is not a valid SIRET, or null when it is one.</summary>
    public static string? Erreur(string? saisie)
    {
        var valeur = Nettoyer(saisie);
        if (valeur.Length == 0)
        {
            return "Le SIRET est obligatoire.";
        }
        if (!valeur.All(char.IsAsciiDigit))
        {
            return "Le SIRET ne doit contenir que des chiffres (14 chiffres, espaces acceptés).";
        }
        if (valeur.Length == 9)
        {
            return "Le SIREN seul ne suffit pas pour créer un compte : saisissez le SIRET à 14 chiffres de l'établissement (SIREN + NIC).";
        }
        if (valeur.Length != 14)
        {
            return $"Le SIRET doit comporter 14 chiffres (vous en avez saisi {valeur.Length}).";
        }
        var valide = valeur.StartsWith(SirenLaPoste, StringComparison.Ordinal)
            ? valeur.Sum(c => c - '0') % 5 == 0 || Luhn(valeur)
            : Luhn(valeur[..9]) && Luhn(valeur);
        return valide ? null : "Ce SIRET n'existe pas : sa clé de contrôle est incorrecte. Vérifiez les 14 chiffres.";
    }

    public static bool EstValide(string? saisie) => Erreur(saisie) is null;

    /// <summary>The digits typed, without spaces.</summary>
    public static string Nettoyer(string? saisie) => (saisie ?? "").Replace(" ", "").Replace("\u00a0", "").Trim();

    public static string Siren(string siret) => Nettoyer(siret)[..9];

    public static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var d = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            somme += d;
        }
        return somme % 10 == 0;
    }
}
