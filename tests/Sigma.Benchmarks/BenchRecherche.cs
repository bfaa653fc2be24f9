using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Sigma.Consultations.Domain;
using Sigma.Consultations.Infrastructure;

namespace Sigma.Benchmarks;

/// <summary>
/// Benchmark 1: <see cref="Recherche.ChercherAsync"/> over 10,000 consultations appended through the domain (inline
/// projections fill consultations.recherche as in production), one query at a time; then the same queries as the full
/// public page (/consultations?q=…, Razor included) through the in-process server. Target: p95 &lt; 30 ms.
/// </summary>
internal static class BenchRecherche
{
    private const int NombreConsultations = 10_000;
    private const int TailleLot = 500;
    private const int Echauffement = 20;
    private const int Iterations = 200;
    private const double CibleP95Ms = 30;

    private sealed record Requete(string Nom, string? Terme, string? Dispositif, bool EnCours, int Page)
    {
        public string Url => $"/consultations{(EnCours ? "" : "/cloturees")}?q={Uri.EscapeDataString(Terme ?? "")}&dispositif={Uri.EscapeDataString(Dispositif ?? "")}&page={Page}";
    }

    private static readonly Requete[] Requetes =
    [
        new("mot très courant « formation »", "formation", null, true, 1),
        new("mot courant « numérique »", "numérique", null, true, 1),
        new("mot rare « œnologie »", "œnologie", null, true, 1),
        new("mot très rare « apiculture »", "apiculture", null, true, 1),
        new("deux mots « électricité bâtiment »", "électricité bâtiment", null, true, 1),
        new("sans accents « electricite batiment »", "ELECTRICITE batiment", null, true, 1),
        new("ville « Montpellier »", "Montpellier", null, true, 1),
        new("« numérique » + dispositif", "numérique", "COMPETENCES PLUS", true, 1),
        new("dispositif seul (E2C)", null, "E2C", true, 1),
        new("liste sans mot, page 1", null, null, true, 1),
        new("liste sans mot, page 50", null, null, true, 50),
        new("clôturées sans mot, page 1", null, null, false, 1),
        new("clôturées « toulouse »", "toulouse", null, false, 1),
    ];

