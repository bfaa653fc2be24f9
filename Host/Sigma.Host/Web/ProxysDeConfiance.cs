using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Sigma.Host.Web;

/// <summary>
/// Behind a reverse proxy (which ends TLS and forwards to Sigma): the client's address (<c>X-Forwarded-For</c>: the
/// per-client limits of the public forms, the sign-in's fingerprint) and the scheme (<c>X-Forwarded-Proto</c>: cookies
/// marked secure) come from the proxy's headers, for requests from the addresses or networks listed in
/// <c>Sigma:ProxysDeConfiance</c> only (e.g. <c>Sigma__ProxysDeConfiance__0=10.0.0.0/24</c>). Without that setting the
/// headers are ignored: any client could write them.
/// </summary>
public static class ProxysDeConfiance
{
    /// <summary>The options of the forwarded-headers middleware, or null when no proxy is trusted.</summary>
    public static ForwardedHeadersOptions? Options(IConfiguration configuration)
    {
        var entrees = configuration.GetSection("Sigma:ProxysDeConfiance").Get<string[]>() ?? [];
        if (entrees.Length == 0)
        {
            return null;
        }
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entree in entrees.Select(e => e.Trim()))
        {
            if (entree.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entree, out var reseau))
            {
                options.KnownIPNetworks.Add(reseau);
            }
            else if (IPAddress.TryParse(entree, out var adresse))
            {
                options.KnownProxies.Add(adresse);
            }
            else
            {
                throw new InvalidOperationException(
                    $"Sigma:ProxysDeConfiance : « {entree} » n'est ni une adresse IP ni un réseau (exemples : 10.0.0.5, 10.0.0.0/24).");
            }
        }
        return options;
    }
}
