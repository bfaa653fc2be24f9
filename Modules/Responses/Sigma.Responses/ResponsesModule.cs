using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Responses;

/// <summary>The Responses module; its features arrive with its own issue.</summary>
public static class ResponsesModule
{
    public static IServiceCollection AddResponsesModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleApplication(context, typeof(ResponsesModule).Assembly);
        return services;
    }
}
