using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sigma.Testing;

/// <summary>What the tests that run Sigma as a real process (browser journeys, load tool) share.</summary>
public static class ProcessusSigma
{
    /// <summary>Waits until <c>/health</c> answers 200, failing with the process's last lines if it stopped or never answered.</summary>
    public static async Task AttendreSanteAsync(Process processus, string url, TimeSpan delai, Func<string> journal)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var limite = DateTime.UtcNow + delai;
        while (DateTime.UtcNow < limite)
        {
            if (processus.HasExited)
            {
                throw new InvalidOperationException($"Sigma s'est arrêté (code {processus.ExitCode}) :{Environment.NewLine}{journal()}");
            }
            try
            {
                using var reponse = await http.GetAsync("/health");
                if (reponse.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Sigma ne répond pas sur {url}/health après {delai.TotalSeconds:0} s :{Environment.NewLine}{journal()}");
    }

    public static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }
}
