using System.Text.Json;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sigma.BuildingBlocks.Messaging;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Publishes a store's committed outbox messages through MediatR, after commit. A failing message is retried with
/// exponential back-off and never dropped. Several Host nodes may run it: a PostgreSQL advisory lock lets one
/// dispatch a store at a time.
/// </summary>
public sealed class OutboxDispatcher<TStore>(
    TStore store,
    OutboxSignal signal,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    OutboxOptions options,
    ILogger<OutboxDispatcher<TStore>> logger) : BackgroundService where TStore : IDocumentStore
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox {Store}: dispatch cycle failed, retrying", typeof(TStore).Name);
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Dispatches every message due now; returns how many were published successfully.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        var lockKey = AdvisoryKey();
        await using var lockConnection = new NpgsqlConnection(store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
        await lockConnection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(@k)", lockConnection))
        {
            take.Parameters.AddWithValue("k", lockKey);
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
            {
                return 0;
            }
        }

        try
        {
            var published = 0;
            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            var due = await session.Query<OutboxMessage>()
                .Where(m => m.DispatchedAt == null && m.NextAttemptAt <= now)
                .OrderBy(m => m.CreatedAt)
                .Take(options.BatchSize)
                .ToListAsync(ct);

            foreach (var message in due)
            {
                if (await PublishAsync(message, ct))
                {
                    message.DispatchedAt = clock.GetUtcNow();
                    message.LastError = null;
                    published++;
                }
                else
                {
                    message.Attempts++;
                    message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
                }
                session.Store(message);
                await session.SaveChangesAsync(ct);
            }
            return published;
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@k)", lockConnection);
            release.Parameters.AddWithValue("k", lockKey);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task<bool> PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            var type = Type.GetType(message.Type, throwOnError: true)!;
            var notification = (INotification)JsonSerializer.Deserialize(message.Payload, type, Outbox.Json)!;
            using var operation = Persistence.Correlation.Commencer(message.CorrelationId ?? message.Id.ToString(), message.Id.ToString());
            using var scope = scopes.CreateScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Publish(notification, ct);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            message.LastError = ex.ToString();
            logger.LogWarning(ex, "Outbox {Store}: message {Id} ({Type}) failed, attempt {Attempt}",
                typeof(TStore).Name, message.Id, message.Type, message.Attempts + 1);
            return false;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = options.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    private static long AdvisoryKey()
    {
        var name = "sigma-outbox:" + typeof(TStore).FullName;
        long hash = 1125899906842597L;
        foreach (var c in name)
        {
            hash = (31 * hash) + c;
        }
        return hash;
    }
}
