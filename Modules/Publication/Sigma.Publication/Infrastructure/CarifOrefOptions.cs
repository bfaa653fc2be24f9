namespace Sigma.Publication.Infrastructure;

/// <summary>
/// Where the CARIF-OREF receives pushed offers (<c>CarifOref__Endpoint</c>). Without an endpoint the push is off; the
/// pull flux <c>/flux/lheo</c> serves the offers all the same.
/// </summary>
public sealed class CarifOrefOptions
{
    public string? Endpoint { get; set; }

    /// <summary>Retries of one attempt (network errors, timeouts, 5xx), before the attempt is recorded as failed.</summary>
    public int Reessais { get; set; } = 3;

    /// <summary>The first wait between those retries; each next one doubles.</summary>
    public TimeSpan Delai { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan DelaiReponse { get; set; } = TimeSpan.FromSeconds(30);

    public bool PushActif => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public const string Client = "carif-oref";
}
