using System.Collections.Concurrent;

using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.BuildingBlocks.Modules;

namespace Sigma.Publication.Tests;

/// <summary>
/// A CARIF-OREF on loopback (real Kestrel): it fails the first <see cref="EchecsAuDebut"/> calls (503), refuses with
/// a 4xx the keys it is told to, drops connections while <see cref="EnPanne"/>, and counts every document it accepts.
/// </summary>
public sealed class CarifOrefDeTest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _appels;

    public int EchecsAuDebut { get; set; }
    public volatile bool EnPanne;
    public ConcurrentDictionary<string, string> Refus { get; } = new();

    /// <summary>Documents accepted, by idempotency key (a key twice means an offer published twice).</summary>
    public ConcurrentDictionary<string, int> Acceptes { get; } = new();
    public ConcurrentQueue<string> Documents { get; } = new();
    public int Appels => _appels;
    public string Url { get; private set; } = "";

    private CarifOrefDeTest(WebApplication app) => _app = app;

    public static async Task<CarifOrefDeTest> DemarrerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var serveur = new CarifOrefDeTest(app);
        app.MapPost("/lheo", async (HttpContext http) =>
        {
            var appel = Interlocked.Increment(ref serveur._appels);
            if (serveur.EnPanne)
            {
                http.Abort();
                return;
            }
            if (appel <= serveur.EchecsAuDebut)
            {
                http.Response.StatusCode = 503;
                return;
            }
            var cle = http.Request.Headers["Idempotency-Key"].ToString();
            using var lecteur = new StreamReader(http.Request.Body);
            var document = await lecteur.ReadToEndAsync();
            if (serveur.Refus.TryGetValue(cle, out var motif))
            {
                http.Response.StatusCode = 422;
                await http.Response.WriteAsync(motif);
                return;
            }
            serveur.Acceptes.AddOrUpdate(cle, 1, (_, n) => n + 1);
            serveur.Documents.Enqueue(document);
            http.Response.StatusCode = 202;
        });
        await app.StartAsync();
        serveur.Url = app.Urls.First() + "/lheo";
        return serveur;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Hangfire's client, capturing what is enqueued: the test runs the jobs itself, as often as it likes.</summary>
public sealed class JobsCaptures : IBackgroundJobClient
{
    public ConcurrentQueue<Job> Jobs { get; } = new();

    public string Create(Job job, IState state)
    {
        Jobs.Enqueue(job);
        return Guid.NewGuid().ToString();
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;

    /// <summary>The (offer, version) of each push enqueued, emptying the queue.</summary>
    public IReadOnlyList<(Guid Offre, int Version)> Pousses()
    {
        var pousses = new List<(Guid, int)>();
        while (Jobs.TryDequeue(out var job))
        {
            if (job.Method.Name == nameof(PousserPublicationJob.Pousser))
            {
                pousses.Add(((Guid)job.Args[0], (int)job.Args[1]));
            }
        }
        return pousses;
    }
}

/// <summary>The Publication module alone on its own database, configured for a CARIF-OREF endpoint.</summary>
public sealed class ModulePublication : IAsyncDisposable
{
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public JobsCaptures Jobs { get; } = new();

    private ModulePublication(TestDatabase database, string? endpoint)
    {
        Database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CarifOref:Endpoint"] = endpoint,
            ["CarifOref:Delai"] = "00:00:00.010",
            ["CarifOref:DelaiReponse"] = "00:00:05",
            ["Publication:PublicsVises:PROJET PRO"] = "80056",
            ["Decp:AcheteurSiret"] = "20005372600019",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IBackgroundJobClient>(Jobs);
        var mvc = services.AddControllersWithViews();
        services.AddPublicationModule(new ModuleContext(configuration, database.ConnectionString, mvc));
        Services = services.BuildServiceProvider();
    }

    public static async Task<ModulePublication> CreerAsync(string? endpoint) => new(await TestDatabase.CreateAsync(), endpoint);

    public IPublicationStore Store => Services.GetRequiredService<IPublicationStore>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
