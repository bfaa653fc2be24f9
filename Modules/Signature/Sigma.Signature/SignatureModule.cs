using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Signature;

/// <summary>The Signature module; its features arrive with its own issue.</summary>
public static class SignatureModule
{
    public static IServiceCollection AddSignatureModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleApplication(context, typeof(SignatureModule).Assembly);
        return services;
    }
}
