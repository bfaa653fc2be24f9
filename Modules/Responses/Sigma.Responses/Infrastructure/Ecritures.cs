using Marten.Events;
using Sigma.Responses.Features;

namespace Sigma.Responses.Infrastructure;

/// <summary>
/// The one way to change a response: opened for an actor (fetched for writing with its version, refused unless it
/// belongs to the actor's organisation, the session's user set), with its consultation and the server's time.
/// </summary>
public sealed class Ecritures(IResponsesStore store, TimeProvider clock)
{
    public const string Introuvable = "Réponse introuvable.";

    /// <summary>
    /// Opens the response for a change of its draft: refused once the deadline has passed (nothing could be sent
    /// anyway). The send itself opens it with <paramref name="brouillon"/> false: the aggregate decides its deadline
    /// at the instant the request was fully received.
    /// </summary>
    public async Task<EcritureReponse> OuvrirAsync(Guid reponseId, Acteur acteur, CancellationToken ct, bool brouillon = true)
    {
        var session = store.Ouvrir(acteur);
        try
        {
            var flux = await session.Events.FetchForWriting<Reponse>(reponseId, ct);
            if (flux.Aggregate is not { } reponse || acteur.OrganisationId is not { } organisation || reponse.OrganisationId != organisation)
            {
                throw new DomainException(Introuvable);
            }
            var consultation = await session.LoadAsync<ConsultationConnue>(reponse.ConsultationId, ct) ?? throw new DomainException("Consultation introuvable.");
            var maintenant = clock.GetUtcNow();
            if (brouillon && !reponse.EstEnvoyee && consultation.EstCloturee(maintenant))
            {
                throw new DomainException($"La date limite de remise des réponses ({ParisTime.Affiche(consultation.DateLimite)}) est passée : "
                    + "la réponse ne peut plus être modifiée ni envoyée.");
            }
            return new EcritureReponse(session, flux, consultation, maintenant);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A decision that needs nothing but the response: open, decide, append, save.</summary>
public static class Decisions
{
    public static async Task<Unit> DeciderAsync(this Ecritures ecritures, Guid reponseId, Acteur acteur, Func<Reponse, DateTimeOffset, object> decision,
        CancellationToken ct)
    {
        await using var ecriture = await ecritures.OuvrirAsync(reponseId, acteur, ct);
        ecriture.Flux.AppendOne(decision(ecriture.Reponse, ecriture.Maintenant));
        await ecriture.Session.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

public sealed class EcritureReponse(IDocumentSession session, JasperFx.Events.IEventStream<Reponse> flux, ConsultationConnue consultation, DateTimeOffset maintenant)
    : IAsyncDisposable
{
    public IDocumentSession Session => session;

    public JasperFx.Events.IEventStream<Reponse> Flux => flux;

    public Reponse Reponse => flux.Aggregate!;

    public ConsultationConnue Consultation => consultation;

    public DateTimeOffset Maintenant => maintenant;

    public ValueTask DisposeAsync() => session.DisposeAsync();
}
