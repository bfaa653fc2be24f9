using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sigma.BuildingBlocks.Modules;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Consultations;

/// <summary>Consultations, their lots and DCE, questions and the registries: the guide's steps 2 and 3.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultationsModule(this IServiceCollection services, ModuleContext context)
    {
        // Before the store's own start-up work: the search projection writes to this table.
        services.AddHostedService(_ => new SchemaRecherche(context.ConnectionString));
        services.AddModuleStore<IConsultationsStore>(context, "consultations", opts =>
        {
            opts.Events.AddEventType<ConsultationCreee>();
            opts.Events.AddEventType<DceVersionDeposee>();
            opts.Events.AddEventType<ConsultationPubliee>();
            opts.Events.AddEventType<DateLimiteProrogee>();
            opts.Events.AddEventType<QuestionPosee>();
            opts.Events.AddEventType<QuestionRepondue>();
            opts.Projections.Snapshot<Consultation>(SnapshotLifecycle.Inline);
            opts.Projections.Add(new ProjectionRecherche(), ProjectionLifecycle.Inline);
            opts.Schema.For<Consultation>().UniqueIndex(c => c.Reference);
            opts.Schema.For<Retrait>().Index(r => r.ConsultationId);
            opts.Schema.For<Abonnement>().Index(a => a.ConsultationId);
            opts.Schema.For<Depot>().Index(d => d.ConsultationId);
            opts.Schema.For<Integration.JournalConsultation>().Index(j => j.ConsultationId);
            opts.Schema.For<Integration.SuiviAttribution>();
        });
        services.AddModuleApplication(context, typeof(ConsultationsModule).Assembly);
        services.TryAddSingleton<StockageFichiers>();
        services.AddSingleton<Recherche>();
        services.AddHostedService<DonneesDemoConsultations>();
        return services;
    }
}
