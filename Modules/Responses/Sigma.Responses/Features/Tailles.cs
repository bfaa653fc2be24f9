using System.Globalization;

namespace Sigma.Responses.Features;

public static class Tailles
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"1,2 Mo", as a French user reads a file size.</summary>
    public static string Lisible(long octets) => octets switch
    {
        < 1024 => $"{octets} o",
        < 1024 * 1024 => (octets / 1024d).ToString("0.#", Fr) + " Ko",
        < 1024L * 1024 * 1024 => (octets / (1024d * 1024)).ToString("0.#", Fr) + " Mo",
        _ => (octets / (1024d * 1024 * 1024)).ToString("0.##", Fr) + " Go",
    };
}
