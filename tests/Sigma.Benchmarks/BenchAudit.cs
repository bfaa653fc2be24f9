using System.Diagnostics;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Persistence;
using Sigma.BuildingBlocks.Persistence.Chaine;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using Sigma.Testing;

namespace Sigma.Benchmarks;

/// <summary>
/// The auditors' history: replay of a response with 10,000 events (the state at a version, as the auditor's screen asks
/// it), verification of a chain of 1,000,000 events, what the chain adds to an append and what the seal adds to a
/// receipt; each beside the floor of the same machine in the same run.
/// </summary>
internal static class BenchAudit
{
    public static async Task<bool> ExecuterAsync()
    {
        Format.Titre("Audit : rejeu d'une réponse de 10 000 événements, vérification d'une chaîne d'un million d'événements");
        await using var sigma = new SigmaFactory();
        await sigma.InitializeAsync();
        using var hote = sigma.WithWebHostBuilder(b => b.UseContentRoot(Path.Combine(Depot.Racine(), "Host", "Sigma.Host")));
        var store = hote.Services.GetRequiredService<IResponsesStore>();
        var coffre = hote.Services.GetRequiredService<Coffre>();
        var chaines = hote.Services.GetRequiredService<Chaines>();
        var ok = true;

        // 1. A response of 10,000 events: started, then 9,999 saves of a realistic candidature (sealed as in production).
        var consultation = Guid.NewGuid();
        var id = Guid.NewGuid();
        var contenu = await coffre.ScellerAsync(consultation, id, BenchDocuments.Candidature(), CancellationToken.None);
        var acteur = new Acteur(Guid.NewGuid(), "admin.demo", "Claire Durand", "claire@exemple.fr", Roles.AdministrateurOrganisme, Guid.NewGuid());
        var chrono = Stopwatch.StartNew();
        await using (var session = store.Ouvrir(acteur))
        {
            session.Events.StartStream<Reponse>(id, new ReponseCommencee(id, consultation, acteur.CompteId, acteur.OrganisationId!.Value, "Formation Occitanie Avenir",
                "73282932000074", acteur.Identifiant, acteur.Nom, acteur.Email, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        for (var lot = 0; lot < 10; lot++)
        {
            await using var session = store.Ouvrir(acteur);
            for (var i = 0; i < (lot == 9 ? 999 : 1000); i++)
            {
                session.Events.Append(id, new CandidatureEnregistree(id, "candidat", contenu, acteur.Identifiant, acteur.Nom, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }
        Console.WriteLine($"Réponse de 10 000 événements écrite en {Format.Ms(chrono.Elapsed.TotalMilliseconds)} ms (contenu scellé de {contenu.Length} octets par enregistrement)");

        async Task<Statistiques> MesurerAsync(Func<Task> action, int n)
        {
            await action();
            var durees = new List<double>();
            for (var i = 0; i < n; i++)
            {
                var t = Stopwatch.StartNew();
                await action();
                durees.Add(t.Elapsed.TotalMilliseconds);
            }
            return new Statistiques(durees);
        }

        var rejeu = await MesurerAsync(async () =>
        {
            await using var q = store.QuerySession();
            (await q.Events.AggregateStreamAsync<Reponse>(id, version: 10_000)).ShouldNotBeNullBanc();
        }, 20);
        var milieu = await MesurerAsync(async () =>
        {
            await using var q = store.QuerySession();
            await q.Events.AggregateStreamAsync<Reponse>(id, version: 5_000);
        }, 20);
        var lecture = await MesurerAsync(async () =>
        {
            await using var q = store.QuerySession();
            await q.Events.FetchStreamAsync(id);
        }, 20);
        Console.WriteLine($"Rejeu jusqu'à la version 10 000 (état à ce moment) : p50 {Format.Ms(rejeu.P50)} ms, p95 {Format.Ms(rejeu.P95)} ms (cible < 200 ms) ; jusqu'à la version 5 000 : p50 {Format.Ms(milieu.P50)} ms");
        Console.WriteLine($"Référence, même machine : lecture brute des 10 000 événements (FetchStream) p50 {Format.Ms(lecture.P50)} ms");
        ok &= rejeu.P50 < 200;

        // SIGMA_AUDIT_SEUL_REJEU=1: the replay alone (a minute instead of five).
        if (Environment.GetEnvironmentVariable("SIGMA_AUDIT_SEUL_REJEU") == "1")
        {
            return ok;
        }

        // 2. A chain of 1,000,000 events: 10,000 streams of 100, appended by SQL through the chain's trigger.
        const string schema = "responses";
        await using var connexion = new NpgsqlConnection(sigma.Database.ConnectionString);
        await connexion.OpenAsync();
        async Task<double> SqlAsync(string sql)
        {
            var t = Stopwatch.StartNew();
            await using var commande = new NpgsqlCommand(sql, connexion) { CommandTimeout = 0 };
            await commande.ExecuteNonQueryAsync();
            return t.Elapsed.TotalSeconds;
        }
        string Inserer(int debut, int nombre) => $"""
            insert into {schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived)
                select md5('banc' || s)::uuid, 'banc', 100, now(), now(), '*DEFAULT*', false from generate_series({debut}, {debut + nombre - 1}) s;
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name, correlation_id)
                select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), md5('banc' || s)::uuid, v,
                       jsonb_build_object('Nom', 'pièce n° ' || v || ' — mémoire technique.pdf', 'Taille', v * 1024, 'Sha256', md5(s || '-' || v) || md5(v || '-' || s), 'Par', 'admin.demo'),
                       'piece_deposee', now(), '*DEFAULT*', 'Banc', 'admin.demo', md5(s::text)
                from generate_series({debut}, {debut + nombre - 1}) s, generate_series(1, 100) v order by s, v;
            """;
        // What the trigger adds to an append: 100,000 events with it, then 100,000 with triggers off (the same rows).
        var avec = await SqlAsync(Inserer(0, 1000));
        var sans = await SqlAsync("set session_replication_role = replica;" + Inserer(1000, 1000) + "set session_replication_role = origin;");
        Console.WriteLine($"Ajout de 100 000 événements par SQL : {(100_000 / avec).ToString("N0", Format.Inv)} év./s avec la chaîne, {(100_000 / sans).ToString("N0", Format.Inv)} év./s sans (référence, même machine) : la chaîne coûte {((avec - sans) / 100_000 * 1e6).ToString("0.0", Format.Inv)} µs par événement");
        await SqlAsync($"delete from {schema}.mt_events where stream_id in (select md5('banc' || s)::uuid from generate_series(1000, 1999) s); delete from {schema}.mt_streams where id in (select md5('banc' || s)::uuid from generate_series(1000, 1999) s);");
        for (var lot = 1; lot < 10; lot++)
        {
            await SqlAsync(Inserer(lot * 1000 + 10_000, 1000));
        }
        await SqlAsync($"vacuum analyze {schema}.mt_events");
        await SqlAsync($"vacuum analyze {schema}.{ChaineSql.Table}");
        await chaines.PointsDeControle(schema).PrendreAsync(DateTimeOffset.UtcNow.AddSeconds(1));

        var verification = await VerificationChaine.VerifierAsync(sigma.Database.ConnectionString, schema, schema);
        var debit = verification.Evenements / verification.Duree.TotalSeconds;
        // The floor: the same rows read in the same order, nothing recomputed.
        var t0 = Stopwatch.StartNew();
        long lus = 0;
        await using (var commande = new NpgsqlCommand($"select seq_id, id, stream_id, version, type, data::text, timestamp, user_name from {schema}.mt_events order by stream_id, version", connexion))
        await using (var lecteur = await commande.ExecuteReaderAsync())
        {
            while (await lecteur.ReadAsync())
            {
                lus += lecteur.GetString(5).Length > 0 ? 1 : 0;
            }
        }
        var plancher = lus / t0.Elapsed.TotalSeconds;
        Console.WriteLine($"Vérification de {verification.Evenements.ToString("N0", Format.Inv)} événements ({verification.Flux.ToString("N0", Format.Inv)} flux, point de contrôle {(verification.PointDeControleVerifie ? "vérifié" : "NON vérifié")}, {verification.Ruptures.Count} rupture) : "
            + $"{Format.Ms(verification.Duree.TotalMilliseconds)} ms, {debit.ToString("N0", Format.Inv)} év./s (cible ≥ 50 000 év./s)");
        Console.WriteLine($"Référence, même machine : lecture seule des mêmes lignes dans le même ordre : {plancher.ToString("N0", Format.Inv)} év./s");
        ok &= debit >= 50_000 && verification.Intacte;

        // 3. The seal of a receipt (one PAdES signature by the platform's certificate) beside printing it.
        var mediator = hote.Services.CreateScope().ServiceProvider.GetRequiredService<IMediator>();
        var pdf = (await mediator.Send(new Sigma.Documents.Contracts.RendreDocument(Sigma.Documents.Contracts.ModeleDocument.RapportVerification, "Plancher", null, new
        {
            VerifieLe = "", Fichier = "x", Taille = "", Sha256 = "", Classe = "", Conclusion = "", Motif = "", Remarques = Array.Empty<string>(), Signatures = Array.Empty<object>(),
        }))).Pdf;
        var cachet = await MesurerAsync(() => mediator.Send(new Sigma.Signature.Contracts.ApposerCachet(pdf, "banc")), 30);
        var impression = await MesurerAsync(() => mediator.Send(new Sigma.Documents.Contracts.RendreDocument(Sigma.Documents.Contracts.ModeleDocument.RapportVerification, "Plancher", null, new
        {
            VerifieLe = "", Fichier = "x", Taille = "", Sha256 = "", Classe = "", Conclusion = "", Motif = "", Remarques = Array.Empty<string>(), Signatures = Array.Empty<object>(),
        })), 30);
        Console.WriteLine($"Cachet serveur d'un accusé (signature PAdES) : p50 {Format.Ms(cachet.P50)} ms, p95 {Format.Ms(cachet.P95)} ms ; référence : impression d'une page par Chromium p50 {Format.Ms(impression.P50)} ms");
        Console.WriteLine(ok ? "OK : rejeu sous 200 ms, vérification ≥ 50 000 év./s." : "ÉCHEC : une cible n'est pas atteinte.");
        return ok;
    }

    private static void ShouldNotBeNullBanc(this Reponse? r)
    {
        if (r is null)
        {
            throw new InvalidOperationException("rejeu vide");
        }
    }
}
