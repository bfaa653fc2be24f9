using Hangfire;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Sigma.BuildingBlocks.Modules;
using Sigma.Publication.Decp;
using Sigma.Publication.Lheo;

namespace Sigma.Publication;

/// <summary>
/// Publication of the awarded offers: LHÉO 2.3 to the CARIF-OREF (pushed by Hangfire jobs, and a pull flux) and the
/// contracts' essential data (DECP v2) as open data.
/// </summary>
public static class PublicationModule
{
    public static IServiceCollection AddPublicationModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleStore<IPublicationStore>(context, "publication", opts =>
        {
            opts.Events.AddEventType<PublicationPreparee>();
            opts.Events.AddEventType<EnvoiCommence>();
            opts.Events.AddEventType<PublicationEnvoyee>();
            opts.Events.AddEventType<PublicationRejetee>();
            opts.Events.AddEventType<EnvoiEchoue>();
            opts.Events.AddEventType<RenvoiDemande>();
            opts.Events.AddEventType<PublicationRetiree>();
            opts.Projections.Snapshot<PublicationOffre>(SnapshotLifecycle.Inline);
            opts.Schema.For<PublicationOffre>().Index(p => p.ConsultationId).Index(p => p.ModifieeLe).Index(p => p.EstPubliee);
            opts.Schema.For<MarcheNotifie>().Index(m => m.ConsultationId);
        });
        services.AddModuleApplication(context, typeof(PublicationModule).Assembly);

        var carif = context.Configuration.GetSection("CarifOref").Get<CarifOrefOptions>() ?? new CarifOrefOptions();
        services.AddSingleton(carif);
        services.AddSingleton(context.Configuration.GetSection("Publication").Get<LheoOptions>() ?? new LheoOptions());
        var decp = context.Configuration.GetSection("Decp").Get<DecpOptions>() ?? new DecpOptions();
        // The buyer is the Région of the platform's settings unless the essential data name another.
        decp.AcheteurSiret = string.IsNullOrWhiteSpace(decp.AcheteurSiret) ? context.Configuration["Sigma:Acheteur:Siret"] : decp.AcheteurSiret;
        services.AddSingleton(decp);
        services.AddHttpClient(CarifOrefOptions.Client)
            .AddResilienceHandler("carif-oref", b => b
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, carif.Reessais),
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = carif.Delai,
                    UseJitter = true,
                })
                .AddTimeout(carif.DelaiReponse));
        services.AddTransient<PousserPublicationJob>();
        services.AddTransient<RelancerPublicationsJob>();
        return services;
    }

    /// <summary>Schedules the module's recurring jobs, once Hangfire is up.</summary>
    public static IServiceProvider UsePublicationModule(this IServiceProvider services)
    {
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RelancerPublicationsJob>(RelancerPublicationsJob.Id, j => j.Relancer(CancellationToken.None), Cron.Minutely());
        return services;
    }
}
