using MediatR;

namespace Sigma.BuildingBlocks.Contracts;

/// <summary>A fact one module publishes to the others, through the outbox of the module that raised it.</summary>
public abstract record IntegrationEvent : INotification
{
    /// <summary>Unique id of this message: the inbox of each handler is keyed on it.</summary>
    public Guid EventId { get; init; } = Guid.NewGuid();

    /// <summary>When the fact happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The absolute address of the page this fact is about (the consultation, the sign-in, the accounts page…), built by
    /// the publishing module from <c>Sigma:UrlPublique</c>: consumers link to it without knowing the publisher's routes.
    /// </summary>
    public string? LienPage { get; init; }
}
