using System.Globalization;

namespace Sigma.Benchmarks;

/// <summary>Percentiles of measured durations (nearest rank), and the small formatting helpers of the reports.</summary>
internal sealed class Statistiques
{
    private readonly List<double> _valeurs;

    public Statistiques(IEnumerable<double> valeurs)
    {
        _valeurs = valeurs.OrderBy(v => v).ToList();
        if (_valeurs.Count == 0)
        {
            throw new ArgumentException("Aucune mesure.", nameof(valeurs));
        }
    }

    public int Nombre => _valeurs.Count;
    public double Min => _valeurs[0];
    public double Max => _valeurs[^1];
    public double Moyenne => _valeurs.Average();
    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);

    public double Percentile(double p)
    {
        var rang = (int)Math.Ceiling(p / 100 * _valeurs.Count);
        return _valeurs[Math.Clamp(rang - 1, 0, _valeurs.Count - 1)];
    }
}

internal static class Format
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Ms(double ms) => ms.ToString("0.00", Inv);

    public static string Mo(long octets) => (octets / (1024d * 1024)).ToString("0.0", Inv) + " MiB";

    public static string Debit(long octets, TimeSpan duree) => (octets / (1024d * 1024) / duree.TotalSeconds).ToString("0.0", Inv) + " MiB/s";

    public static void Titre(string titre)
    {
        Console.WriteLine();
        Console.WriteLine(titre);
        Console.WriteLine(new string('=', titre.Length));
    }
}
