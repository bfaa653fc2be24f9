using Hangfire;

namespace Sigma.Publication.Features.Publications;

/// <summary>« Renvoyer »: a new version of the offer is pushed (a new idempotency key), when the push is on.</summary>
public sealed record RenvoyerPublication(Guid ConsultationId, Guid OffreId, Acteur Acteur) : IRequest<int>;

/// <summary>« Retirer »: the offer leaves the pull flux and is no longer pushed.</summary>
public sealed record RetirerPublication(Guid ConsultationId, Guid OffreId, Acteur Acteur) : IRequest<Unit>;

internal sealed class CommandesPublication(IPublicationStore store, TimeProvider clock, CarifOrefOptions carif, IBackgroundJobClient jobs)
    : IRequestHandler<RenvoyerPublication, int>, IRequestHandler<RetirerPublication, Unit>
{
    public async Task<int> Handle(RenvoyerPublication r, CancellationToken ct)
    {
        await using var session = store.Ouvrir(r.Acteur);
        var flux = await session.Events.FetchForWriting<PublicationOffre>(r.OffreId, ct);
        var publication = De(flux.Aggregate, r.ConsultationId);
        var renvoi = publication.Renvoyer(r.Acteur.Identifiant, clock.GetUtcNow());
        flux.AppendOne(renvoi);
        await session.SaveChangesAsync(ct);
        if (carif.PushActif)
        {
            jobs.Enqueue<PousserPublicationJob>(j => j.Pousser(r.OffreId, renvoi.Version, CancellationToken.None));
        }
        return renvoi.Version;
    }

    public async Task<Unit> Handle(RetirerPublication r, CancellationToken ct)
    {
        await using var session = store.Ouvrir(r.Acteur);
        var flux = await session.Events.FetchForWriting<PublicationOffre>(r.OffreId, ct);
        flux.AppendOne(De(flux.Aggregate, r.ConsultationId).Retirer(r.Acteur.Identifiant, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Unit.Value;
    }

    private static PublicationOffre De(PublicationOffre? p, Guid consultationId) =>
        p is not null && p.ConsultationId == consultationId ? p : throw new DomainException("Cette publication n'existe pas pour cette consultation.");
}
