using Sigma.Registration.Domain;

namespace Sigma.Registration.Tests;

internal static class Donnees
{
    public const string MotDePasse = "Formation-Occitanie-2026";

    /// <summary>A random SIRET that passes both Luhn keys.</summary>
    public static string NouveauSiret()
    {
        while (true)
        {
            var chiffres = string.Concat(Enumerable.Range(0, 13).Select(_ => Random.Shared.Next(10)));
            for (var d = 0; d < 10; d++)
            {
                var siret = chiffres + d;
                if (Siret.EstValide(siret) && !siret.StartsWith(Siret.SirenLaPoste, StringComparison.Ordinal))
                {
                    return siret;
                }
            }
        }
    }

    public static string NouvelIdentifiant(string prefixe = "u") => $"{prefixe}.{Guid.NewGuid():N}"[..20];

    public static Dictionary<string, string> Inscription(string siret, string identifiant, string? email = null) => new()
    {
        ["Siret"] = siret,
        ["RaisonSociale"] = "Centre de Formation Pyrénées",
        ["CodeNaf"] = "8559A",
        ["AdresseLigne1"] = "3 place du Capitole",
        ["AdresseLigne2"] = "",
        ["CodePostal"] = "31000",
        ["Ville"] = "Toulouse",
        ["Telephone"] = "05 61 00 00 00",
        ["Prenom"] = "Hélène",
        ["Nom"] = "Durand",
        ["Email"] = email ?? $"{identifiant}@cfp.test",
        ["Identifiant"] = identifiant,
        ["MotDePasse"] = MotDePasse,
        ["ConfirmationMotDePasse"] = MotDePasse,
    };
}
