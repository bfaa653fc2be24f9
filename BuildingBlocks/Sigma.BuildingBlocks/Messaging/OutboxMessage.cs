namespace Sigma.BuildingBlocks.Messaging;

/// <summary>An integration event waiting to be dispatched, stored in the same transaction as the events that caused it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>The operation that published it: its handlers' events share this correlation id, and have its id as cause.</summary>
    public string? CorrelationId { get; set; }
}

/// <summary>Marks that one handler has processed one integration event, so a redelivery has no second effect.</summary>
public sealed class InboxEntry
{
    public string Id { get; set; } = "";
    public Guid EventId { get; set; }
    public string Handler { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }

    public static string KeyFor(Guid eventId, string handler) => $"{eventId:N}/{handler}";
}
