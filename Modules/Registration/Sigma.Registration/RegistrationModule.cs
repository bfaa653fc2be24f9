using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Registration;

/// <summary>Organisations, accounts, sign-in: the guide's "Etape 1 : Inscription".</summary>
public static class RegistrationModule
{
    public static IServiceCollection AddRegistrationModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleStore<IRegistrationStore>(context, "registration", MartenRegistration.Configure);
        services.AddModuleApplication(context, typeof(RegistrationModule).Assembly);
        services.AddSingleton<MotsDePasse>();
        services.AddHostedService<DonneesDemo>();
        Authentification.Configurer(services);
        return services;
    }
}
