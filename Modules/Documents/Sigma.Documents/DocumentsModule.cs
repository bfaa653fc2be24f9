using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Documents;

/// <summary>The Documents module; its features arrive with its own issue.</summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocumentsModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleApplication(context, typeof(DocumentsModule).Assembly);
        return services;
    }
}
