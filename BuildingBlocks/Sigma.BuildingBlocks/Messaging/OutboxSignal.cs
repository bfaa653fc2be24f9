using Marten;
using Marten.Services;

namespace Sigma.BuildingBlocks.Messaging;

/// <summary>Wakes a store's dispatcher as soon as a commit wrote to its outbox, so dispatch does not wait for the next poll.</summary>
public sealed class OutboxSignal : DocumentSessionListenerBase
{
    private readonly SemaphoreSlim _signal = new(0);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.Inserted.OfType<OutboxMessage>().Any() || commit.Updated.OfType<OutboxMessage>().Any())
        {
            Notify();
        }
        return Task.CompletedTask;
    }

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
