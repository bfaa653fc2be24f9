using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Referentials.Contracts;
using Sigma.Referentials.Domain;
using Sigma.Referentials.Infrastructure;

namespace Sigma.Referentials.Tests;

/// <summary>A fresh database of the test run's PostgreSQL with the shipped nomenclatures loaded as at start.</summary>
public sealed class BaseReferentiels : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    internal EntrepotReferentiels Entrepot { get; private set; } = default!;
    internal ChargementReferentiels Chargement { get; private set; } = default!;
    public RechercheReferentiels Recherche { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Entrepot = new EntrepotReferentiels(Database.ConnectionString);
        Recherche = new RechercheReferentiels(Database.ConnectionString);
        Chargement = new ChargementReferentiels(Entrepot, NullLogger<ChargementReferentiels>.Instance);
        await Chargement.StartAsync(CancellationToken.None);
    }

    public Task<IReadOnlyList<EntreeReferentiel>> ChercherAsync(Nomenclature nomenclature, string? saisie) =>
        Recherche.ChercherAsync(nomenclature, saisie, 15, CancellationToken.None);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
