using FluentValidation;
using Sigma.Registration.Contracts;
using Sigma.Registration.Features.MotDePasseOublie;

namespace Sigma.Registration.Features.ComptesOrganisation;

public sealed record ListerComptes(Guid OrganisationId) : IRequest<ComptesVue>;

public sealed record ComptesVue(Organisation Organisation, IReadOnlyList<Compte> Comptes);

/// <summary>An administrator adds an account; its owner receives a link (valid 72 hours) to choose a password.</summary>
public sealed class AjouterCompte : IRequest<Guid>, IChampsCompte
{
    public string? Identifiant { get; set; }
    public string? Email { get; set; }
    public string? Prenom { get; set; }
    public string? Nom { get; set; }
    public bool Administrateur { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public Guid OrganisationId { get; set; }
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public Guid AdministrateurId { get; set; }
}

public sealed record ChangerEtatCompte(Guid OrganisationId, Guid AdministrateurId, Guid CompteId, bool Activer) : IRequest<string>;

internal sealed class AjouterCompteValidator : AbstractValidator<AjouterCompte>
{
    public AjouterCompteValidator() => Include(new ChampsCompteValidator());
}

internal sealed class ComptesOrganisationHandlers(IRegistrationStore store, TimeProvider clock, Sigma.BuildingBlocks.Web.AdressePublique adresse) :
    IRequestHandler<ListerComptes, ComptesVue>,
    IRequestHandler<AjouterCompte, Guid>,
    IRequestHandler<ChangerEtatCompte, string>
{
    public static readonly TimeSpan ValiditeInvitation = TimeSpan.FromHours(72);

    public async Task<ComptesVue> Handle(ListerComptes r, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var organisation = await session.LoadAsync<Organisation>(r.OrganisationId, ct) ?? throw new DomainException("Organisme introuvable.");
        var comptes = await session.Query<Compte>().Where(c => c.OrganisationId == r.OrganisationId)
            .OrderBy(c => c.Nom).ThenBy(c => c.Prenom).ToListAsync(ct);
        return new ComptesVue(organisation, comptes);
    }

    public async Task<Guid> Handle(AjouterCompte r, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var organisation = await session.LoadAsync<Organisation>(r.OrganisationId, ct) ?? throw new DomainException("Organisme introuvable.");
        var administrateur = await session.LoadAsync<Compte>(r.AdministrateurId, ct) ?? throw new DomainException("Compte introuvable.");
        var identifiant = Compte.Normaliser(r.Identifiant!);
        if (await session.Query<Compte>().AnyAsync(c => c.IdentifiantNormalise == identifiant, ct))
        {
            throw new DomainException(Messages.IdentifiantPris, nameof(r.Identifiant));
        }
        var compteId = Guid.NewGuid();
        var cree = Compte.Creer(compteId, organisation.Id, new NouveauCompte(r.Identifiant!, r.Email!, r.Prenom!, r.Nom!),
            r.Administrateur ? Roles.AdministrateurOrganisme : Roles.UtilisateurOrganisme, null, OrigineCompte.AjoutParAdministrateur,
            administrateur.Id, maintenant);
        var (jeton, empreinte) = MotsDePasse.NouveauJeton();
        var invitation = new ReinitialisationMotDePasseDemandee(compteId, empreinte, maintenant + ValiditeInvitation, maintenant);
        session.LastModifiedBy = administrateur.Identifiant;
        session.Events.StartStream<Compte>(compteId, cree, invitation);
        session.Publish(new CompteInviteIntegrationEvent(compteId, organisation.Id, organisation.RaisonSociale, cree.Identifiant, cree.Email,
            $"{cree.Prenom} {cree.Nom}", administrateur.NomComplet, LienDefinirMotDePasse.Pour(adresse.Base, compteId, jeton),
            invitation.ExpireLe) { OccurredAt = maintenant });
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

    public async Task<string> Handle(ChangerEtatCompte r, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var flux = await session.Events.FetchForWriting<Compte>(r.CompteId, ct);
        var compte = flux.Aggregate;
        // An administrator only manages the accounts of their own organisation.
        if (compte is null || compte.OrganisationId != r.OrganisationId)
        {
            throw new DomainException("Ce compte n'appartient pas à votre organisme.");
        }
        var administrateur = await session.LoadAsync<Compte>(r.AdministrateurId, ct);
        session.LastModifiedBy = administrateur?.Identifiant;
        flux.AppendOne(r.Activer ? compte.Reactiver(r.AdministrateurId, clock.GetUtcNow()) : compte.Desactiver(r.AdministrateurId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return compte.Identifiant;
    }
}
