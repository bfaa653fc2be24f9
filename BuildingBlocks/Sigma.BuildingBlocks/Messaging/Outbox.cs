using System.Text.Json;
using Marten;
using Sigma.BuildingBlocks.Contracts;

namespace Sigma.BuildingBlocks.Messaging;

/// <summary>Writes integration events to the outbox of the session's store: they commit or roll back with it.</summary>
public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static void Publish(this IDocumentSession session, IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        session.Store(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = type.AssemblyQualifiedName ?? type.FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            CreatedAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
            CorrelationId = session.CorrelationId ?? Persistence.Correlation.CorrelationId,
        });
    }
}
