using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature;

/// <summary>
/// "Outils de signature": sign documents (PAdES, CAdES) with a certificate used for one request only, and verify
/// signatures against the trusted roots of <c>Signature:RacinesDeConfiance</c>. Stateless: nothing is stored.
/// </summary>
public static class SignatureModule
{
    public static IServiceCollection AddSignatureModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleApplication(context, typeof(SignatureModule).Assembly);
        services.AddSingleton<RacinesDeConfiance>();
        services.AddSingleton<VerificateurSignatures>();
        return services;
    }
}
