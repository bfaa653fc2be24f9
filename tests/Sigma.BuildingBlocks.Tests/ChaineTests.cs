using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Modules;
using Sigma.BuildingBlocks.Persistence;
using Sigma.BuildingBlocks.Persistence.Chaine;

namespace Sigma.BuildingBlocks.Tests;

public interface IStoreChaine : IDocumentStore;

public sealed record PieceAjoutee(Guid DossierId, string Nom, int Numero);

/// <summary>
/// The events' hash chain on the real PostgreSQL: every kind of tampering done with SQL is found, with the right first
/// broken link; an untouched database (tombstone gaps included) verifies clean.
/// </summary>
public sealed class ChaineTests : IAsyncLifetime
{
    private const string Schema = "chaine_test";
    private TestDatabase _database = default!;
    private ServiceProvider _module = default!;

    private IStoreChaine Store => _module.GetRequiredService<IStoreChaine>();

    private Chaines Chaines => _module.GetRequiredService<Chaines>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        var context = new ModuleContext(new ConfigurationBuilder().Build(), _database.ConnectionString, services.AddControllers());
        services.AddModuleStore<IStoreChaine>(context, Schema, opts => opts.Events.AddEventType<PieceAjoutee>());
        _module = services.BuildServiceProvider();
        foreach (var service in _module.GetServices<IHostedService>().OfType<IHostedService>().Where(s => s.GetType().Name.StartsWith("InstallationChaine", StringComparison.Ordinal)))
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _module.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Three streams of five events each; returns their ids.</summary>
    private async Task<Guid[]> DossiersAsync(int nombre = 3, int evenements = 5)
    {
        var ids = Enumerable.Range(0, nombre).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids)
        {
            for (var i = 1; i <= evenements; i++)
            {
                await using var session = Store.Ouvrir(new Acteur(Guid.NewGuid(), "agent.region", "Agent", "a@r.fr", "Agent", null));
                session.Events.Append(id, new PieceAjoutee(id, $"pièce n° {i} — « été »", i));
                await session.SaveChangesAsync();
            }
        }
        return ids;
    }

    private async Task SqlAsync(string sql)
    {
        await using var c = new NpgsqlConnection(_database.ConnectionString);
        await c.OpenAsync();
        await using var commande = new NpgsqlCommand(sql, c);
        await commande.ExecuteNonQueryAsync();
    }

    private async Task<long> SeqAsync(Guid flux, int version)
    {
        await using var c = new NpgsqlConnection(_database.ConnectionString);
        await c.OpenAsync();
        await using var commande = new NpgsqlCommand($"select seq_id from {Schema}.mt_events where stream_id = '{flux}' and version = {version}", c);
        return (long)(await commande.ExecuteScalarAsync())!;
    }

    private async Task<VerificationModule> VerifierAsync() => (await Chaines.VerifierAsync()).ShouldHaveSingleItem();

    [Fact]
    public async Task An_untouched_database_verifies_clean_tombstone_gaps_included()
    {
        var ids = await DossiersAsync();
        // A failed append leaves a gap in the global sequence (and Marten may fill it with a tombstone row).
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(ids[0], new PieceAjoutee(ids[0], "doublon", 99)); // the stream exists: refused
            await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync());
        }
        var tombes = Guid.NewGuid();
        await SqlAsync($"insert into {Schema}.mt_streams (id, tenant_id, version, is_archived) values ('{tombes}', '*DEFAULT*', 0, false);" +
            $"insert into {Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type) " +
            $"values (nextval('{Schema}.mt_events_sequence'), gen_random_uuid(), '{tombes}', 0, '{{}}', 'tombstone', now(), '*DEFAULT*', 'Tombstone');" +
            $"select setval('{Schema}.mt_events_sequence', currval('{Schema}.mt_events_sequence') + 3);");
        await DossiersAsync(1);

        var verification = await VerifierAsync();
        verification.Ruptures.ShouldBeEmpty();
        verification.Evenements.ShouldBe(20);
        verification.Intacte.ShouldBeTrue();
    }

    [Fact]
    public async Task A_changed_payload_is_the_first_broken_link()
    {
        var ids = await DossiersAsync();
        var seq = await SeqAsync(ids[1], 3);
        await SqlAsync($"update {Schema}.mt_events set data = jsonb_set(data, '{{Nom}}', '\"pièce falsifiée\"') where seq_id = {seq}");

        var premiere = (await VerifierAsync()).Premiere.ShouldNotBeNull();
        premiere.Flux.ShouldBe(ids[1]);
        premiere.Version.ShouldBe(3);
        premiere.Sequence.ShouldBe(seq);
        premiere.Motif.ShouldContain("modifié");
    }

    [Fact]
    public async Task A_changed_timestamp_or_author_breaks_its_link()
    {
        var ids = await DossiersAsync();
        await SqlAsync($"update {Schema}.mt_events set timestamp = timestamp - interval '1 day' where stream_id = '{ids[2]}' and version = 2");
        var premiere = (await VerifierAsync()).Premiere.ShouldNotBeNull();
        (premiere.Flux, premiere.Version).ShouldBe((ids[2], 2L));

        await SqlAsync($"update {Schema}.mt_events set timestamp = timestamp + interval '1 day' where stream_id = '{ids[2]}' and version = 2");
        (await VerifierAsync()).Intacte.ShouldBeTrue();
        await SqlAsync($"update {Schema}.mt_events set user_name = 'quelquun.dautre' where stream_id = '{ids[0]}' and version = 4");
        ((await VerifierAsync()).Premiere!.Flux, (await VerifierAsync()).Premiere!.Version).ShouldBe((ids[0], 4L));
    }

    [Fact]
    public async Task A_deleted_row_is_found_where_it_was()
    {
        var ids = await DossiersAsync();
        var seq = await SeqAsync(ids[0], 2);
        await SqlAsync($"delete from {Schema}.mt_events where seq_id = {seq}");

        var premiere = (await VerifierAsync()).Premiere.ShouldNotBeNull();
        (premiere.Flux, premiere.Version, premiere.Sequence).ShouldBe((ids[0], 2L, seq));
        premiere.Motif.ShouldContain("supprimé");

        // Deleting its link as well leaves a hole in the versions.
        await SqlAsync($"delete from {Schema}.{ChaineSql.Table} where seq_id = {seq}");
        var trou = (await VerifierAsync()).Premiere.ShouldNotBeNull();
        (trou.Flux, trou.Version).ShouldBe((ids[0], 3L));
        trou.Motif.ShouldContain("Il manque la version 2");
    }

    [Fact]
    public async Task Reordered_rows_are_found_at_the_first_one_moved()
    {
        var ids = await DossiersAsync();
        var (s2, s4) = (await SeqAsync(ids[1], 2), await SeqAsync(ids[1], 4));
        // Swap the places of versions 2 and 4 of the stream (their payloads stay as they are).
        await SqlAsync($"""
            update {Schema}.mt_events set version = -1 where seq_id = {s2};
            update {Schema}.mt_events set version = 2 where seq_id = {s4};
            update {Schema}.mt_events set version = 4 where seq_id = {s2};
            """);
        var premiere = (await VerifierAsync()).Premiere.ShouldNotBeNull();
        (premiere.Flux, premiere.Version).ShouldBe((ids[1], 2L));
        premiere.Motif.ShouldContain("déplacées");

        // Swapping the global order numbers instead.
        await SqlAsync($"""
            update {Schema}.mt_events set version = -1 where seq_id = {s4};
            update {Schema}.mt_events set version = 2 where seq_id = {s2};
            update {Schema}.mt_events set version = 4 where seq_id = {s4};
            """);
        (await VerifierAsync()).Intacte.ShouldBeTrue();
        var (a, b) = (await SeqAsync(ids[2], 1), await SeqAsync(ids[2], 5));
        await SqlAsync($"""
            update {Schema}.mt_events set seq_id = -1 where seq_id = {a};
            update {Schema}.mt_events set seq_id = {a} where seq_id = {b};
            update {Schema}.mt_events set seq_id = {b} where seq_id = -1;
            """);
        var echange = (await VerifierAsync()).Premiere.ShouldNotBeNull();
        (echange.Flux, echange.Version).ShouldBe((ids[2], 1L));
    }

    [Fact]
    public async Task A_row_inserted_in_the_middle_is_the_first_broken_link()
    {
        var ids = await DossiersAsync();
        // Make room at version 3 and slip an event in, as an editor of the database would.
        await SqlAsync($"""
            update {Schema}.mt_events set version = version + 100 where stream_id = '{ids[0]}' and version >= 3;
            update {Schema}.mt_events set version = version - 99 where stream_id = '{ids[0]}' and version >= 103;
            """);
        // The chain's trigger would refuse the row (its place is taken): an editor of the database turns triggers off.
        await SqlAsync("set session_replication_role = replica; " +
            $"insert into {Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type) " +
            $"select nextval('{Schema}.mt_events_sequence'), gen_random_uuid(), stream_id, 3, data, type, timestamp, tenant_id, mt_dotnet_type from {Schema}.mt_events where stream_id = '{ids[0]}' and version = 2");
        var verification = await VerifierAsync();
        var premiere = verification.Premiere.ShouldNotBeNull();
        (premiere.Flux, premiere.Version).ShouldBe((ids[0], 3L));
    }

    [Fact]
    public async Task A_deleted_stream_or_a_cut_tail_is_found_by_the_checkpoint_and_named()
    {
        var ids = await DossiersAsync();
        var point = await Chaines.PointsDeControle(Schema).PrendreAsync(DateTimeOffset.UtcNow.AddSeconds(1));
        point.Flux.ShouldBe(3);
        point.Evenements.ShouldBe(15);
        (await VerifierAsync()).PointDeControleVerifie.ShouldBeTrue();

        // The last two events of a stream, and their links: the chain alone cannot see it.
        await SqlAsync($"""
            delete from {Schema}.mt_events where stream_id = '{ids[1]}' and version >= 4;
            delete from {Schema}.{ChaineSql.Table} where stream_id = '{ids[1]}' and version >= 4;
            """);
        var coupe = await VerifierAsync();
        coupe.PointDeControleVerifie.ShouldBeFalse();
        var rupture = coupe.Premiere.ShouldNotBeNull();
        rupture.Flux.ShouldBe(ids[1]);
        rupture.Motif.ShouldContain("coupé");

        // A whole stream with its links.
        await SqlAsync($"""
            delete from {Schema}.mt_events where stream_id = '{ids[2]}';
            delete from {Schema}.{ChaineSql.Table} where stream_id = '{ids[2]}';
            delete from {Schema}.mt_streams where id = '{ids[2]}';
            """);
        var ruptures = (await VerifierAsync()).Ruptures;
        ruptures.ShouldContain(r => r.Flux == ids[1] && r.Motif.Contains("coupé"));
        ruptures.ShouldContain(r => r.Flux == ids[2] && r.Motif.Contains("disparu"));
    }

    [Fact]
    public async Task Events_appended_before_the_chain_existed_are_chained_at_installation()
    {
        var ids = await DossiersAsync(1, 3);
        await SqlAsync($"drop trigger sigma_chaine on {Schema}.mt_events; truncate {Schema}.{ChaineSql.Table};");
        await DossiersAsync(1, 2);
        foreach (var service in _module.GetServices<IHostedService>().Where(s => s.GetType().Name.StartsWith("InstallationChaine", StringComparison.Ordinal)))
        {
            await service.StartAsync(CancellationToken.None);
        }
        var verification = await VerifierAsync();
        verification.Intacte.ShouldBeTrue();
        verification.Evenements.ShouldBe(5);
        (await Chaines.LienAsync(Schema, ids[0], 3)).ShouldNotBeNull();
    }
}
