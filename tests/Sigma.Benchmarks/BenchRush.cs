using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Npgsql;
using Shouldly;

namespace Sigma.Benchmarks;

/// <summary>
/// The deadline rush: N bidders (default 300), each with a response ready but for its last piece, within one minute each
/// upload a 5 MB piece, validate their offer again (a new piece puts it back to draft) and send. Against the Host process
/// started here on its own database (or, with SIGMA_RUSH_URL, a Sigma already running). Reports sends per second,
/// latencies, failures, the Host's peak memory, and, as a reference, the same machine's raw PostgreSQL insert and disk
/// write rates.
/// </summary>
internal static partial class BenchRush
{
    internal static int Entier(string variable, int defaut) => int.TryParse(Environment.GetEnvironmentVariable(variable), out var v) && v > 0 ? v : defaut;

    public static async Task<bool> ExecuterAsync()
    {
        var soumissionnaires = Entier("SIGMA_RUSH_BIDDERS", 300);
        var secondes = Entier("SIGMA_RUSH_SECONDS", 60);
        var mo = Entier("SIGMA_RUSH_PIECE_MB", 5);
        Format.Titre($"Rush de la date limite : {soumissionnaires} soumissionnaires envoient en {secondes} s, chacun avec une pièce de {mo} Mo");
        var stockage = Directory.CreateTempSubdirectory("sigma-bench-rush-").FullName;
        try
        {
            await using var base_ = await TestDatabase.CreateAsync();
            await using var smtp = await SmtpDeTest.StartAsync();
            var urlExterne = Environment.GetEnvironmentVariable("SIGMA_RUSH_URL");
            await using var hote = urlExterne is null ? await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage) : null;
            var url = urlExterne ?? hote!.Url;
            Console.WriteLine(hote is null ? $"Sigma en cours sur {url}" : $"Sigma.Host pid {hote.Pid} sur {url} ; RSS au démarrage : {Format.Mo(hote.Rss())}");

            // 1. Preparation, not measured: registered organisations with a response ready to send.
            var chrono = Stopwatch.StartNew();
            var prets = new ConcurrentBag<(HttpClient Client, Guid Reponse, Guid Offre)>();
            var echecsPreparation = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(Enumerable.Range(0, soumissionnaires), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            {
                try
                {
                    prets.Add(await Soumissionnaire.PreteAEnvoyerAsync(() => NavigateurSigma.Nouveau(url)));
                }
                catch (Exception e)
                {
                    echecsPreparation.Add(e.Message.Split('\n')[0]);
                }
            });
            Console.WriteLine($"Préparation : {prets.Count} réponses prêtes en {chrono.Elapsed.TotalSeconds:0} s ({echecsPreparation.Count} échecs{(echecsPreparation.IsEmpty ? "" : " : " + echecsPreparation.First())})");

            // The reference run for what the hash chain adds: SIGMA_RUSH_SANS_CHAINE=1 turns the chain's triggers off (this
            // throwaway database only) for the rush; compare its p99 with a run with the chain on.
            if (Environment.GetEnvironmentVariable("SIGMA_RUSH_SANS_CHAINE") == "1")
            {
                await using var c = new Npgsql.NpgsqlConnection(base_.ConnectionString);
                await c.OpenAsync();
                foreach (var schema in new[] { "registration", "consultations", "responses", "notification", "signature", "publication" })
                {
                    await using var commande = new Npgsql.NpgsqlCommand($"alter table {schema}.mt_events disable trigger sigma_chaine", c);
                    await commande.ExecuteNonQueryAsync();
                }
                Console.WriteLine("Chaîne d'empreintes désactivée pour cette mesure de référence (SIGMA_RUSH_SANS_CHAINE=1).");
            }

            // 2. The rush, measured.
            var piece = new byte[mo * 1024 * 1024];
            Random.Shared.NextBytes(piece);
            var mesures = new ConcurrentBag<(double Depot, double Validation, double Envoi, double Total, DateTime Fin)>();
            var echecs = new ConcurrentBag<string>();
            var liste = prets.ToList();
            using var trace = hote is null ? null : Profil.Demarrer(hote.Pid);
            var cpuHote = hote?.TempsCpu() ?? TimeSpan.Zero;
            var cpuClient = Process.GetCurrentProcess().TotalProcessorTime;
            var debut = DateTime.UtcNow;
            var debitEnvois = 0d;
            await using (var memoire = hote is null ? null : new EchantillonneurMemoire(hote, () => mesures.Count))
            {
                await Task.WhenAll(liste.Select(async (p, i) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(secondes * (double)i / liste.Count));
                    try
                    {
                        mesures.Add(await EnvoyerAsync(p.Client, p.Reponse, p.Offre, piece));
                    }
                    catch (Exception e)
                    {
                        echecs.Add(e.Message.Split('\n')[0]);
                    }
                }));
                var duree = (DateTime.UtcNow - debut).TotalSeconds;
                debitEnvois = mesures.Count / duree;
                Rapport(mesures.ToList(), echecs.ToList(), duree, debut);
                if (hote is not null && !mesures.IsEmpty)
                {
                    // What one send costs in CPU, whatever else the machine does: the bound on sends per second of 2 cores.
                    var parEnvoiHote = (hote.TempsCpu() - cpuHote).TotalMilliseconds / mesures.Count;
                    var parEnvoiClient = (Process.GetCurrentProcess().TotalProcessorTime - cpuClient).TotalMilliseconds / mesures.Count;
                    Console.WriteLine($"CPU par envoi : Host {parEnvoiHote:0.0} ms, client (cet outil) {parEnvoiClient:0.0} ms ; {Environment.ProcessorCount} cœurs => au plus "
                        + $"{Environment.ProcessorCount * 1000 / (parEnvoiHote + parEnvoiClient):0} envois/s pour le Host et le client (PostgreSQL en plus)");
                }
                if (memoire is not null)
                {
                    Console.WriteLine($"Mémoire du Host (RSS) : {Format.Mo(memoire.Echantillons[0].Rss)} au début du rush, pic {Format.Mo(memoire.Echantillons.Max(e => e.Rss))}");
                }
            }

            // 3. Every sent response has its receipt page; the receipts mailed within a minute.
            var accuses = 0;
            foreach (var (client, reponse, _) in liste.Take(50))
            {
                accuses += (await client.GetStringAsync($"/reponses/{reponse}/accuse")).Contains("numero-accuse", StringComparison.Ordinal) ? 1 : 0;
            }
            var attente = Stopwatch.StartNew();
            while (smtp.Courriels.Count(c => c.Sujet.StartsWith("Accusé de réception", StringComparison.Ordinal)) < mesures.Count && attente.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(500);
            }
            Console.WriteLine($"Accusés : {accuses}/{Math.Min(50, liste.Count)} pages vérifiées ; {smtp.Courriels.Count(c => c.Sujet.StartsWith("Accusé de réception", StringComparison.Ordinal))} courriels reçus "
                + $"pour {mesures.Count} envois, {attente.Elapsed.TotalSeconds:0} s après le rush");

            // 4. After the deadline: the agent opens the plis, shows the award table (every offer unsealed), and reads every pli
            //    (each file decrypted and checked against its receipt), the Host's memory sampled.
            if (hote is not null)
            {
                await OuvertureAsync(url, base_.ConnectionString, liste.Select(p => p.Reponse).ToList(), hote);
            }

            // 5. The machine's raw rates, for reference.
            var fichiersParSeconde = await ReferencesAsync(base_.ConnectionString, stockage, mo);
            // Each send stores one piece of that size: the disk alone bounds the sends per second to its files per second.
            Console.WriteLine($"Rapport au débit du disque : {debitEnvois:0.00} envois/s pour {fichiersParSeconde:0.0} fichiers de {mo} Mo/s avec fsync, soit {debitEnvois / fichiersParSeconde:0.00} "
                + "(cible ≥ 0.8 pour une rafale)");
            return echecs.IsEmpty && echecsPreparation.IsEmpty;
        }
        finally
        {
            Directory.Delete(stockage, recursive: true);
        }
    }

    /// <summary>Opens the plis after the deadline and reads every one; returns how many were not intact.</summary>
    internal static async Task<int> OuvertureAsync(string url, string connexion, IReadOnlyList<Guid> reponses, HoteSigma hote)
    {
        Guid consultation;
        await using (var c = new NpgsqlConnection(connexion))
        {
            await c.OpenAsync();
            consultation = (Guid)(await new NpgsqlCommand("select id from responses.mt_doc_consultationconnue where data->>'Reference' = '2027-PP-003'", c).ExecuteScalarAsync())!;
            await new NpgsqlCommand($"update responses.mt_doc_consultationconnue set data = jsonb_set(data, '{{DateLimite}}', to_jsonb('2020-01-01T00:00:00+00:00'::text)) where id = '{consultation}'", c)
                .ExecuteNonQueryAsync();
        }
        var agent = NavigateurSigma.Nouveau(url);
        (await agent.ConnecterAsync("agent.region", Soumissionnaire.MotDePasse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = $"/back-office/ouvertures/{consultation}";
        long lus = 0;
        await using var memoire = new EchantillonneurMemoire(hote, () => Interlocked.Read(ref lus));
        var chrono = Stopwatch.StartNew();
        var ouverture = await agent.PosterAsync(page, $"{page}/ouvrir", new Dictionary<string, string>());
        var tOuverture = chrono.Elapsed.TotalMilliseconds;
        var message = await agent.GetStringAsync(ouverture.Headers.Location!.ToString());
        chrono.Restart();
        var tableau = await agent.GetStringAsync(page);
        var tTableau = chrono.Elapsed.TotalMilliseconds;
        var durees = new ConcurrentBag<double>();
        var alteres = 0;
        chrono.Restart();
        await Parallel.ForEachAsync(reponses, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            var t = Stopwatch.StartNew();
            var pli = await agent.GetStringAsync($"{page}/plis/{id}", ct);
            durees.Add(t.Elapsed.TotalMilliseconds);
            Interlocked.Add(ref lus, 1);
            if (!pli.Contains("fichiers-intacts", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref alteres);
            }
        });
        var total = chrono.Elapsed;
        var s = new Statistiques(durees);
        var rss = memoire.Echantillons.Select(e => e.Rss).ToList();
        Console.WriteLine($"Ouverture des plis : {(message.Contains("Les plis sont ouverts", StringComparison.Ordinal) ? "ouverts" : "NON OUVERTS")} en {Format.Ms(tOuverture)} ms ; "
            + $"tableau d'attribution ({(tableau.Split("].Motif\"").Length - 1)} offres descellées) en {Format.Ms(tTableau)} ms");
        Console.WriteLine($"Lecture des {reponses.Count} plis (chaque fichier déchiffré et comparé à l'accusé, 4 agents en parallèle) : {total.TotalSeconds:0.0} s, "
            + $"p50 {Format.Ms(s.P50)} ms, p95 {Format.Ms(s.P95)} ms par pli, {alteres} non intacts ; RSS du Host {Format.Mo(rss.Min())} → pic {Format.Mo(rss.Max())}");
        return alteres;
    }

    internal static async Task<(double, double, double, double, DateTime)> EnvoyerAsync(HttpClient client, Guid reponse, Guid offre, byte[] piece, string nom = "complement.pdf")
    {
        var total = Stopwatch.StartNew();
        var etape = Stopwatch.StartNew();
        var depot = await Soumissionnaire.DeposerAsync(client, reponse, offre, "AutreOffre", nom, piece);
        if (depot.StatusCode != HttpStatusCode.Redirect || depot.Headers.Location!.ToString().Contains("#depot", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"dépôt : {(int)depot.StatusCode} {depot.Headers.Location}");
        }
        var tDepot = etape.Elapsed.TotalMilliseconds;
        etape.Restart();
        var validation = await Soumissionnaire.OngletAsync(client, $"/reponses/{reponse}/offres/{offre}/prix", new() { ["Prix.PrixUnitaireHt"] = "2 400",
            ["Prix.FraisPedagogiques"] = "2 000", ["Prix.FraisStructure"] = "400" }, "valider");
        if (validation.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"validation : {(int)validation.StatusCode}");
        }
        var tValidation = etape.Elapsed.TotalMilliseconds;
        etape.Restart();
        var envoi = await Soumissionnaire.EnvoyerAsync(client, reponse);
        if (envoi.Headers.Location?.ToString().EndsWith("/accuse", StringComparison.Ordinal) != true)
        {
            var texte = await envoi.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"envoi : {(int)envoi.StatusCode} {Erreur().Match(texte).Groups[1].Value}");
        }
        return (tDepot, tValidation, etape.Elapsed.TotalMilliseconds, total.Elapsed.TotalMilliseconds, DateTime.UtcNow);
    }

    internal static void Rapport(List<(double Depot, double Validation, double Envoi, double Total, DateTime Fin)> mesures, List<string> echecs, double duree, DateTime debut)
    {
        Console.WriteLine();
        Console.WriteLine($"{mesures.Count} envois réussis, {echecs.Count} échecs en {duree:0.0} s : {mesures.Count / duree:0.00} envois/s en moyenne, "
            + $"{(mesures.Count == 0 ? 0 : mesures.GroupBy(m => (int)(m.Fin - debut).TotalSeconds).Max(g => g.Count()))} envois/s au pic (par seconde pleine)");
        foreach (var e in echecs.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine($"  échec ×{e.Count()} : {e.Key}");
        }
        if (mesures.Count == 0)
        {
            return;
        }
        Console.WriteLine($"{"étape (ms)",-36} {"p50",9} {"p95",9} {"p99",9} {"max",9}");
        foreach (var (nom, valeurs) in new[]
                 {
                     ("dépôt de la pièce", mesures.Select(m => m.Depot)), ("nouvelle validation de l'offre", mesures.Select(m => m.Validation)),
                     ("envoi (jeton + envoi)", mesures.Select(m => m.Envoi)), ("séquence complète", mesures.Select(m => m.Total)),
                 })
        {
            var s = new Statistiques(valeurs);
            Console.WriteLine($"{nom,-36} {Format.Ms(s.P50),9} {Format.Ms(s.P95),9} {Format.Ms(s.P99),9} {Format.Ms(s.Max),9}");
        }
    }

    /// <summary>The machine's raw PostgreSQL insert and disk write rates; returns the disk's files of <paramref name="mo"/> MB per second.</summary>
    internal static async Task<double> ReferencesAsync(string connectionString, string dossier, int mo)
    {
        const int Lignes = 10_000;
        const int Connexions = 8;
        await using (var c = new NpgsqlConnection(connectionString))
        {
            await c.OpenAsync();
            await new NpgsqlCommand("create table if not exists bench_rush (id bigserial primary key, data jsonb not null)", c).ExecuteNonQueryAsync();
        }
        var document = System.Text.Json.JsonSerializer.Serialize(new { texte = new string('x', 1000) });
        var chrono = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connexions).Select(async _ =>
        {
            await using var c = new NpgsqlConnection(connectionString);
            await c.OpenAsync();
            for (var i = 0; i < Lignes / Connexions; i++)
            {
                await using var commande = new NpgsqlCommand("insert into bench_rush (data) values (@d::jsonb)", c);
                commande.Parameters.AddWithValue("d", document);
                await commande.ExecuteNonQueryAsync();
            }
        }));
        Console.WriteLine($"Référence PostgreSQL : {Lignes / chrono.Elapsed.TotalSeconds:0} insertions/s (1 Ko jsonb, une ligne par transaction, {Connexions} connexions)");

        var octets = new byte[mo * 1024 * 1024];
        Random.Shared.NextBytes(octets);
        chrono.Restart();
        const int Fichiers = 300;
        for (var i = 0; i < Fichiers; i++)
        {
            await using var f = new FileStream(Path.Combine(dossier, $"ref-{i}"), FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await f.WriteAsync(octets);
            f.Flush(flushToDisk: true);
        }
        Console.WriteLine($"Référence disque : {Format.Debit((long)Fichiers * octets.Length, chrono.Elapsed)} ({Fichiers} fichiers de {mo} Mo, fsync chacun)");
        return Fichiers / chrono.Elapsed.TotalSeconds;
    }

    [GeneratedRegex("fr-alert__title\">[^<]*</h2><ul><li>([^<]+)<")]
    private static partial Regex Erreur();
}
