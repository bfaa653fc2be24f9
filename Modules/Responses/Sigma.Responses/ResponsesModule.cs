using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sigma.BuildingBlocks.Modules;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Responses;

/// <summary>Responses: the candidature, one offer per lot, pieces, and the sealed, receipted send (the guide's step 4).</summary>
public static class ResponsesModule
{
    /// <summary>The sealing master key's file (the Host backs it up with the rest; see <see cref="Coffre"/>).</summary>
    public static string CheminCleMaitre(Microsoft.Extensions.Configuration.IConfiguration configuration) => Coffre.CheminCleMaitre(configuration);

    public static IServiceCollection AddResponsesModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleStore<IResponsesStore>(context, "responses", opts =>
        {
            opts.Events.AddEventType<ReponseCommencee>();
            opts.Events.AddEventType<CandidatureEnregistree>();
            opts.Events.AddEventType<CandidatureValidee>();
            opts.Events.AddEventType<OffreCreee>();
            opts.Events.AddEventType<OffreEnregistree>();
            opts.Events.AddEventType<OffreValidee>();
            opts.Events.AddEventType<OffreSupprimee>();
            opts.Events.AddEventType<PieceDeposee>();
            opts.Events.AddEventType<PieceRetiree>();
            opts.Events.AddEventType<ReponseEnvoyee>();
            opts.Events.AddEventType<EditionsGenerees>();
            opts.Events.AddEventType<PliTelecharge>();
            opts.Events.AddEventType<OuvertureRefusee>();
            opts.Events.AddEventType<PlisOuverts>();
            opts.Events.AddEventType<OffreJugee>();
            opts.Events.AddEventType<LotNotifie>();
            opts.Projections.Snapshot<Ouverture>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<Reponse>(SnapshotLifecycle.Inline);
            opts.Schema.For<Reponse>().Index(r => r.ConsultationId).Index(r => r.OrganisationId);
            opts.Schema.For<ConsultationConnue>();
            opts.Schema.For<OrganismeConnu>();
            opts.Schema.For<CleConsultation>();
            opts.Schema.For<BrouillonEnCours>();
            opts.Schema.For<EngagementLot>();
        });
        services.AddModuleApplication(context, typeof(ResponsesModule).Assembly);
        services.TryAddSingleton<StockageFichiers>();
        services.AddSingleton<Coffre>();
        services.AddScoped<Dossiers>();
        services.AddScoped<Ecritures>();
        services.AddScoped<EngagementsLots>();
        services.AddScoped<EditionsReponse>();
        services.AddScoped<AccuseReception>();
        services.AddScoped<PreuvesEnvoi>();
        services.AddScoped<LecturePlis>();
        services.AddScoped<Features.Shared.EnregistrementFormulaire>();
        return services;
    }
}
