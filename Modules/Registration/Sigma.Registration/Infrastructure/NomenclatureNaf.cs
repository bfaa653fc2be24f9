using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Sigma.Registration.Infrastructure;

/// <summary>The NAF rév. 2 sous-classes (APE codes), read once from the copy shipped in this assembly.</summary>
public static partial class NomenclatureNaf
{
    private static readonly Lazy<FrozenDictionary<string, string>> Libelles = new(Charger);

    /// <summary>"8559A", "85.59A" or "85.59 a" become "85.59A"; null when it is not shaped like an APE code.</summary>
    public static string? Normaliser(string? saisie)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return null;
        }
        var compact = saisie.Replace(" ", "").Replace(".", "").ToUpperInvariant();
        return FormeApe().IsMatch(compact) ? $"{compact[..2]}.{compact[2..]}" : null;
    }

    public static bool Existe(string codeNormalise) => Libelles.Value.ContainsKey(codeNormalise);

    public static string? Libelle(string codeNormalise) => Libelles.Value.GetValueOrDefault(codeNormalise);

    public static int Nombre => Libelles.Value.Count;

    private static FrozenDictionary<string, string> Charger()
    {
        using var stream = typeof(NomenclatureNaf).Assembly.GetManifestResourceStream("Sigma.Registration.Donnees.naf-rev2-sous-classes.csv")
            ?? throw new InvalidOperationException("Nomenclature NAF absente de l'assemblage.");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, string>();
        reader.ReadLine();
        while (reader.ReadLine() is { } ligne)
        {
            var parts = ligne.Split('|', 2);
            if (parts.Length == 2 && Normaliser(parts[0]) is { } code)
            {
                codes[code] = parts[1].Trim();
            }
        }
        return codes.ToFrozenDictionary();
    }

    [GeneratedRegex("^[0-9]{4}[A-Z]$")]
    private static partial Regex FormeApe();
}
