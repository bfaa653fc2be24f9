using Hangfire;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sigma.Notification.Infrastructure;

/// <summary>
/// The Hangfire job that sends one prepared mail. Hangfire runs a job at least once: a mail already sent is not sent
/// again; a refused or unreachable SMTP server is recorded and retried with back-off until it accepts. Two runs of one
/// mail's job may overlap (the mail re-enqueued by <see cref="RelancerCourrielsJob"/> while its first job still waits
/// in a long queue, a node's job visible again while it still runs): a PostgreSQL lock on the mail, held from before
/// its state is read until its delivery is committed, makes the second wait and then find the mail sent.
/// </summary>
public sealed class EnvoyerCourrielJob(INotificationStore store, EnvoiSmtp smtp, TimeProvider clock, ILogger<EnvoyerCourrielJob> logger)
{
    /// <summary>The lock space of mails (the outbox dispatcher's keys are single 64-bit keys: no overlap).</summary>
    private const int ClasseVerrou = 0x5167_4D31;

    [AutomaticRetry(Attempts = 30, DelaysInSeconds = [2, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600])]
    [Queue("courriels")]
    public async Task Envoyer(Guid courrielId, CancellationToken ct)
    {
        // A session-level advisory lock on its own connection: released on unlock, or by PostgreSQL when a killed node's
        // connection drops.
        await using var verrou = new NpgsqlConnection(store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
        await verrou.OpenAsync(ct);
        var cle = CleVerrou(courrielId);
        await using (var prendre = new NpgsqlCommand("select pg_advisory_lock(@classe, @cle)", verrou))
        {
            prendre.Parameters.AddWithValue("classe", ClasseVerrou);
            prendre.Parameters.AddWithValue("cle", cle);
            await prendre.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await EnvoyerSousVerrouAsync(courrielId, ct);
        }
        finally
        {
            await using var rendre = new NpgsqlCommand("select pg_advisory_unlock(@classe, @cle)", verrou);
            rendre.Parameters.AddWithValue("classe", ClasseVerrou);
            rendre.Parameters.AddWithValue("cle", cle);
            await rendre.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static int CleVerrou(Guid courrielId) => BitConverter.ToInt32(courrielId.ToByteArray(), 0);

    private async Task EnvoyerSousVerrouAsync(Guid courrielId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var flux = await session.Events.FetchForWriting<Courriel>(courrielId, ct);
        var courriel = flux.Aggregate;
        if (courriel is null || courriel.EstEnvoye)
        {
            return;
        }
        session.LastModifiedBy = "notification";
        try
        {
            var messageId = await smtp.EnvoyerAsync(courriel, ct);
            flux.AppendOne(new CourrielEnvoye(courrielId, messageId, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Envoi du courriel {Id} à {Destinataire} refusé (tentative {Tentative})", courrielId, courriel.Destinataire, courriel.Tentatives + 1);
            await using var echec = store.LightweightSession();
            echec.Events.Append(courrielId, new EnvoiCourrielEchoue(courrielId, ex.Message, courriel.Tentatives + 1, clock.GetUtcNow()));
            await echec.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}

/// <summary>
/// Every minute, re-enqueues the mails whose job was lost (a crash between commit and enqueue) or whose retries ran
/// out long ago: a mail Sigma owes is never dropped.
/// </summary>
public sealed class RelancerCourrielsJob(INotificationStore store, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Id = "relancer-courriels";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task Relancer(CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        var jamaisTente = maintenant.AddMinutes(-2);
        var abandonne = maintenant.AddHours(-2);
        await using var session = store.QuerySession();
        var enSouffrance = await session.Query<Courriel>()
            .Where(c => c.EnvoyeLe == null && ((c.Tentatives == 0 && c.PrepareLe < jamaisTente) || c.DerniereTentative < abandonne))
            .Select(c => c.Id)
            .Take(500)
            .ToListAsync(ct);
        foreach (var id in enSouffrance)
        {
            jobs.Enqueue<EnvoyerCourrielJob>(j => j.Envoyer(id, CancellationToken.None));
        }
    }
}
