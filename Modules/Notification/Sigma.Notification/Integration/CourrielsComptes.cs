using Sigma.Registration.Contracts;

namespace Sigma.Notification.Integration;

/// <summary>The mails about accounts: welcome, invitation, "inscrit simple" request and decision, password reset, repeated failures.</summary>
internal sealed class OrganisationInscriteCourriel(CourrielServices s)
    : CourrielHandler<OrganisationInscriteIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(OrganisationInscriteIntegrationEvent e) => e.SansCourriel ? [] :
    [
        new(e.AdministrateurEmail, "inscription", new
        {
            e.RaisonSociale, e.Siret, NomComplet = e.AdministrateurNomComplet, Identifiant = e.AdministrateurIdentifiant,
            UrlConnexion = e.LienPage ?? UrlPublique,
        }),
    ];
}

internal sealed class CompteInviteCourriel(CourrielServices s)
    : CourrielHandler<CompteInviteIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(CompteInviteIntegrationEvent e) =>
    [
        new(e.Email, "invitation", new { e.RaisonSociale, e.NomComplet, e.InvitePar, e.Identifiant, ExpireLe = e.ExpireLe.Affiche(), Lien = e.LienActivation }),
    ];
}

internal sealed class InscritSimpleCourriel(CourrielServices s)
    : CourrielHandler<InscritSimpleCreeIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(InscritSimpleCreeIntegrationEvent e) =>
        e.EmailsAdministrateurs.Select(admin => new CourrielDu(admin, "inscrit-simple", new
        {
            e.RaisonSociale, e.Siret, e.NomComplet, e.Identifiant, e.Email, UrlComptes = e.LienPage ?? UrlPublique,
        })).Concat(e.EmailsAgents.Select(agent => new CourrielDu(agent, "inscrit-simple-sans-administrateur", new
        {
            e.RaisonSociale, e.Siret, e.NomComplet, e.Identifiant, e.Email, UrlBackOffice = e.LienBackOffice ?? UrlPublique,
        })));
}

internal sealed class ReinitialisationCourriel(CourrielServices s)
    : CourrielHandler<ReinitialisationMotDePasseDemandeeIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(ReinitialisationMotDePasseDemandeeIntegrationEvent e) =>
    [
        new(e.Email, "reinitialisation", new { e.NomComplet, e.Identifiant, ExpireLe = e.ExpireLe.Affiche(), e.Lien }),
    ];
}

internal sealed class EchecsConnexionCourriel(CourrielServices s)
    : CourrielHandler<EchecsConnexionRepetesIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(EchecsConnexionRepetesIntegrationEvent e) =>
    [
        new(e.Email, "echecs-connexion", new { e.NomComplet, e.Identifiant, e.Echecs, UrlMotDePasseOublie = e.LienPage ?? UrlPublique }),
    ];
}

internal sealed class RattachementDecideCourriel(CourrielServices s)
    : CourrielHandler<RattachementDecideIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(RattachementDecideIntegrationEvent e) =>
    [
        new(e.Email, "rattachement-decide", new
        {
            e.NomComplet, e.Identifiant, e.RaisonSociale, e.Approuve, e.DecidePar, UrlConnexion = e.LienPage ?? UrlPublique,
        }),
    ];
}
