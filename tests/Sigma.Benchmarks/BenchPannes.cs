using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Sigma.Benchmarks;

/// <summary>
/// Faults during the deadline rush, against real Host processes on one database, one storage folder, one master key
/// and one folder of data-protection keys:
/// <list type="bullet">
/// <item><c>rush-crash</c>: one node; halfway through the rush it is killed (SIGKILL) and restarted on the same address.</item>
/// <item><c>deux-noeuds</c>: two nodes, bidders alternating between them; halfway through, one is killed for good and
/// its bidders carry on against the other (as a load balancer would send them).</item>
/// </list>
/// Afterwards: every bidder whose sequence failed tries again (and must succeed); every response with a receipt is
/// whole in the database (send event, projection, outbox message, lot reservation: all or nothing), intact (its plis
/// opened after the deadline, every file decrypted and checked against its receipt), and mailed exactly once, as the
/// SMTP server counts (every mail Sigma prepared, by Message-ID: a duplicate is not hidden by any dedupe); every
/// outbox message of every module is dispatched.
/// </summary>
internal static class BenchPannes
{
    private sealed class Pret(CookieContainer cookies, Guid reponse, Guid offre, int noeud)
    {
        public CookieContainer Cookies { get; } = cookies;
        public Guid Reponse { get; } = reponse;
        public Guid Offre { get; } = offre;
        public int Noeud { get; set; } = noeud;
        public bool Accuse { get; set; }
    }

