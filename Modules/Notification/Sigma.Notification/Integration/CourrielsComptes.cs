using Hangfire;
using Microsoft.Extensions.Configuration;
using Sigma.Registration.Contracts;

namespace Sigma.Notification.Integration;

/// <summary>The mails about accounts: welcome, invitation, "inscrit simple" request and decision, password reset, repeated failures.</summary>
internal sealed class OrganisationInscriteCourriel(INotificationStore s, TimeProvider c, IBackgroundJobClient j, IConfiguration cfg)
    : CourrielHandler<OrganisationInscriteIntegrationEvent>(s, c, j, cfg)
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

internal sealed class CompteInviteCourriel(INotificationStore s, TimeProvider c, IBackgroundJobClient j, IConfiguration cfg)
    : CourrielHandler<CompteInviteIntegrationEvent>(s, c, j, cfg)
{
    protected override IEnumerable<CourrielDu> Courriels(CompteInviteIntegrationEvent e) =>
    [
        new(e.Email, "invitation", new { e.RaisonSociale, e.NomComplet, e.InvitePar, e.Identifiant, ExpireLe = e.ExpireLe.Affiche(), Lien = e.LienActivation }),
    ];
}

internal sealed class InscritSimpleCourriel(INotificationStore s, TimeProvider c, IBackgroundJobClient j, IConfiguration cfg)
    : CourrielHandler<InscritSimpleCreeIntegrationEvent>(s, c, j, cfg)
{
    protected override IEnumerable<CourrielDu> Courriels(InscritSimpleCreeIntegrationEvent e) =>
        e.EmailsAdministrateurs.Select(admin => new CourrielDu(admin, "inscrit-simple", new
        {
            e.RaisonSociale, e.Siret, e.NomComplet, e.Identifiant, e.Email, UrlComptes = e.LienPage ?? UrlPublique,
        }));
}

internal sealed class ReinitialisationCourriel(INotificationStore s, TimeProvider c, IBackgroundJobClient j, IConfiguration cfg)
    : CourrielHandler<ReinitialisationMotDePasseDemandeeIntegrationEvent>(s, c, j, cfg)
{
    protected override IEnumerable<CourrielDu> Courriels(ReinitialisationMotDePasseDemandeeIntegrationEvent e) =>
    [
        new(e.Email, "reinitialisation", new { e.NomComplet, e.Identifiant, ExpireLe = e.ExpireLe.Affiche(), e.Lien }),
    ];
}

internal sealed class EchecsConnexionCourriel(INotificationStore s, TimeProvider c, IBackgroundJobClient j, IConfiguration cfg)
    : CourrielHandler<EchecsConnexionRepetesIntegrationEvent>(s, c, j, cfg)
{
    protected override IEnumerable<CourrielDu> Courriels(EchecsConnexionRepetesIntegrationEvent e) =>
    [
        new(e.Email, "echecs-connexion", new { e.NomComplet, e.Identifiant, e.Echecs, UrlMotDePasseOublie = e.LienPage ?? UrlPublique }),
    ];
}

internal sealed class RattachementDecideCourriel(INotificationStore s, TimeProvider c, IBackgroundJobClient j, IConfiguration cfg)
    : CourrielHandler<RattachementDecideIntegrationEvent>(s, c, j, cfg)
{
    protected override IEnumerable<CourrielDu> Courriels(RattachementDecideIntegrationEvent e) =>
    [
        new(e.Email, "rattachement-decide", new
        {
            e.NomComplet, e.Identifiant, e.RaisonSociale, e.Approuve, e.DecidePar, UrlConnexion = e.LienPage ?? UrlPublique,
        }),
    ];
}
