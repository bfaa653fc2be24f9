using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Consultations;

/// <summary>The Consultations module; its features arrive with its own issue.</summary>
public static class ConsultationsModule
{
    public static IServiceCollection AddConsultationsModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleApplication(context, typeof(ConsultationsModule).Assembly);
        return services;
    }
}
