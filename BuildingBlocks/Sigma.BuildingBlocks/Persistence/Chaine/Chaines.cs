using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Sigma.BuildingBlocks.Persistence.Chaine;

/// <summary>A module's chained event store: its name (its schema) and how to reach its checkpoints.</summary>
public sealed record ChaineModule(string Schema, Type Store);

/// <summary>Every module's chain, for the verification and the checkpoints (one database, one schema per module).</summary>
public sealed class Chaines(IEnumerable<ChaineModule> modules, IServiceProvider services, string connectionString, TimeProvider clock)
{
    public IReadOnlyList<ChaineModule> Modules { get; } = modules.ToList();

    public PointsDeControle PointsDeControle(ChaineModule module) =>
        new((IDocumentStore)services.GetRequiredService(module.Store), module.Schema, connectionString, clock);

    public PointsDeControle PointsDeControle(string schema) => PointsDeControle(Modules.Single(m => m.Schema == schema));

    /// <summary>Verifies every module's chains, one after the other.</summary>
    public async Task<IReadOnlyList<VerificationModule>> VerifierAsync(CancellationToken ct = default)
    {
        var resultats = new List<VerificationModule>();
        foreach (var module in Modules)
        {
            resultats.Add(await VerificationChaine.VerifierAsync(connectionString, module.Schema, module.Schema, ct));
        }
        return resultats;
    }

    /// <summary>A checkpoint of every module (the recurring job's work; a second run only adds a checkpoint).</summary>
    public async Task PrendrePointsDeControleAsync(CancellationToken ct = default)
    {
        foreach (var module in Modules)
        {
            await PointsDeControle(module).PrendreAsync(ct: ct);
        }
    }

    /// <summary>The link of an event of a stream (its hash), or null.</summary>
    public async Task<byte[]?> LienAsync(string schema, Guid flux, long version, CancellationToken ct = default)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(ct);
        await using var commande = Chaine.PointsDeControle.Commande(c, $"select hash from {schema}.{ChaineSql.Table} where stream_id = @f and version = @v",
            ("f", flux), ("v", version));
        return await commande.ExecuteScalarAsync(ct) as byte[];
    }

    /// <summary>The last checkpoint of a module taken at or before <paramref name="le"/>, or null.</summary>
    public async Task<PointDeControleChaine?> PointEnVigueurAsync(string schema, DateTimeOffset le, CancellationToken ct = default)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(ct);
        await using var commande = Chaine.PointsDeControle.Commande(c,
            $"select data::text from {schema}.mt_events where stream_id = @cp and timestamp <= @le order by version desc limit 1",
            ("cp", Chaine.PointsDeControle.Flux), ("le", le.ToUniversalTime()));
        return await commande.ExecuteScalarAsync(ct) is string json
            ? System.Text.Json.JsonSerializer.Deserialize<PointDeControleChaine>(json, JsonChaine.Options) : null;
    }
}

/// <summary>
/// Installs a module's chain before anything appends (the demo data, the dispatchers): it creates the store's tables
/// itself, then the chain, and chains the events appended before the chain existed.
/// </summary>
internal sealed class InstallationChaine<TStore>(TStore store, string schema, string connectionString) : IHostedService
    where TStore : IDocumentStore
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var connexion = new NpgsqlConnection(connectionString);
        await connexion.OpenAsync(cancellationToken);
        await using var transaction = await connexion.BeginTransactionAsync(cancellationToken);
        await using (var commande = new NpgsqlCommand(ChaineSql.Installation(schema), connexion, transaction))
        {
            await commande.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
