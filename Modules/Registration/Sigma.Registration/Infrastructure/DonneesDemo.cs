using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sigma.Registration.Infrastructure;

/// <summary>On first start (no account at all), creates the demo organisations and one account per role.</summary>
internal sealed class DonneesDemo(IRegistrationStore store, MotsDePasse motsDePasse, TimeProvider clock, IConfiguration configuration,
    ILogger<DonneesDemo> logger) : IHostedService
{
    public const string MotDePasseDemo = "Sigma-Demo-2026!";

    internal static readonly (string Identifiant, string Prenom, string Nom, string Role, string Email)[] Plateforme =
    [
        ("agent.region", "Camille", "Agent", Roles.Agent, "agent.region@sigma.localhost"),
        ("auditeur", "Dominique", "Audit", Roles.Auditeur, "auditeur@sigma.localhost"),
    ];

    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue("Sigma:DonneesDemo", true))
        {
            return;
        }
        await using var session = store.LightweightSession();
        if (await session.Query<Compte>().AnyAsync(ct))
        {
            return;
        }
        var maintenant = clock.GetUtcNow();
        session.LastModifiedBy = "donnees-demo";
        var hache = motsDePasse.Hacher(MotDePasseDemo);
        foreach (var (identifiant, prenom, nom, role, email) in Plateforme)
        {
            var id = Guid.NewGuid();
            session.Events.StartStream<Compte>(id, Compte.Creer(id, null, new NouveauCompte(identifiant, email, prenom, nom), role, hache,
                OrigineCompte.Plateforme, id, maintenant));
        }
        Organisme(session, "73282932000074", "Formation Occitanie Avenir", "85.59A", new Adresse("12 rue de la République", null, "34000", "Montpellier"),
            "0467228000", ("admin.demo", "Claire", "Martin", "admin.demo@organisme-demo.fr"), hache, maintenant,
            ("formateur.demo", "Julien", "Petit", "formateur.demo@organisme-demo.fr"));
        Organisme(session, "44306184100047", "Atelier Compétences Sud", "85.59B", new Adresse("5 allée Jean Jaurès", "Bâtiment B", "31000", "Toulouse"),
            "0561000000", ("admin.sud", "Yasmine", "Benali", "admin.sud@competences-sud.fr"), hache, maintenant);
        await session.SaveChangesAsync(ct);

        logger.LogWarning(
            "Données de démonstration créées. Comptes (mot de passe commun « {MotDePasse} ») : agent.region (agent), auditeur (auditeur), " +
            "admin.demo (administrateur de Formation Occitanie Avenir), formateur.demo (utilisateur), admin.sud (administrateur d'Atelier Compétences Sud).",
            MotDePasseDemo);
    }

    private static void Organisme(IDocumentSession session, string siret, string raisonSociale, string naf, Adresse adresse, string telephone,
        (string Identifiant, string Prenom, string Nom, string Email) admin, string hache, DateTimeOffset maintenant,
        params (string Identifiant, string Prenom, string Nom, string Email)[] utilisateurs)
    {
        var organisationId = Guid.NewGuid();
        var adminId = Guid.NewGuid();
        var (inscrite, cree) = Organisation.Inscrire(organisationId, adminId, siret, raisonSociale, naf, adresse, telephone,
            new NouveauCompte(admin.Identifiant, admin.Email, admin.Prenom, admin.Nom), hache, maintenant);
        session.Events.StartStream<Organisation>(organisationId, inscrite);
        session.Events.StartStream<Compte>(adminId, cree);
        // The other modules learn the demo organisations as any other (their candidatures start pre-filled).
        Sigma.BuildingBlocks.Messaging.Outbox.Publish(session, AnnonceOrganisation.Annonce(inscrite, cree, sansCourriel: true));
        foreach (var u in utilisateurs)
        {
            var id = Guid.NewGuid();
            session.Events.StartStream<Compte>(id, Compte.Creer(id, organisationId, new NouveauCompte(u.Identifiant, u.Email, u.Prenom, u.Nom),
                Roles.UtilisateurOrganisme, hache, OrigineCompte.AjoutParAdministrateur, adminId, maintenant));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
