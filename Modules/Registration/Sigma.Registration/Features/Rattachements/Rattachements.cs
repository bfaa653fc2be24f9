using Sigma.Registration.Contracts;

namespace Sigma.Registration.Features.Rattachements;

/// <summary>A pending "inscrit simple" request, with the organisation it asks to join.</summary>
public sealed record DemandeRattachement(Compte Compte, Organisation Organisation, bool OrganismeSansAdministrateur);

/// <summary>The pending requests: of one organisation (its administrator), or of every organisation (an agent).</summary>
public sealed record ListerDemandesRattachement(Guid? OrganisationId) : IRequest<IReadOnlyList<DemandeRattachement>>;

public sealed record LireDemandeRattachement(Guid CompteId, Guid? OrganisationId) : IRequest<DemandeRattachement?>;

/// <summary>
/// Approve or refuse a pending "inscrit simple". <paramref name="OrganisationId"/> is the organisation of the deciding
/// administrator (who only decides for their own organisation); null for an agent of the Region.
/// </summary>
public sealed record DeciderRattachement(Guid CompteId, bool Approuver, Acteur Par, Guid? OrganisationId) : IRequest<Compte>;

/// <summary>What the pending account itself may read of its request.</summary>
public sealed record LireMaDemande(Guid CompteId) : IRequest<DemandeRattachement?>;

internal sealed class RattachementsHandlers(IRegistrationStore store, TimeProvider clock, Sigma.BuildingBlocks.Web.AdressePublique adresse) :
    IRequestHandler<ListerDemandesRattachement, IReadOnlyList<DemandeRattachement>>,
    IRequestHandler<LireDemandeRattachement, DemandeRattachement?>,
    IRequestHandler<DeciderRattachement, Compte>,
    IRequestHandler<LireMaDemande, DemandeRattachement?>
{
    public const string Introuvable = "Cette demande de rattachement est introuvable ou a déjà été traitée.";

    public async Task<IReadOnlyList<DemandeRattachement>> Handle(ListerDemandesRattachement r, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var requete = session.Query<Compte>().Where(c => c.Rattachement == EtatRattachement.EnAttente && c.Actif);
        if (r.OrganisationId is { } organisationId)
        {
            requete = requete.Where(c => c.OrganisationId == organisationId);
        }
        var comptes = await requete.OrderBy(c => c.CreeLe).Take(500).ToListAsync(ct);
        var organisationIds = comptes.Select(c => c.OrganisationId!.Value).Distinct().ToArray();
        var organisationsCherchees = organisationIds.Select(o => (Guid?)o).ToArray();
        var organisations = (await session.LoadManyAsync<Organisation>(ct, organisationIds)).ToDictionary(o => o.Id);
        var avecAdministrateur = (await session.Query<Compte>()
                .Where(c => organisationsCherchees.Contains(c.OrganisationId) && c.Role == Roles.AdministrateurOrganisme && c.Actif
                    && c.Rattachement == EtatRattachement.Rattache)
                .ToListAsync(ct))
            .Select(c => c.OrganisationId).ToHashSet();
        return comptes.Where(c => organisations.ContainsKey(c.OrganisationId!.Value))
            .Select(c => new DemandeRattachement(c, organisations[c.OrganisationId!.Value], !avecAdministrateur.Contains(c.OrganisationId)))
            .ToList();
    }

    public async Task<DemandeRattachement?> Handle(LireDemandeRattachement r, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var compte = await session.LoadAsync<Compte>(r.CompteId, ct);
        if (compte is not { EnAttente: true, Actif: true } || (r.OrganisationId is { } o && compte.OrganisationId != o))
        {
            return null;
        }
        var organisation = await session.LoadAsync<Organisation>(compte.OrganisationId!.Value, ct);
        return organisation is null ? null : new DemandeRattachement(compte, organisation, false);
    }

    public async Task<Compte> Handle(DeciderRattachement r, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var flux = await session.Events.FetchForWriting<Compte>(r.CompteId, ct);
        var compte = flux.Aggregate;
        // An administrator decides only for their own organisation; an agent for any.
        if (compte is not { EnAttente: true, Actif: true } || (r.OrganisationId is { } o && compte.OrganisationId != o))
        {
            throw new DomainException(Introuvable);
        }
        var organisation = await session.LoadAsync<Organisation>(compte.OrganisationId!.Value, ct) ?? throw new DomainException(Introuvable);
        session.LastModifiedBy = r.Par.Nom;
        flux.AppendOne(r.Approuver ? compte.Approuver(r.Par, maintenant) : compte.Refuser(r.Par, maintenant));
        session.Publish(new RattachementDecideIntegrationEvent(compte.Id, organisation.Id, organisation.RaisonSociale, compte.Identifiant,
            compte.Email, compte.NomComplet, r.Approuver, r.Par.Role == Roles.Agent ? "un agent de la Région" : r.Par.Nom)
            { OccurredAt = maintenant, LienPage = adresse.Lien("/connexion") });
        await session.SaveChangesAsync(ct);
        return compte;
    }

    public async Task<DemandeRattachement?> Handle(LireMaDemande r, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var compte = await session.LoadAsync<Compte>(r.CompteId, ct);
        if (compte is not { EnAttente: true } || compte.OrganisationId is null)
        {
            return null;
        }
        var organisation = await session.LoadAsync<Organisation>(compte.OrganisationId.Value, ct);
        return organisation is null ? null : new DemandeRattachement(compte, organisation, false);
    }
}
