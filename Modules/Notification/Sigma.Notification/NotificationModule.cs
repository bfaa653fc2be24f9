using System.Net;
using System.Net.Sockets;
using Hangfire;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Notification;

/// <summary>Mails and alerts: every integration event that owes someone a mail ends here, sent by Hangfire jobs.</summary>
public static class NotificationModule
{
    public static IServiceCollection AddNotificationModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleStore<INotificationStore>(context, "notification", opts =>
        {
            opts.Events.AddEventType<CourrielPrepare>();
            opts.Events.AddEventType<CourrielEnvoye>();
            opts.Events.AddEventType<EnvoiCourrielEchoue>();
            opts.Projections.Snapshot<Courriel>(SnapshotLifecycle.Inline);
            opts.Schema.For<Courriel>().Index(c => c.EnvoyeLe);
        });
        services.AddModuleApplication(context, typeof(NotificationModule).Assembly);

        var smtp = context.Configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            var port = context.Configuration.GetValue("Sigma:CapteurCourriels:Port", 2525);
            if (port == 0)
            {
                port = PortLibre();
            }
            var dossier = context.Configuration["Sigma:CapteurCourriels:Dossier"] is { Length: > 0 } d ? d : DossierParDefaut(context.Configuration);
            smtp.Host = "127.0.0.1";
            smtp.Port = port;
            smtp.Securite = "None";
            services.AddSingleton(sp => new CapteurCourriels(port, string.IsNullOrEmpty(dossier) ? null : dossier,
                sp.GetRequiredService<ILogger<CapteurCourriels>>()));
            services.AddHostedService(sp => sp.GetRequiredService<CapteurCourriels>());
        }
        services.AddSingleton(smtp);
        services.AddSingleton<EnvoiSmtp>();
        services.AddTransient<EnvoyerCourrielJob>();
        services.AddTransient<CourrielServices>();
        services.AddTransient<RelancerCourrielsJob>();
        return services;
    }

    /// <summary>Schedules the module's recurring jobs, once Hangfire is up.</summary>
    public static IServiceProvider UseNotificationModule(this IServiceProvider services)
    {
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RelancerCourrielsJob>(RelancerCourrielsJob.Id, j => j.Relancer(CancellationToken.None), Cron.Minutely());
        return services;
    }

    private static string DossierParDefaut(IConfiguration configuration) =>
        configuration["Sigma:DataDirectory"] is { Length: > 0 } data ? Path.Combine(data, "courriels")
        : Environment.UserName == "root" ? "/var/lib/sigma/courriels"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "sigma", "courriels");

    private static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }
}
