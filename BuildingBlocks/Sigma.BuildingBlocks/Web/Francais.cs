using System.Globalization;

namespace Sigma.BuildingBlocks.Web;

/// <summary>How a French user reads a number of things and a file size, on every page of every module.</summary>
public static class Francais
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"0 réponse", "1 réponse", "19 réponses": French takes the singular up to 1.</summary>
    public static string Nombre(long nombre, string singulier, string? pluriel = null) =>
        $"{nombre.ToString("N0", Fr)} {(nombre is >= -1 and <= 1 ? singulier : pluriel ?? singulier + "s")}";

    /// <summary>"350 o", "4,5 Ko", "1,2 Mo", "1,05 Go": the unit that fits.</summary>
    public static string Taille(long octets) => octets switch
    {
        < 1024 => $"{octets} o",
        < 1024 * 1024 => (octets / 1024d).ToString("0.#", Fr) + " Ko",
        < 1024L * 1024 * 1024 => (octets / (1024d * 1024)).ToString("0.#", Fr) + " Mo",
        _ => (octets / (1024d * 1024 * 1024)).ToString("0.##", Fr) + " Go",
    };

    /// <summary>"3 jours 4 heures 19 minutes", only the parts that are not zero (at least the minutes).</summary>
    public static string Duree(TimeSpan duree)
    {
        var parties = new List<string>();
        if ((int)duree.TotalDays > 0)
        {
            parties.Add(Nombre((int)duree.TotalDays, "jour"));
        }
        if (duree.Hours > 0)
        {
            parties.Add(Nombre(duree.Hours, "heure"));
        }
        if (duree.Minutes > 0 || parties.Count == 0)
        {
            parties.Add(Nombre(duree.Minutes, "minute"));
        }
        return string.Join(" ", parties);
    }
}
