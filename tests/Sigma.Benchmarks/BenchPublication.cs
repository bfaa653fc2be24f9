using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sigma.Publication.Domain;
using Sigma.Publication.Infrastructure;
using Sigma.Publication.Integration;
using Sigma.Publication.Lheo;
using Sigma.Responses.Contracts;
using Sigma.Testing;

namespace Sigma.Benchmarks;

/// <summary>
/// Publication to the CARIF-OREF: (1) one awarded offer (groupement, sous-traitance, 3 sites, 2 composantes, blocs and
/// modules, long texts) turned into LHÉO 2.3 and validated against the XSD, p50/p95 (target p50 &lt; 50 ms), beside the
/// same offer serialized to JSON as the machine's reference; (2) the pull flux <c>/flux/lheo</c> for 1,000 then 5,000
/// published offers through the Host: time to first byte, total, and the process's peak managed memory while
/// streaming (flat: it must not grow with the number of offers), beside one Marten query loading the same 5,000 rows
/// into a list as the reference.
/// </summary>
internal static class BenchPublication
{
    private static readonly LheoOptions Options = new() { PublicsVises = new(StringComparer.OrdinalIgnoreCase) { ["PROJET PRO"] = "80056" } };

    public static async Task<bool> ExecuterAsync()
    {
        Format.Titre("Publication : LHÉO 2.3 par offre (génération + XSD) et flux /flux/lheo pour 5 000 offres");
        var offre = Offre();
        for (var i = 0; i < 20; i++)
        {
            QuandOffreAttribuee.Preparer(offre, Options, DateTimeOffset.UtcNow);
        }
        var durees = new List<double>();
        var json = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var t = Stopwatch.StartNew();
            var p = QuandOffreAttribuee.Preparer(offre with { OffreId = Guid.NewGuid() }, Options, DateTimeOffset.UtcNow);
            durees.Add(t.Elapsed.TotalMilliseconds);
            if (p.Manques.Count > 0)
            {
                throw new InvalidOperationException(string.Join(" ; ", p.Manques));
            }
            t.Restart();
            JsonSerializer.Serialize(offre);
            json.Add(t.Elapsed.TotalMilliseconds);
        }
        var generation = new Statistiques(durees);
        var reference = new Statistiques(json);
        var fragment = QuandOffreAttribuee.Preparer(offre, Options, DateTimeOffset.UtcNow).Formations!;
        Console.WriteLine($"LHÉO d'une offre (2 formations, {fragment.Length / 1024} Kio) générée et validée contre le XSD, {generation.Nombre} fois : "
            + $"p50 {Format.Ms(generation.P50)} ms, p95 {Format.Ms(generation.P95)} ms, max {Format.Ms(generation.Max)} ms (cible p50 < 50 ms)");
        Console.WriteLine($"Référence, même exécution : la même offre sérialisée en JSON : p50 {Format.Ms(reference.P50)} ms, p95 {Format.Ms(reference.P95)} ms");

