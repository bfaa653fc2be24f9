using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Documents;

/// <summary>
/// Documents: every PDF the product prints (the editions of a response, the receipt, the signature report), from one
/// Scriban template each, through one shared Chromium. It stores nothing: callers seal or stream what it returns.
/// </summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocumentsModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleApplication(context, typeof(DocumentsModule).Assembly);
        services.AddSingleton<Imprimante>();
        services.AddSingleton<Polices>();
        return services;
    }
}
