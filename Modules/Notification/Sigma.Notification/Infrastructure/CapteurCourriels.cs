using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Sigma.Notification.Infrastructure;

/// <summary>A mail caught by the local mail catcher.</summary>
/// <param name="MessageId">The Message-ID the sender gave it (Sigma's is the mail's id): two catches of one id are one mail sent twice.</param>
public sealed record CourrielCapte(string Id, DateTimeOffset RecuLe, string De, string A, string Sujet, string Texte, string? Html, string? MessageId = null);

/// <summary>
/// The local mail catcher: an SMTP server on loopback (SmtpServer library) that keeps every mail it receives, in
/// memory and as .eml files, so that without a real SMTP server the mails can still be read on a page.
/// </summary>
public sealed class CapteurCourriels : IHostedService
{
    private readonly ConcurrentDictionary<string, CourrielCapte> _courriels = new();
    private readonly string? _dossier;
    private readonly ILogger _logger;
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public CapteurCourriels(int port, string? dossier, ILogger<CapteurCourriels> logger)
    {
        Port = port;
        _dossier = dossier;
        _logger = logger;
    }

    public int Port { get; }

    public IReadOnlyList<CourrielCapte> Courriels => _courriels.Values.OrderByDescending(c => c.RecuLe).ToList();

    public event Action<CourrielCapte>? Recu;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_dossier is not null)
        {
            Directory.CreateDirectory(_dossier);
            foreach (var fichier in Directory.EnumerateFiles(_dossier, "*.eml"))
            {
                using var stream = File.OpenRead(fichier);
                Ajouter(Path.GetFileNameWithoutExtension(fichier), MimeMessage.Load(stream), File.GetLastWriteTimeUtc(fichier), false);
            }
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sigma-capteur")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Stockage(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        _logger.LogWarning("Capteur de courriels local à l'écoute sur 127.0.0.1:{Port} (aucun Smtp:Host configuré) : les courriels se lisent sur /courriels.", Port);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stop?.Cancel();
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // Stopping: an interrupted SMTP session is the sender's to retry.
            }
        }
    }

    private void Ajouter(string id, MimeMessage message, DateTime recuLe, bool enregistrer)
    {
        var capte = new CourrielCapte(id, new DateTimeOffset(recuLe, TimeSpan.Zero), message.From.ToString(), message.To.ToString(),
            message.Subject ?? "", message.TextBody ?? "", message.HtmlBody, message.MessageId);
        if (enregistrer && _dossier is not null)
        {
            message.WriteTo(Path.Combine(_dossier, id + ".eml"));
        }
        _courriels[id] = capte;
        Recu?.Invoke(capte);
    }

    private sealed class Stockage(CapteurCourriels capteur) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            capteur.Ajouter($"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..30], message, DateTime.UtcNow, true);
            return SmtpResponse.Ok;
        }
    }
}