        await using var sigma = new SigmaFactory();
        await sigma.InitializeAsync();
        using var hote = sigma.WithWebHostBuilder(b => b.UseContentRoot(Path.Combine(Depot.Racine(), "Host", "Sigma.Host")));
        using var client = hote.CreateClient();
        var store = hote.Services.GetRequiredService<IPublicationStore>();
        var publiees = 0;
        var resultats = new List<(int Offres, double Premier, double Total, long Octets, long Pic)>();
        foreach (var cible in new[] { 1_000, 5_000 })
        {
            for (; publiees < cible; publiees += 250)
            {
                await using var session = store.LightweightSession();
                for (var i = 0; i < 250; i++)
                {
                    var id = Guid.NewGuid();
                    session.Events.StartStream<PublicationOffre>(id, new PublicationPreparee(id, Guid.NewGuid(), "2027-PP-003", 1, "Lot Est", "Organisme", "Offre", 1,
                        fragment.Replace(offre.OffreId.ToString("N"), id.ToString("N"), StringComparison.Ordinal), [], DateTimeOffset.UtcNow));
                }
                await session.SaveChangesAsync();
            }
            (await client.GetAsync("/flux/lheo")).EnsureSuccessStatusCode();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var avant = GC.GetTotalMemory(true);
            var pic = avant;
            var chrono = Stopwatch.StartNew();
            using var reponse = await client.GetAsync("/flux/lheo", HttpCompletionOption.ResponseHeadersRead);
            await using var flux = await reponse.Content.ReadAsStreamAsync();
            var tampon = new byte[64 * 1024];
            var premier = 0d;
            long octets = 0;
            int lus;
            var n = 0;
            while ((lus = await flux.ReadAsync(tampon)) > 0)
            {
                if (octets == 0)
                {
                    premier = chrono.Elapsed.TotalMilliseconds;
                }
                octets += lus;
                if (++n % 16 == 0)
                {
                    pic = Math.Max(pic, GC.GetTotalMemory(false));
                }
            }
            var total = chrono.Elapsed.TotalMilliseconds;
            resultats.Add((cible, premier, total, octets, pic - avant));
            Console.WriteLine($"Flux de {cible} offres : premier octet {Format.Ms(premier)} ms, complet {Format.Ms(total)} ms, {Format.Mo(octets)} "
                + $"({Format.Debit(octets, TimeSpan.FromMilliseconds(total))}), mémoire gérée au plus haut +{Format.Mo(pic - avant)} au-dessus du repos");
        }
        await using (var session = store.QuerySession())
        {
            GC.Collect();
            var avant = GC.GetTotalMemory(true);
            var chrono = Stopwatch.StartNew();
            var toutes = await session.Query<PublicationOffre>().Where(p => p.EstPubliee).ToListAsync();
            Console.WriteLine($"Référence, même exécution : les {toutes.Count} publications chargées en liste par une requête Marten : {Format.Ms(chrono.Elapsed.TotalMilliseconds)} ms, "
                + $"+{Format.Mo(GC.GetTotalMemory(false) - avant)} de mémoire gérée");
        }
        var plat = resultats[1].Pic < Math.Max(resultats[0].Pic * 2, 64L * 1024 * 1024);
        var ok = generation.P50 < 50 && plat;
        Console.WriteLine(ok ? "OK : p50 LHÉO sous 50 ms ; la mémoire du flux ne suit pas le nombre d'offres."
            : $"ÉCHEC : p50 LHÉO {Format.Ms(generation.P50)} ms, mémoire du flux {Format.Mo(resultats[0].Pic)} → {Format.Mo(resultats[1].Pic)}.");
        return ok;
    }

    private static readonly string Long = string.Join(" ", Enumerable.Repeat("Les stagiaires construisent leur projet professionnel, découvrent les métiers et s'entraînent à l'entretien ;", 30));

    private static OffreAttribueeIntegrationEvent Offre() => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "2027-PP-003", "PROJET PRO", 1, "Projet Pro Occitanie Est", "Hérault",
        new OrganismeAttribue("Formation Occitanie Avenir", "73282932000074", "12 rue de la Loge", "34000", "Montpellier", "04 67 22 80 00", "contact@foa.fr"),
        new ActionAttribuee("Projet Pro Est", "Parcours complet", "2027-02-01", "2027-09-30", "3", "36"),
        [
            new SiteAttribue("12 rue de la Loge", "34000", "Montpellier", null, true, "Tram 1", true, "Ascenseur", false, "Restaurant d'entreprise"),
            new SiteAttribue("5 avenue Jean-Moulin", "34500", "Béziers", null, true, "Bus 12", false, null, true, "À proximité"),
            new SiteAttribue("1 place de la République", "34300", "Agde", null, false, null, true, null, null, "Aucune"),
        ],
        [.. Enumerable.Range(1, 2).Select(k => new ComposanteAttribuee(k.ToString(Format.Inv), $"Composante {k} — préqualification", "2027-02-01", "2027-06-30", "400", "12", "15062", "38543", null, "326", "M1805",
            "Aucun prérequis", Long, "Entretien", "Présentiel", "Projet validé", Long,
            [new BlocAttribue("1", "Compétences transversales"), new BlocAttribue("2", "Compétences professionnelles")],
            [.. Enumerable.Range(1, 4).Select(m => new ModuleAttribue(m.ToString(Format.Inv), $"Module {m}", m <= 2 ? "1" : "2", null, null, "100", "Contenu du module"))],
            "Temps plein"))],
        DateTimeOffset.UtcNow, "76340123434", new ContactAttribue("Paul Martin", "04 67 22 80 01", "handicap@foa.fr"),
        [new PrestataireAttribue(PrestataireAttribue.Cotraitant, "Association Égalité", "44306184100047", "34500", "Béziers"),
            new PrestataireAttribue(PrestataireAttribue.SousTraitant, "Numérique & Cie", "55210055400025", "34300", "Agde")],
        new MarcheAttribue("Projet Pro", "Appel d'offres ouvert", "FORP", 600, "2 400", "Solidaire", 3, true, true));
}
