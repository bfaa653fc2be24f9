using FluentValidation;
using Sigma.Registration.Contracts;

namespace Sigma.Registration.Features.InscriptionSimple;

/// <summary>
/// "Inscrit simple": someone of an already registered organisation asks for a user account with its SIRET (the
/// guide's answer to lost credentials). The SIRET is public, so the account is pending: it has no right on the
/// organisation until an administrator of the organisation (mailed here) or an agent approves it.
/// </summary>
public sealed class CreerInscritSimple : NouveauCompteAvecMotDePasse, IRequest<Guid>
{
    public string? Siret { get; set; }
}

internal sealed class CreerInscritSimpleValidator : AbstractValidator<CreerInscritSimple>
{
    public CreerInscritSimpleValidator()
    {
        RuleFor(x => x.Siret).SiretValide();
        Include(new ChampsCompteValidator());
        Include(new ChampsMotDePasseValidator());
    }
}

internal sealed class CreerInscritSimpleHandler(IRegistrationStore store, MotsDePasse motsDePasse, TimeProvider clock,
    Sigma.BuildingBlocks.Web.AdressePublique adresse)
    : IRequestHandler<CreerInscritSimple, Guid>
{
    public async Task<Guid> Handle(CreerInscritSimple r, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        var siret = Domain.Siret.Nettoyer(r.Siret);
        await using var session = store.LightweightSession();
        var organisation = await session.Query<Organisation>().FirstOrDefaultAsync(o => o.Siret == siret, ct)
            ?? throw new DomainException("Aucun organisme n'est inscrit avec ce SIRET. Inscrivez d'abord l'organisme (Nouvel utilisateur > S'inscrire).", nameof(r.Siret));
        var identifiant = Compte.Normaliser(r.Identifiant!);
        if (await session.Query<Compte>().AnyAsync(c => c.IdentifiantNormalise == identifiant, ct))
        {
            throw new DomainException(Messages.IdentifiantPris, nameof(r.Identifiant));
        }
        var administrateurs = await session.Query<Compte>()
            .Where(c => c.OrganisationId == organisation.Id && c.Role == Roles.AdministrateurOrganisme && c.Actif
                && c.Rattachement == EtatRattachement.Rattache)
            .Select(c => c.Email).ToListAsync(ct);
        // Nobody of the organisation can approve: the Region's agents are asked instead.
        var agents = administrateurs.Count > 0 ? [] : await session.Query<Compte>()
            .Where(c => c.Role == Roles.Agent && c.Actif).Select(c => c.Email).ToListAsync(ct);

        var compteId = Guid.NewGuid();
        var cree = Compte.Creer(compteId, organisation.Id, new NouveauCompte(r.Identifiant!, r.Email!, r.Prenom!, r.Nom!),
            Roles.UtilisateurOrganisme, motsDePasse.Hacher(r.MotDePasse!), OrigineCompte.InscriptionSimple, compteId, maintenant);
        session.LastModifiedBy = cree.Identifiant;
        session.Events.StartStream<Compte>(compteId, cree);
        session.Publish(new InscritSimpleCreeIntegrationEvent(compteId, organisation.Id, organisation.RaisonSociale, organisation.Siret,
            cree.Identifiant, cree.Email, $"{cree.Prenom} {cree.Nom}", administrateurs.Distinct().ToList())
        {
            OccurredAt = maintenant, LienPage = adresse.Lien("/organisation/comptes"), EmailsAgents = agents.Distinct().ToList(),
            LienBackOffice = adresse.Lien("/back-office/rattachements"),
        });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (Doublons.EstDoublon(ex, "identifiant"))
        {
            throw new DomainException(Messages.IdentifiantPris, nameof(r.Identifiant));
        }
        return compteId;
    }
}