    public static async Task<bool> ExecuterAsync(bool deuxNoeuds)
    {
        var soumissionnaires = BenchRush.Entier("SIGMA_RUSH_BIDDERS", 300);
        var secondes = BenchRush.Entier("SIGMA_RUSH_SECONDS", 60);
        var mo = BenchRush.Entier("SIGMA_RUSH_PIECE_MB", 5);
        Format.Titre(deuxNoeuds
            ? $"Deux nœuds : {soumissionnaires} soumissionnaires envoient en {secondes} s ({mo} Mo chacun), alternés entre deux Host ; l'un est tué (SIGKILL) à mi-course"
            : $"Rush avec panne : {soumissionnaires} soumissionnaires envoient en {secondes} s ({mo} Mo chacun) ; le Host est tué (SIGKILL) à mi-course et redémarré");
        var racine = Directory.CreateTempSubdirectory("sigma-bench-pannes-").FullName;
        var stockage = Path.Combine(racine, "fichiers");
        // Everything a node keeps on disk besides the files (master key, data-protection keys, seal) in one shared folder.
        var reglages = new Dictionary<string, string> { ["Sigma:DataDirectory"] = Path.Combine(racine, "donnees") };
        var ok = true;
        try
        {
            await using var base_ = await TestDatabase.CreateAsync();
            await using var smtp = await SmtpDeTest.StartAsync();
            var noeuds = new HoteSigma?[deuxNoeuds ? 2 : 1];
            try
            {
                // The first node creates the schemas; the second starts on them.
                // SIGMA_PANNES_SMTP_MUET=1 (two nodes): the first node's SMTP server accepts connections and never answers, so
                // that its mail job is in flight when it is killed; the other node must take it over, and send it once.
                using var muet = deuxNoeuds && Environment.GetEnvironmentVariable("SIGMA_PANNES_SMTP_MUET") == "1" ? new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0) : null;
                muet?.Start();
                noeuds[0] = await HoteSigma.DemarrerAsync(base_.ConnectionString, muet is null ? smtp.Port : ((IPEndPoint)muet.LocalEndpoint).Port, stockage, reglages: reglages);
                if (deuxNoeuds)
                {
                    noeuds[1] = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage, reglages: reglages);
                }
                var urls = noeuds.Select(n => n!.Url).ToArray();
                Console.WriteLine(string.Join(" ; ", noeuds.Select((n, i) => $"nœud {i + 1} : pid {n!.Pid} sur {n.Url}")));

                // 1. Preparation, not measured, alternating between the nodes.
                var chrono = Stopwatch.StartNew();
                var prets = new ConcurrentBag<Pret>();
                var echecsPreparation = new ConcurrentBag<string>();
                await Parallel.ForEachAsync(Enumerable.Range(0, soumissionnaires), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
                {
                    var noeud = i % urls.Length;
                    CookieContainer? cookies = null;
                    try
                    {
                        var (_, reponse, offre) = await Soumissionnaire.PreteAEnvoyerAsync(() => Navigateur(urls[noeud], cookies = new CookieContainer()));
                        prets.Add(new Pret(cookies!, reponse, offre, noeud));
                    }
                    catch (Exception e)
                    {
                        echecsPreparation.Add(e.Message.Split('\n')[0]);
                    }
                });
                Console.WriteLine($"Préparation : {prets.Count} réponses prêtes en {chrono.Elapsed.TotalSeconds:0} s ({echecsPreparation.Count} échecs{(echecsPreparation.IsEmpty ? "" : " : " + echecsPreparation.First())})");
                ok &= echecsPreparation.IsEmpty;

                // 2. The rush, the first node killed halfway (and, alone, restarted on its own address).
                var piece = new byte[mo * 1024 * 1024];
                Random.Shared.NextBytes(piece);
                var liste = prets.ToList();
                var mesures = new ConcurrentBag<(double Depot, double Validation, double Envoi, double Total, DateTime Fin)>();
                var echecs = new ConcurrentBag<(Pret S, string Erreur, DateTime Le)>();
                var mort = false;
                var debut = DateTime.UtcNow;
                DateTime tue = default, repris = default;
                var pidTue = 0;
                var panne = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(secondes / 2d));
                    tue = DateTime.UtcNow;
                    pidTue = noeuds[0]!.Pid;
                    await noeuds[0]!.TuerAsync();
                    Volatile.Write(ref mort, true);
                    Console.WriteLine($"  {tue:HH:mm:ss.fff} nœud 1 tué (SIGKILL) après {(tue - debut).TotalSeconds:0.0} s, {mesures.Count} envois réussis jusque-là");
                    if (!deuxNoeuds)
                    {
                        await noeuds[0]!.DisposeAsync();
                        noeuds[0] = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage, urls[0], reglages);
                        repris = DateTime.UtcNow;
                        Console.WriteLine($"  {repris:HH:mm:ss.fff} nœud 1 redémarré (pid {noeuds[0]!.Pid}) : {(repris - tue).TotalSeconds:0.0} s sans service");
                    }
                });
                await Task.WhenAll(liste.Select(async (s, i) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(secondes * (double)i / liste.Count));
                    if (deuxNoeuds && Volatile.Read(ref mort))
                    {
                        s.Noeud = 1; // the dead node's bidders reach the other one
                    }
                    try
                    {
                        using var client = Navigateur(urls[s.Noeud], s.Cookies);
                        mesures.Add(await BenchRush.EnvoyerAsync(client, s.Reponse, s.Offre, piece));
                        s.Accuse = true;
                    }
                    catch (Exception e)
                    {
                        echecs.Add((s, e.Message.Split('\n')[0], DateTime.UtcNow));
                    }
                }).Append(panne));
                var duree = (DateTime.UtcNow - debut).TotalSeconds;
                BenchRush.Rapport(mesures.ToList(), echecs.Select(e => e.Erreur).ToList(), duree, debut);
                Console.WriteLine($"Échecs pendant la panne : {echecs.Count} (premier à {(echecs.IsEmpty ? "-" : echecs.Min(e => e.Le).ToString("HH:mm:ss.fff", Format.Inv))}, "
                    + $"dernier à {(echecs.IsEmpty ? "-" : echecs.Max(e => e.Le).ToString("HH:mm:ss.fff", Format.Inv))})");

                // 3. Every bidder whose sequence failed tries again on a live node, with its piece uploaded anew under another name.
                var vivant = deuxNoeuds ? 1 : 0;
                var dejaEnvoyees = 0;
                var echecsReprise = new List<string>();
                foreach (var (s, _, _) in echecs)
                {
                    using var client = Navigateur(urls[vivant], s.Cookies);
                    using var accuse = await client.GetAsync($"/reponses/{s.Reponse}/accuse");
                    if (accuse.StatusCode == HttpStatusCode.OK)
                    {
                        dejaEnvoyees++; // committed before the kill, the answer lost with the node
                        continue;
                    }
                    try
                    {
                        await BenchRush.EnvoyerAsync(client, s.Reponse, s.Offre, piece, "complement-reprise.pdf");
                        s.Accuse = true;
                    }
                    catch (Exception e)
                    {
                        echecsReprise.Add(e.Message.Split('\n')[0]);
                    }
                }
                Console.WriteLine($"Reprise des {echecs.Count} échecs : {echecs.Count - dejaEnvoyees - echecsReprise.Count} envoyées à la reprise, {dejaEnvoyees} déjà envoyées "
                    + $"(engagées avant la panne, la réponse perdue avec le nœud), {echecsReprise.Count} échecs{(echecsReprise.Count == 0 ? "" : " : " + echecsReprise[0])}");
                ok &= echecsReprise.Count == 0;

                // 4. Every send whole in the database: its event, its projection, its outbox message, its lot reservation.
                var etat = await EtatAsync(base_.ConnectionString);
                var accusees = liste.Where(s => s.Accuse).Select(s => s.Reponse).ToHashSet();
                var perdues = accusees.Count(id => !etat.Evenements.Contains(id));
                var demiEnvoyees = etat.Evenements.Union(etat.Projections).Union(etat.Messages)
                    .Count(id => !(etat.Evenements.Contains(id) && etat.Projections.Contains(id) && etat.Messages.Contains(id)));
                Console.WriteLine($"Base : {etat.Evenements.Count} événements d'envoi, {etat.Projections.Count} réponses envoyées (projection), {etat.Messages.Count} messages d'envoi "
                    + $"dans l'outbox, {etat.Engagements} engagements de lot ; {demiEnvoyees} à moitié envoyées, {perdues} envois accusés au client absents de la base");
                ok &= demiEnvoyees == 0 && perdues == 0 && etat.Engagements == etat.Evenements.Count && etat.Evenements.Count == liste.Count;

                // 5. Every outbox message dispatched and every mail sent, each exactly once at the SMTP server.
                var attente = Stopwatch.StartNew();
                (int NonDistribues, int CourrielsEnAttente, int Prepares) bilan;
                do
                {
                    bilan = await DistributionAsync(base_.ConnectionString);
                    if (bilan.NonDistribues == 0 && bilan.CourrielsEnAttente == 0 && smtp.Courriels.Count >= bilan.Prepares)
                    {
                        break;
                    }
                    await Task.Delay(1000);
                }
                while (attente.Elapsed < TimeSpan.FromMinutes(6));
                var courriels = smtp.Courriels;
                var doublons = courriels.GroupBy(c => c.MessageId ?? c.Id).Where(g => g.Count() > 1).Sum(g => g.Count() - 1);
                var accuses = courriels.Where(c => c.Sujet.StartsWith("Accusé de réception", StringComparison.Ordinal)).ToList();
                var parReponse = etat.Evenements.ToDictionary(id => id, id => accuses.Count(c => c.Texte.Contains($"/reponses/{id}/accuse", StringComparison.Ordinal)));
                var sansCourriel = parReponse.Count(p => p.Value == 0);
                var plusieurs = parReponse.Count(p => p.Value > 1);
                Console.WriteLine($"Distribution, {attente.Elapsed.TotalSeconds:0} s après la reprise : {bilan.NonDistribues} messages d'outbox non distribués, {bilan.CourrielsEnAttente} courriels "
                    + $"préparés non envoyés ; le serveur SMTP a reçu {courriels.Count} courriels pour {bilan.Prepares} préparés ({doublons} en double par Message-ID) ; "
                    + $"accusés : {parReponse.Count - sansCourriel - plusieurs} envois reçus une fois, {sansCourriel} jamais, {plusieurs} plusieurs fois");
                ok &= bilan.NonDistribues == 0 && bilan.CourrielsEnAttente == 0 && doublons == 0 && sansCourriel == 0 && plusieurs == 0;

                // Hangfire's own record: which node ran each job, and the jobs the killed node had taken that another finished.
                await TachesAsync(base_.ConnectionString, pidTue);

                // 6. After the deadline, every pli opened and read on a live node: each file decrypted and checked against its receipt.
                var alteres = await BenchRush.OuvertureAsync(urls[vivant], base_.ConnectionString, etat.Evenements.ToList(), noeuds[vivant]!);
                ok &= alteres == 0;
                Console.WriteLine($"BILAN : {mesures.Count} envois réussis du premier coup, {echecs.Count} échecs pendant la panne, {perdues} perdus, {demiEnvoyees} à moitié envoyés, "
                    + $"{doublons + plusieurs} courriels en double, {sansCourriel} accusés jamais envoyés, {alteres} plis altérés : {(ok ? "OK" : "ÉCHEC")}");

                // 7. The machine's raw rates, for reference.
                await BenchRush.ReferencesAsync(base_.ConnectionString, racine, mo);
            }
            finally
            {
                foreach (var noeud in noeuds)
                {
                    if (noeud is not null)
                    {
                        await noeud.DisposeAsync();
                    }
                }
            }
            return ok;
        }
        finally
        {
            Directory.Delete(racine, recursive: true);
        }
    }

    private static HttpClient Navigateur(string url, CookieContainer cookies) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5),
        };

    private sealed record Etat(HashSet<Guid> Evenements, HashSet<Guid> Projections, HashSet<Guid> Messages, long Engagements);

    /// <summary>What the Responses schema says was sent, read from each of the four places a send writes in its one transaction.</summary>
    private static async Task<Etat> EtatAsync(string connexion)
    {
        await using var c = new NpgsqlConnection(connexion);
        await c.OpenAsync();
        async Task<HashSet<Guid>> IdsAsync(string sql)
        {
            var ids = new HashSet<Guid>();
            await using var commande = new NpgsqlCommand(sql, c);
            await using var lecteur = await commande.ExecuteReaderAsync();
            while (await lecteur.ReadAsync())
            {
                ids.Add(lecteur.GetGuid(0));
            }
            return ids;
        }
        var evenements = await IdsAsync("select stream_id from responses.mt_events where type = 'reponse_envoyee'");
        var projections = await IdsAsync("select id from responses.mt_doc_reponse where data->>'EnvoyeeLe' is not null");
        var messages = await IdsAsync("select ((data->>'Payload')::jsonb->>'ReponseId')::uuid from responses.mt_doc_outboxmessage where data->>'Type' like 'Sigma.Responses.Contracts.ReponseEnvoyeeIntegrationEvent%'");
        await using var engagements = new NpgsqlCommand("select count(*) from responses.mt_doc_engagementlot", c);
        return new Etat(evenements, projections, messages, (long)(await engagements.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// Hangfire's jobs by final state, and those the killed node had started (a Processing state with its pid in the
    /// server id) that ended Succeeded on another server: taken over after the kill.
    /// </summary>
    private static async Task TachesAsync(string connexion, int pidTue)
    {
        await using var c = new NpgsqlConnection(connexion);
        await c.OpenAsync();
        await using var q = new NpgsqlCommand("select j.statename, array_agg(s.data::jsonb->>'ServerId' order by s.id) "
            + "from hangfire.job j join hangfire.state s on s.jobid = j.id and s.name = 'Processing' group by j.id, j.statename", c);
        await using var l = await q.ExecuteReaderAsync();
        var parEtat = new Dictionary<string, int>();
        int reprises = 0, parLeMort = 0;
        var marque = $":{pidTue}:";
        while (await l.ReadAsync())
        {
            var etat = l.IsDBNull(0) ? "?" : l.GetString(0);
            parEtat[etat] = parEtat.GetValueOrDefault(etat) + 1;
            var serveurs = l.GetFieldValue<string?[]>(1);
            var duMort = serveurs.Any(sv => sv?.Contains(marque, StringComparison.Ordinal) == true);
            parLeMort += duMort ? 1 : 0;
            reprises += duMort && etat == "Succeeded" && serveurs[^1]?.Contains(marque, StringComparison.Ordinal) != true ? 1 : 0;
        }
        Console.WriteLine($"Tâches Hangfire lancées : {string.Join(", ", parEtat.OrderByDescending(p => p.Value).Select(p => $"{p.Value} {p.Key}"))} ; "
            + $"{parLeMort} lancées par le nœud tué, dont {reprises} reprises et terminées par un autre nœud après la panne");
    }

    /// <summary>Outbox messages not yet dispatched (every module), mails prepared and not sent, mails prepared.</summary>
    private static async Task<(int NonDistribues, int CourrielsEnAttente, int Prepares)> DistributionAsync(string connexion)
    {
        await using var c = new NpgsqlConnection(connexion);
        await c.OpenAsync();
        var schemas = new List<string>();
        await using (var commande = new NpgsqlCommand("select table_schema from information_schema.tables where table_name = 'mt_doc_outboxmessage'", c))
        await using (var lecteur = await commande.ExecuteReaderAsync())
        {
            while (await lecteur.ReadAsync())
            {
                schemas.Add(lecteur.GetString(0));
            }
        }
        var nonDistribues = 0L;
        foreach (var schema in schemas)
        {
            await using var commande = new NpgsqlCommand($"select count(*) from {schema}.mt_doc_outboxmessage where data->>'DispatchedAt' is null", c);
            nonDistribues += (long)(await commande.ExecuteScalarAsync())!;
        }
        await using var courriels = new NpgsqlCommand("select count(*) filter (where data->>'EnvoyeLe' is null), count(*) from notification.mt_doc_courriel", c);
        await using var l = await courriels.ExecuteReaderAsync();
        await l.ReadAsync();
        return ((int)nonDistribues, (int)l.GetInt64(0), (int)l.GetInt64(1));
    }
}
