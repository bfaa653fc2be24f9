using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Notification.Infrastructure;

namespace Sigma.Testing;

/// <summary>A real SMTP server in the test process (the SmtpServer library, on loopback) that records what it receives.</summary>
public sealed class SmtpDeTest : IAsyncDisposable
{
    private readonly CapteurCourriels _capteur;

    private SmtpDeTest(CapteurCourriels capteur) => _capteur = capteur;

    public int Port => _capteur.Port;

    public IReadOnlyList<CourrielCapte> Courriels => _capteur.Courriels;

    public static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }

    public static async Task<SmtpDeTest> StartAsync(int? port = null)
    {
        port ??= PortLibre();
        var capteur = new CapteurCourriels(port.Value, null, NullLogger<CapteurCourriels>.Instance);
        await capteur.StartAsync(CancellationToken.None);
        return new SmtpDeTest(capteur);
    }

    /// <summary>Waits until a mail to <paramref name="destinataire"/> matching the filter arrives.</summary>
    public async Task<CourrielCapte> AttendreAsync(string destinataire, Func<CourrielCapte, bool>? filtre = null, TimeSpan? delai = null)
    {
        var limite = DateTime.UtcNow + (delai ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < limite)
        {
            var trouve = Courriels.FirstOrDefault(c => c.A.Contains(destinataire, StringComparison.OrdinalIgnoreCase) && (filtre?.Invoke(c) ?? true));
            if (trouve is not null)
            {
                return trouve;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Aucun courriel reçu pour {destinataire}. Reçus : {string.Join(", ", Courriels.Select(c => $"{c.A} « {c.Sujet} »"))}");
    }

    public ValueTask DisposeAsync() => new(_capteur.StopAsync(CancellationToken.None));
}