    public static async Task<bool> ExecuterAsync()
    {
        Format.Titre($"Recherche sur {NombreConsultations:N0} consultations");
        await using var base_ = await TestDatabase.CreateAsync();
        await using var smtp = await SmtpDeTest.StartAsync();
        await using var usine = new WebApplicationFactory<Program>();
        await using var sigma = usine.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(Depot.Racine(), "Host", "Sigma.Host"));
            b.UseSetting("ConnectionStrings:Sigma", base_.ConnectionString);
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", smtp.Port.ToString(Format.Inv));
            b.UseSetting("Smtp:Securite", "None");
            b.UseSetting("Sigma:UrlPublique", "http://sigma.bench");
            b.UseSetting("Sigma:DonneesDemo", "false");
            b.UseSetting("Sigma:Hangfire:Workers", "1");
        });
        Console.WriteLine($"Charge de la machine (loadavg) au début : {Charge.Moyenne()} sur {Environment.ProcessorCount} cœurs");
        var store = sigma.Services.GetRequiredService<IConsultationsStore>();
        var recherche = sigma.Services.GetRequiredService<Recherche>();
        var maintenant = DateTimeOffset.UtcNow;

        await RemplirAsync(store, maintenant);
        await using (var connexion = new NpgsqlConnection(base_.ConnectionString))
        {
            await connexion.OpenAsync();
            // What autovacuum does a minute after such a load; measured on fresh statistics.
            await new NpgsqlCommand("vacuum analyze consultations.recherche", connexion).ExecuteNonQueryAsync();
            var comptes = await new NpgsqlCommand(
                "select count(*), count(*) filter (where publiee_le is not null and date_limite > now()), count(*) filter (where publiee_le is not null and date_limite <= now()), " +
                "pg_size_pretty(pg_total_relation_size('consultations.recherche')) from consultations.recherche", connexion).ExecuteReaderAsync();
            await comptes.ReadAsync();
            Console.WriteLine($"consultations.recherche : {comptes.GetInt64(0):N0} lignes ({comptes.GetInt64(1):N0} en cours, {comptes.GetInt64(2):N0} clôturées, le reste en brouillon), {comptes.GetString(3)} avec index");
        }

        var totaux = new Dictionary<Requete, int>();
        foreach (var r in Requetes)
        {
            totaux[r] = (await recherche.ChercherAsync(r.Terme, r.Dispositif, r.EnCours, r.Page, maintenant, default)).Total;
        }
        var direct = await MesurerAsync(async r => await recherche.ChercherAsync(r.Terme, r.Dispositif, r.EnCours, r.Page, maintenant, default));
        Console.WriteLine($"Charge (loadavg) après les mesures : {Charge.Moyenne()}");
        var ok = Afficher($"Recherche.ChercherAsync (SQL seul, {Iterations} mesures par requête après {Echauffement} d'échauffement)", direct, totaux);

        using var http = sigma.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://sigma.bench") });
        var pages = await MesurerAsync(async r =>
        {
            using var reponse = await http.GetAsync(r.Url);
            reponse.EnsureSuccessStatusCode();
            await reponse.Content.ReadAsByteArrayAsync();
        });
        Console.WriteLine($"Charge (loadavg) après les mesures : {Charge.Moyenne()}");
        Afficher("Page publique /consultations?q=… complète (serveur en mémoire, Razor compris)", pages, totaux);

        await DiagnosticRecherche.ExpliquerAsync(base_.ConnectionString, "électricité bâtiment", maintenant);
        await DiagnosticRecherche.ExpliquerAsync(base_.ConnectionString, "formation", maintenant);
        await DiagnosticRecherche.ComparerVariantesAsync(base_.ConnectionString, maintenant);
        Console.WriteLine($"Charge de la machine (loadavg) à la fin : {Charge.Moyenne()}");
        return ok;
    }

    private static async Task RemplirAsync(IConsultationsStore store, DateTimeOffset maintenant)
    {
        var chrono = Stopwatch.StartNew();
        foreach (var lot in JeuConsultations.Generer(NombreConsultations, maintenant).Chunk(TailleLot))
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "bench";
            foreach (var (creee, publiee) in lot)
            {
                if (publiee is null)
                {
                    session.Events.StartStream<Consultation>(creee.ConsultationId, creee);
                }
                else
                {
                    session.Events.StartStream<Consultation>(creee.ConsultationId, creee, publiee);
                }
            }
            await session.SaveChangesAsync();
        }
        Console.WriteLine($"{NombreConsultations:N0} consultations ajoutées par le domaine (flux Marten, projections inline) en {chrono.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Warm-up, then the queries interleaved round by round so that a slow moment of the machine hits them all alike.</summary>
    private static async Task<Dictionary<Requete, List<double>>> MesurerAsync(Func<Requete, Task> executer)
    {
        var mesures = Requetes.ToDictionary(r => r, _ => new List<double>(Iterations));
        for (var i = 0; i < Echauffement; i++)
        {
            foreach (var r in Requetes)
            {
                await executer(r);
            }
        }
        for (var i = 0; i < Iterations; i++)
        {
            foreach (var r in Requetes)
            {
                var debut = Stopwatch.GetTimestamp();
                await executer(r);
                mesures[r].Add(Stopwatch.GetElapsedTime(debut).TotalMilliseconds);
            }
        }
        return mesures;
    }

    private static bool Afficher(string titre, Dictionary<Requete, List<double>> mesures, Dictionary<Requete, int> totaux)
    {
        Console.WriteLine();
        Console.WriteLine(titre);
        Console.WriteLine($"{"requête",-42} {"trouvées",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (r, valeurs) in mesures)
        {
            var s = new Statistiques(valeurs);
            Console.WriteLine($"{r.Nom,-42} {totaux[r],9:N0} {Format.Ms(s.P50),8} {Format.Ms(s.P95),8} {Format.Ms(s.P99),8} {Format.Ms(s.Max),8}{(s.P95 >= CibleP95Ms ? "  <-- p95 >= 30 ms" : "")}");
        }
        var global = new Statistiques(mesures.Values.SelectMany(v => v));
        Console.WriteLine($"{"ENSEMBLE (" + global.Nombre + " mesures)",-42} {"",9} {Format.Ms(global.P50),8} {Format.Ms(global.P95),8} {Format.Ms(global.P99),8} {Format.Ms(global.Max),8}");
        var ok = global.P95 < CibleP95Ms;
        Console.WriteLine(ok ? $"p95 global {Format.Ms(global.P95)} ms < {CibleP95Ms} ms : objectif tenu." : $"p95 global {Format.Ms(global.P95)} ms >= {CibleP95Ms} ms : OBJECTIF MANQUÉ.");
        return ok;
    }
}

internal static class Depot
{
    public static string Racine()
    {
        for (var dossier = new DirectoryInfo(AppContext.BaseDirectory); dossier is not null; dossier = dossier.Parent)
        {
            if (File.Exists(Path.Combine(dossier.FullName, "Sigma.sln")))
            {
                return dossier.FullName;
            }
        }
        throw new InvalidOperationException($"Sigma.sln introuvable au-dessus de {AppContext.BaseDirectory}");
    }
}

internal static class Charge
{
    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine shows in the tail latencies.</summary>
    public static string Moyenne() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
