using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Sigma.BuildingBlocks.Time;

namespace Sigma.Benchmarks;

/// <summary>
/// The deadline's instant on the real clock, against the Host process: N sends (SIGMA_INSTANT_ENVOIS, default 1,000)
/// of N ready responses spread evenly over the two seconds around a deadline set a moment ahead, on a whole second.
/// One response is prepared through the pages; the others are copies of its history (sealed anew for each, each with a
/// SIRET of its own) written by an in-process Sigma on the same database and master key. Checked: none accepted at or
/// after the deadline, none refused before it, and each decided at the instant its receipt states (or its refusal
/// names), between the moment its request left and its answer came back.
/// </summary>
internal static partial class BenchInstant
{
    private sealed record Envoi(Guid Reponse, DateTimeOffset Prevu, DateTimeOffset Parti, DateTimeOffset Revenu, HttpStatusCode Statut, string? Lieu, string Corps);

    /// <summary>An in-process Sigma on the Host's database and data folder, only to write the copies with the same keys.</summary>
    private sealed class SigmaSurLaBase(TestDatabase base_, int portSmtp, IReadOnlyDictionary<string, string> reglages) : SigmaFactory
    {
        protected override bool DemarrerSmtp => false;

        protected override Task<TestDatabase> CreerBaseAsync() => Task.FromResult(base_);

        protected override void Configurer(IWebHostBuilder builder)
        {
            builder.UseContentRoot(Path.Combine(Depot.Racine(), "Host", "Sigma.Host"));
            builder.UseSetting("Smtp:Port", portSmtp.ToString(Format.Inv));
            foreach (var (cle, valeur) in reglages)
            {
                builder.UseSetting(cle, valeur);
            }
        }
    }

