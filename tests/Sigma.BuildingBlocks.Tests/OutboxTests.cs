using JasperFx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Messaging;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.BuildingBlocks.Tests;

public interface IStoreDeTest : IDocumentStore;

public sealed record DossierOuvert(Guid DossierId, string Par, DateTimeOffset Le);

public sealed record DossierOuvertIntegrationEvent(Guid DossierId) : IntegrationEvent;

/// <summary>The visible effect of a handler: one document per run of its effect.</summary>
public sealed class Effet
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public string Handler { get; set; } = "";
}

/// <summary>Fails a set number of times, then succeeds; its effect must be stored exactly once.</summary>
public sealed class Capricieux
{
    public int EchecsRestants { get; set; }
    public int Appels { get; set; }
}

internal sealed class HandlerFiable(IStoreDeTest store, TimeProvider clock) : IntegrationEventHandler<DossierOuvertIntegrationEvent, IStoreDeTest>(store, clock)
{
    protected override Task HandleAsync(DossierOuvertIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        session.Insert(new Effet { Id = Guid.NewGuid(), DossierId = e.DossierId, Handler = "fiable" });
        return Task.CompletedTask;
    }
}

internal sealed class HandlerCapricieux(IStoreDeTest store, TimeProvider clock, Capricieux etat) : IntegrationEventHandler<DossierOuvertIntegrationEvent, IStoreDeTest>(store, clock)
{
    protected override Task HandleAsync(DossierOuvertIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        etat.Appels++;
        session.Insert(new Effet { Id = Guid.NewGuid(), DossierId = e.DossierId, Handler = "capricieux" });
        if (etat.EchecsRestants > 0)
        {
            etat.EchecsRestants--;
            throw new InvalidOperationException("panne simulée");
        }
        return Task.CompletedTask;
    }
}

public sealed class OutboxTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ServiceProvider Module(Capricieux capricieux)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(capricieux);
        services.AddSingleton(new OutboxOptions { FirstRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero });
        var context = new ModuleContext(new ConfigurationBuilder().Build(), _database.ConnectionString, services.AddControllers());
        services.AddModuleStore<IStoreDeTest>(context, "test_module", opts => opts.Events.AddEventType<DossierOuvert>());
        services.AddModuleApplication(context, typeof(OutboxTests).Assembly);
        return services.BuildServiceProvider();
    }

    private static async Task OuvrirDossierAsync(ServiceProvider module, Guid dossierId)
    {
        await using var session = module.GetRequiredService<IStoreDeTest>().LightweightSession();
        session.Events.StartStream(dossierId, new DossierOuvert(dossierId, "agent", DateTimeOffset.UtcNow));
        session.Publish(new DossierOuvertIntegrationEvent(dossierId) { OccurredAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync();
    }

    private static async Task<IReadOnlyList<Effet>> EffetsAsync(ServiceProvider module, Guid dossierId)
    {
        await using var session = module.GetRequiredService<IStoreDeTest>().QuerySession();
        return await session.Query<Effet>().Where(e => e.DossierId == dossierId).ToListAsync();
    }

    [Fact]
    public async Task A_crash_between_commit_and_dispatch_loses_nothing()
    {
        var dossierId = Guid.NewGuid();
        await using (var avantLePlantage = Module(new Capricieux()))
        {
            // The process commits, then dies before its dispatcher ever runs.
            await OuvrirDossierAsync(avantLePlantage, dossierId);
        }

        await using var apresRedemarrage = Module(new Capricieux());
        var dispatcher = apresRedemarrage.GetRequiredService<OutboxDispatcher<IStoreDeTest>>();
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(1);

        (await EffetsAsync(apresRedemarrage, dossierId)).Select(e => e.Handler).OrderBy(h => h).ShouldBe(["capricieux", "fiable"]);
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task An_integration_event_is_not_published_when_its_transaction_rolls_back()
    {
        await using var module = Module(new Capricieux());
        var dossierId = Guid.NewGuid();
        await OuvrirDossierAsync(module, dossierId);

        // Starting the same stream again fails: the outbox message written with it must vanish too.
        await Should.ThrowAsync<Exception>(() => OuvrirDossierAsync(module, dossierId));

        await using var session = module.GetRequiredService<IStoreDeTest>().QuerySession();
        (await session.Query<OutboxMessage>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_handler_that_fails_twice_then_succeeds_runs_its_effect_exactly_once()
    {
        var capricieux = new Capricieux { EchecsRestants = 2 };
        await using var module = Module(capricieux);
        var dossierId = Guid.NewGuid();
        await OuvrirDossierAsync(module, dossierId);
        var dispatcher = module.GetRequiredService<OutboxDispatcher<IStoreDeTest>>();

        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(0);
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(0);
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(1);

        capricieux.Appels.ShouldBe(3);
        var effets = await EffetsAsync(module, dossierId);
        effets.Count(e => e.Handler == "capricieux").ShouldBe(1);
        effets.Count(e => e.Handler == "fiable").ShouldBe(1);
        await using var session = module.GetRequiredService<IStoreDeTest>().QuerySession();
        var message = await session.Query<OutboxMessage>().SingleAsync();
        message.Attempts.ShouldBe(2);
        message.DispatchedAt.ShouldNotBeNull();
        message.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_redelivered_event_has_no_second_effect()
    {
        await using var module = Module(new Capricieux());
        var dossierId = Guid.NewGuid();
        await OuvrirDossierAsync(module, dossierId);
        var dispatcher = module.GetRequiredService<OutboxDispatcher<IStoreDeTest>>();
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        await using (var session = module.GetRequiredService<IStoreDeTest>().LightweightSession())
        {
            var message = await session.Query<OutboxMessage>().SingleAsync();
            message.DispatchedAt = null;
            session.Store(message);
            await session.SaveChangesAsync();
        }
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(1);

        (await EffetsAsync(module, dossierId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_failing_message_waits_for_its_back_off_before_the_next_attempt()
    {
        await using var module = Module(new Capricieux { EchecsRestants = 5 });
        var options = module.GetRequiredService<OutboxOptions>();
        options.FirstRetryDelay = TimeSpan.FromMinutes(5);
        options.MaxRetryDelay = TimeSpan.FromHours(1);
        await OuvrirDossierAsync(module, Guid.NewGuid());
        var dispatcher = module.GetRequiredService<OutboxDispatcher<IStoreDeTest>>();

        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        module.GetRequiredService<Capricieux>().Appels.ShouldBe(1);
        await using var session = module.GetRequiredService<IStoreDeTest>().QuerySession();
        var message = await session.Query<OutboxMessage>().SingleAsync();
        message.NextAttemptAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(4));
        message.LastError!.ShouldContain("panne simulée");
    }
}
