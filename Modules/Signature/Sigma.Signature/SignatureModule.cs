using Microsoft.Extensions.DependencyInjection;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sigma.BuildingBlocks.Modules;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Signature.Integration;
using Sigma.Signature.Infrastructure.Demandes;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature;

/// <summary>
/// "Outils de signature": sign documents (PAdES, CAdES; B-T when <c>Signature:Horodatage:Url</c> names an RFC 3161
/// time-stamp authority) with a certificate used for one request only, and verify signatures against the trusted roots
/// of <c>Signature:RacinesDeConfiance</c> and the trusted list of <c>Signature:ListeDeConfiance</c>, under the policy
/// of <c>Signature:Politique:*</c> (stateless: nothing of those files is stored); and the notification phase, where
/// an agent asks a bidder to sign a document and reads the report.
/// </summary>
public static class SignatureModule
{
    public static IServiceCollection AddSignatureModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleStore<ISignatureStore>(context, "signature", opts =>
        {
            opts.Events.AddEventType<SignatureDemandee>();
            opts.Events.AddEventType<DocumentSigneDepose>();
            opts.Projections.Snapshot<DemandeSignature>(SnapshotLifecycle.Inline);
            opts.Schema.For<DemandeSignature>().Index(d => d.OrganisationId);
        });
        services.AddModuleApplication(context, typeof(SignatureModule).Assembly);
        services.TryAddSingleton<StockageFichiers>();
        services.AddSingleton<RacinesDeConfiance>();
        services.AddSingleton(sp => Politique.Lire(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<VerificateurSignatures>();
        services.AddSingleton<Infrastructure.Horodatage.AutoriteHorodatage>();
        services.AddSingleton<Infrastructure.Cachet.CachetServeur>();
        return services;
    }
}