    public static async Task<bool> ExecuterAsync()
    {
        var nombre = BenchRush.Entier("SIGMA_INSTANT_ENVOIS", 1000);
        Format.Titre($"L'instant de la date limite : {nombre} envois répartis sur les deux secondes qui l'entourent (horloge réelle, Host en processus séparé)");
        var racine = Directory.CreateTempSubdirectory("sigma-bench-instant-").FullName;
        var stockage = Path.Combine(racine, "fichiers");
        var reglages = new Dictionary<string, string> { ["Sigma:DataDirectory"] = Path.Combine(racine, "donnees") };
        try
        {
            await using var base_ = await TestDatabase.CreateAsync();
            await using var smtp = await SmtpDeTest.StartAsync();
            await using var hote = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage, reglages: reglages);
            Console.WriteLine($"Sigma.Host pid {hote.Pid} sur {hote.Url}");

            // 1. Preparation, not measured: one response through the pages, its copies through the domain's events.
            var chrono = Stopwatch.StartNew();
            var (client, modele, _) = await Soumissionnaire.PreteAEnvoyerAsync(() => NavigateurSigma.Nouveau(hote.Url));
            var tModele = chrono.Elapsed;
            var sigma = new SigmaSurLaBase(base_, smtp.Port, reglages);
            await sigma.InitializeAsync();
            IReadOnlyList<Guid> copies;
            try
            {
                copies = await ReponsesClonees.ClonerAsync(sigma.Services, modele, nombre);
            }
            finally
            {
                await ((IAsyncDisposable)sigma).DisposeAsync(); // the in-process Sigma stops; the database stays the Host's
                Invariante();
            }
            Console.WriteLine($"Préparation : 1 réponse par les pages en {tModele.TotalSeconds:0.0} s, {copies.Count} copies en {(chrono.Elapsed - tModele).TotalSeconds:0.0} s");
            var jeton = await client.JetonAsync($"/reponses/{modele}/envoyer");
            // A warm send path: the model itself is sent well before.
            using (var chaud = await PosterAsync(client, modele, jeton))
            {
                NavigateurSigma.Attendre(chaud, HttpStatusCode.Redirect, "envoi de chauffe");
            }

            // 2. The deadline on a whole second, a moment ahead, in the Responses module's copy (the one that decides).
            var maintenant = DateTimeOffset.UtcNow;
            var limite = new DateTimeOffset(maintenant.Ticks - (maintenant.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(4);
            await using (var c = new NpgsqlConnection(base_.ConnectionString))
            {
                await c.OpenAsync();
                await using var maj = new NpgsqlCommand("update responses.mt_doc_consultationconnue set data = jsonb_set(data, '{DateLimite}', to_jsonb(@d::text)) where data->>'Reference' = '2027-PP-003'", c);
                maj.Parameters.AddWithValue("d", limite.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", Format.Inv));
                if (await maj.ExecuteNonQueryAsync() != 1)
                {
                    throw new InvalidOperationException("Consultation 2027-PP-003 introuvable dans le module Réponses");
                }
            }
            Console.WriteLine($"Date limite : {limite:HH:mm:ss.fff} UTC ; envois prévus de {limite.AddSeconds(-1):HH:mm:ss.fff} à {limite.AddSeconds(1):HH:mm:ss.fff}");

            // 3. The sends, measured: each leaves at its planned instant.
            var debut = limite.AddSeconds(-1);
            var envois = new ConcurrentBag<Envoi>();
            await Task.WhenAll(copies.Select(async (id, i) =>
            {
                var prevu = debut.AddMilliseconds(2000.0 * i / copies.Count);
                if (prevu - DateTimeOffset.UtcNow is { Ticks: > 0 } attente)
                {
                    await Task.Delay(attente);
                }
                var parti = DateTimeOffset.UtcNow;
                try
                {
                    using var r = await PosterAsync(client, id, jeton);
                    envois.Add(new Envoi(id, prevu, parti, DateTimeOffset.UtcNow, r.StatusCode, r.Headers.Location?.ToString(),
                        r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadAsStringAsync() : ""));
                }
                catch (Exception e)
                {
                    envois.Add(new Envoi(id, prevu, parti, DateTimeOffset.UtcNow, 0, null, e.Message));
                }
            }));

            // 4. Each decision beside the instant the server states for it.
            var etats = new Dictionary<Guid, (DateTimeOffset? Le, string? Numero)>();
            await using (var c = new NpgsqlConnection(base_.ConnectionString))
            {
                await c.OpenAsync();
                await using var q = new NpgsqlCommand("select id, data->>'EnvoyeeLe', data->>'NumeroAccuse' from responses.mt_doc_reponse", c);
                await using var l = await q.ExecuteReaderAsync();
                while (await l.ReadAsync())
                {
                    etats[l.GetGuid(0)] = (l.IsDBNull(1) ? null : DateTimeOffset.Parse(l.GetString(1), Format.Inv), l.IsDBNull(2) ? null : l.GetString(2));
                }
            }
            int acceptes = 0, refuses = 0, autres = 0, acceptesApres = 0, refusesAvant = 0, horsFenetre = 0, numerosFaux = 0, partisAvantRefuses = 0;
            var retards = new List<double>();
            string? premierAutre = null;
            DateTimeOffset? dernierAccepte = null, premierRefus = null;
            foreach (var e in envois)
            {
                DateTimeOffset decide;
                if (e.Statut == HttpStatusCode.Redirect && e.Lieu?.EndsWith("/accuse", StringComparison.Ordinal) == true && etats[e.Reponse].Le is { } le)
                {
                    acceptes++;
                    decide = le;
                    acceptesApres += le >= limite ? 1 : 0;
                    numerosFaux += etats[e.Reponse].Numero?.Contains(le.UtcDateTime.ToString("yyyyMMddHHmmss", Format.Inv), StringComparison.Ordinal) == true ? 0 : 1;
                    dernierAccepte = dernierAccepte is null || le > dernierAccepte ? le : dernierAccepte;
                }
                else if (e.Statut == HttpStatusCode.OK && RecuLe().Match(WebUtility.HtmlDecode(e.Corps)) is { Success: true } m)
                {
                    refuses++;
                    decide = ParisTime.FromParisWallClock(DateTime.ParseExact(m.Groups[1].Value, "dd/MM/yyyy 'à' HH:mm:ss,fff", CultureInfo.GetCultureInfo("fr-FR")));
                    refusesAvant += decide < limite || etats[e.Reponse].Le is not null ? 1 : 0;
                    partisAvantRefuses += e.Parti < limite ? 1 : 0;
                    premierRefus = premierRefus is null || decide < premierRefus ? decide : premierRefus;
                }
                else
                {
                    autres++;
                    premierAutre ??= $"{(int)e.Statut} {e.Lieu} {Soumissionnaire.Erreurs(e.Corps).FirstOrDefault() ?? e.Corps[..Math.Min(200, e.Corps.Length)]}";
                    continue;
                }
                // The refusal's instant is truncated to the millisecond: one millisecond of slack before departure.
                horsFenetre += decide < e.Parti.AddMilliseconds(-1) || decide > e.Revenu ? 1 : 0;
                retards.Add((decide - e.Parti).TotalMilliseconds);
            }
            var partis = envois.Select(e => (e.Parti - e.Prevu).TotalMilliseconds).ToList();
            var aller = new Statistiques(envois.Select(e => (e.Revenu - e.Parti).TotalMilliseconds));
            Console.WriteLine($"{envois.Count} envois : {acceptes} acceptés, {refuses} refusés pour la date limite, {autres} autres{(premierAutre is null ? "" : " (" + premierAutre + ")")}");
            Console.WriteLine($"Acceptés à ou après la limite : {acceptesApres} ; refusés avant elle : {refusesAvant} ; décision hors de [départ, réponse] : {horsFenetre} ; "
                + $"numéro d'accusé ne portant pas l'instant : {numerosFaux}");
            Console.WriteLine($"Dernier accepté {dernierAccepte?.UtcDateTime:HH:mm:ss.fff}, premier refusé {premierRefus?.UtcDateTime:HH:mm:ss.fff} (limite {limite:HH:mm:ss.fff}) ; "
                + $"{partisAvantRefuses} refusés partis avant la limite mais reçus après (file d'attente du serveur)");
            if (retards.Count > 0)
            {
                var r = new Statistiques(retards);
                Console.WriteLine($"Départ → instant de décision (ms) : p50 {Format.Ms(r.P50)}, p99 {Format.Ms(r.P99)}, max {Format.Ms(r.Max)} ; aller-retour p50 {Format.Ms(aller.P50)}, "
                    + $"p99 {Format.Ms(aller.P99)} ; retard au départ sur l'instant prévu p99 {Format.Ms(new Statistiques(partis).P99)} ms");
            }
            await BenchRush.ReferencesAsync(base_.ConnectionString, racine, 5);
            return autres == 0 && acceptesApres == 0 && refusesAvant == 0 && horsFenetre == 0 && numerosFaux == 0 && acceptes > 0 && refuses > 0;
        }
        finally
        {
            Directory.Delete(racine, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> PosterAsync(HttpClient client, Guid id, string jeton) =>
        await client.PostAsync($"/reponses/{id}/envoyer", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = jeton }));

    private static void Invariante()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    }

    [GeneratedRegex(@"Votre envoi a été reçu le (\d{2}/\d{2}/\d{4} à \d{2}:\d{2}:\d{2},\d{3})")]
    private static partial Regex RecuLe();
}
