using JasperFx.Events;

namespace Sigma.Consultations.Infrastructure;

/// <summary>
/// The one way to change a consultation: opened for an agent (fetched for writing with its version, the session's
/// user and correlation set), refused in French when it does not exist.
/// </summary>
internal static class EcrituresConsultation
{
    public static async Task<(IDocumentSession Session, IEventStream<Consultation> Flux, Consultation Consultation)> OuvrirAsync(
        this IConsultationsStore store, Guid consultationId, Acteur agent, CancellationToken ct)
    {
        var session = store.Ouvrir(agent);
        var flux = await session.Events.FetchForWriting<Consultation>(consultationId, ct);
        if (flux.Aggregate is not { } consultation)
        {
            await session.DisposeAsync();
            throw new DomainException("Consultation introuvable.");
        }
        return (session, flux, consultation);
    }
}
