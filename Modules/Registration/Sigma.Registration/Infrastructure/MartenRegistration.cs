using JasperFx.Events.Projections;

namespace Sigma.Registration.Infrastructure;

internal static class MartenRegistration
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventType<OrganisationInscrite>();
        opts.Events.AddEventType<CompteCree>();
        opts.Events.AddEventType<CompteDesactive>();
        opts.Events.AddEventType<CompteReactive>();
        opts.Events.AddEventType<ConnexionReussie>();
        opts.Events.AddEventType<ConnexionEchouee>();
        opts.Events.AddEventType<CompteVerrouille>();
        opts.Events.AddEventType<Deconnecte>();
        opts.Events.AddEventType<ReinitialisationMotDePasseDemandee>();
        opts.Events.AddEventType<MotDePasseDefini>();
        opts.Events.AddEventType<RattachementApprouve>();
        opts.Events.AddEventType<RattachementRefuse>();

        opts.Projections.Snapshot<Organisation>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Compte>(SnapshotLifecycle.Inline);
        opts.Schema.For<Organisation>().UniqueIndex(o => o.Siret);
        opts.Schema.For<Compte>().UniqueIndex(c => c.IdentifiantNormalise).Index(c => c.OrganisationId).Index(c => c.Email)
            .Index(c => c.Rattachement);
    }
}
