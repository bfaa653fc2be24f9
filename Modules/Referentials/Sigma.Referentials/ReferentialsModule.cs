using Microsoft.Extensions.DependencyInjection;
using Sigma.BuildingBlocks.Modules;
using Sigma.Referentials.Features.ImporterReferentiel;

namespace Sigma.Referentials;

/// <summary>
/// The nomenclatures bidders pick codes from (Formacode, NSF, ROME, RNCP, Certif Info): loaded into the schema
/// <c>referentials</c> at start, searched from three characters at <c>/referentiels/{nomenclature}?q=…</c>, and
/// refreshed from the official exports by the <c>importer-rncp</c> and <c>importer-certifinfo</c> commands.
/// </summary>
public static class ReferentialsModule
{
    public static IServiceCollection AddReferentialsModule(this IServiceCollection services, ModuleContext context)
    {
        services.AddModuleApplication(context, typeof(ReferentialsModule).Assembly);
        services.AddSingleton(new EntrepotReferentiels(context.ConnectionString));
        services.AddSingleton(new RechercheReferentiels(context.ConnectionString));
        services.AddHostedService<ChargementReferentiels>();
        return services;
    }

    /// <summary>Whether the command line asks for an import (<c>importer-rncp</c>, <c>importer-certifinfo</c>) rather than the web application.</summary>
    public static bool EstUneCommande(string[] args) => CommandeImport.Reconnait(args);

    /// <summary>Runs the import the command line asks for, printing what was imported; returns the exit code.</summary>
    public static Task<int> ExecuterCommandeAsync(string[] args, string connectionString, TextWriter sortie, CancellationToken ct = default) =>
        CommandeImport.ExecuterAsync(args, connectionString, sortie, ct);
}
