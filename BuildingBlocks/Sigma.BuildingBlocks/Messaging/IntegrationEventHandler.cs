using Marten;
using MediatR;
using Sigma.BuildingBlocks.Contracts;

namespace Sigma.BuildingBlocks.Messaging;

/// <summary>
/// Base of every integration event handler: runs the effect and records it in the module's inbox in one transaction,
/// so that a redelivered event (the outbox is at-least-once) has no second effect.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TStore>(TStore store, TimeProvider clock) : INotificationHandler<TEvent>
    where TEvent : IntegrationEvent
    where TStore : IDocumentStore
{
    protected TimeProvider Clock { get; } = clock;

    public async Task Handle(TEvent notification, CancellationToken cancellationToken)
    {
        var handler = GetType().FullName!;
        var key = InboxEntry.KeyFor(notification.EventId, handler);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<InboxEntry>(key, cancellationToken) is not null)
        {
            return;
        }

        // The handler's events: caused by this integration event, in the operation that published it.
        session.CausationId = notification.EventId.ToString();
        session.CorrelationId = Persistence.Correlation.CorrelationId ?? notification.EventId.ToString();
        await HandleAsync(notification, session, cancellationToken);
        session.Insert(new InboxEntry
        {
            Id = key,
            EventId = notification.EventId,
            Handler = handler,
            ProcessedAt = Clock.GetUtcNow(),
        });
        // A concurrent redelivery loses on the inbox primary key and rolls back its whole effect.
        await session.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync(notification, cancellationToken);
    }

    /// <summary>The effect, written to <paramref name="session"/>; it commits with the inbox entry.</summary>
    protected abstract Task HandleAsync(TEvent integrationEvent, IDocumentSession session, CancellationToken ct);

    /// <summary>Work that may only start once the effect is committed (enqueueing a job, say).</summary>
    protected virtual Task AfterCommitAsync(TEvent integrationEvent, CancellationToken ct) => Task.CompletedTask;
}
