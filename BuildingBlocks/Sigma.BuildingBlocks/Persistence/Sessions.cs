using Marten;
using Sigma.BuildingBlocks.Contracts;

namespace Sigma.BuildingBlocks.Persistence;

/// <summary>
/// What ties the events of one operation together: the correlation id of the request (or of the integration event
/// being handled, so that a chain across modules shares it) and the causation id (the integration event that caused
/// this work, or the request). Set once by the Host per request and by the outbox dispatcher per message.
/// </summary>
public static class Correlation
{
    private static readonly AsyncLocal<(string Correlation, string? Cause)?> Courant = new();

    public static string? CorrelationId => Courant.Value?.Correlation;

    public static string? CausationId => Courant.Value?.Cause;

    /// <summary>Starts an operation; disposing it restores the enclosing one.</summary>
    public static IDisposable Commencer(string correlationId, string? causationId)
    {
        var avant = Courant.Value;
        Courant.Value = (correlationId, causationId);
        return new Restauration(() => Courant.Value = avant);
    }

    private sealed class Restauration(Action restaurer) : IDisposable
    {
        public void Dispose() => restaurer();
    }
}

public static class Sessions
{
    /// <summary>
    /// The one way to open a session that writes: the actor as the events' user name, the operation's correlation and
    /// causation ids on every event appended (columns of <c>mt_events</c>, read by the auditors' screens).
    /// </summary>
    public static IDocumentSession Ouvrir(this IDocumentStore store, Acteur acteur)
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = acteur.Identifiant;
        // Marten applies these ids when an event is appended: they are set as the session opens, not before it saves.
        session.CorrelationId = Correlation.CorrelationId;
        session.CausationId = Correlation.CausationId;
        return session;
    }
}
