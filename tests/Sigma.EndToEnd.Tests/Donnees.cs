namespace Sigma.EndToEnd.Tests;

internal static class Donnees
{
    public const string MotDePasse = "Formation-Occitanie-2026";

    /// <summary>A random SIRET: its SIREN (first 9 digits) and the 14 digits both pass the Luhn check.</summary>
    public static string NouveauSiret()
    {
        while (true)
        {
            var siren = string.Concat(Enumerable.Range(0, 8).Select(_ => Random.Shared.Next(10)));
            siren += Enumerable.Range(0, 10).Select(d => d.ToString()).First(d => Luhn(siren + d));
            if (siren == "356000000")
            {
                continue; // La Poste follows its own rule.
            }
            var debutNic = string.Concat(Enumerable.Range(0, 4).Select(_ => Random.Shared.Next(10)));
            return siren + debutNic + Enumerable.Range(0, 10).Select(d => d.ToString()).First(d => Luhn(siren + debutNic + d));
        }
    }

    public static string NouvelIdentifiant(string prefixe) => $"{prefixe}.{Guid.NewGuid():N}"[..20];

    public static string CodePostal() => $"31{Random.Shared.Next(1000):000}";

    private static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var d = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            somme += d;
        }
        return somme % 10 == 0;
    }
}
