namespace Sigma.BuildingBlocks.Time;

/// <summary>Every deadline and displayed time in Sigma is Europe/Paris time.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset ToParis(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>"28/11/2026 à 14:05", as French users read a time.</summary>
    public static string Affiche(this DateTimeOffset instant) =>
        instant.ToParis().ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>"28/11/2026 à 14:05:09", to the second, as a receipt states it.</summary>
    public static string AfficheALaSeconde(this DateTimeOffset instant) =>
        instant.ToParis().ToString("dd/MM/yyyy 'à' HH:mm:ss", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>The instant of a wall-clock time typed in Paris.</summary>
    public static DateTimeOffset FromParisWallClock(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
