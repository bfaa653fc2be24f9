using System.Diagnostics;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sigma.Documents.Contracts;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using Sigma.Testing;

namespace Sigma.Benchmarks;

/// <summary>
/// The printer: a DC1 from a realistic candidature (a groupement of 3) through the Host's own printer (Scriban + the
/// shared Chromium). Cold start (the first document, Chromium started), then p50/p95 warm, then throughput with 4
/// concurrent requests; as the reference of the same machine in the same run, a one-line page through the same path
/// (Chromium's own floor).
/// </summary>
internal static class BenchDocuments
{
    public static async Task<bool> ExecuterAsync()
    {
        Format.Titre("Documents : DC1 imprimé par Chromium (PuppeteerSharp), navigateur partagé");
        await using var sigma = new SigmaFactory();
        await sigma.InitializeAsync();
        using var hote = sigma.WithWebHostBuilder(b => b.UseContentRoot(Path.Combine(Depot.Racine(), "Host", "Sigma.Host")));
        using var scope = hote.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var editions = scope.ServiceProvider.GetRequiredService<EditionsReponse>();
        var consultation = new ConsultationConnue
        {
            Id = Guid.NewGuid(), Reference = "2027-PP-003", Intitule = "Projet Pro — Orientation professionnelle", Dispositif = "PROJET PRO",
            DateLimite = DateTimeOffset.UtcNow.AddDays(30), Lots = [new LotConnu(1, "Lot Est", "Hérault", "FORP", 600)],
        };
        var dc1 = editions.DeLaCandidature(consultation, Candidature()).First(e => e.Modele == ModeleDocument.Dc1);
        var requete = new RendreDocument(dc1.Modele, dc1.Libelle, consultation.Reference, dc1.Donnees);
        var plancher = new RendreDocument(ModeleDocument.RapportVerification, "Plancher", null, new
        {
            VerifieLe = "", Fichier = "x", Taille = "", Sha256 = "", Classe = "", Conclusion = "", Motif = "", Remarques = Array.Empty<string>(), Signatures = Array.Empty<object>(),
        });

        var chrono = Stopwatch.StartNew();
        var premier = await mediator.Send(requete);
        var froid = chrono.Elapsed.TotalMilliseconds;
        Console.WriteLine($"Démarrage à froid (Chromium lancé, premier DC1 de {premier.Pdf.Length / 1024} Kio) : {Format.Ms(froid)} ms");

        async Task<Statistiques> MesurerAsync(RendreDocument r, int n)
        {
            var durees = new List<double>();
            for (var i = 0; i < n; i++)
            {
                var t = Stopwatch.StartNew();
                await mediator.Send(r);
                durees.Add(t.Elapsed.TotalMilliseconds);
            }
            return new Statistiques(durees);
        }

        await MesurerAsync(requete, 5);
        var chaud = await MesurerAsync(requete, 60);
        var reference = await MesurerAsync(plancher, 60);
        Console.WriteLine($"DC1 à chaud, {chaud.Nombre} impressions en série : p50 {Format.Ms(chaud.P50)} ms, p95 {Format.Ms(chaud.P95)} ms, max {Format.Ms(chaud.Max)} ms (cible p50 < 300 ms)");
        Console.WriteLine($"Référence, même machine : page d'une ligne par le même chemin : p50 {Format.Ms(reference.P50)} ms, p95 {Format.Ms(reference.P95)} ms");

        const int total = 80;
        var debut = Stopwatch.StartNew();
        var durees = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) =>
        {
            var t = Stopwatch.StartNew();
            await mediator.Send(requete, ct);
            durees.Add(t.Elapsed.TotalMilliseconds);
        });
        var concurrent = new Statistiques(durees);
        var debit = total / debut.Elapsed.TotalSeconds;
        Console.WriteLine($"4 requêtes simultanées : {total} DC1 en {Format.Ms(debut.Elapsed.TotalMilliseconds)} ms, {debit.ToString("0.0", Format.Inv)} DC1/s ; "
            + $"latence p50 {Format.Ms(concurrent.P50)} ms, p95 {Format.Ms(concurrent.P95)} ms");
        var ok = chaud.P50 < 300;
        Console.WriteLine(ok ? "OK : p50 à chaud sous 300 ms." : "ÉCHEC : p50 à chaud au-dessus de 300 ms.");
        return ok;
    }

    internal static DonneesCandidature Candidature()
    {
        static Etablissement Etab(string nom, string siret) => new() { RaisonSociale = nom, Siret = siret, Adresse = "3 allée des Érables", CodePostal = "34000", Commune = "Montpellier", Telephone = "0467000000", Email = "contact@exemple.fr" };
        static Personne Pers(string nom) => new() { Civilite = "Madame", Nom = nom, Prenom = "Hélène", Qualite = "Gérante" };
        return new DonneesCandidature
        {
            Candidat = new Candidat
            {
                Type = TypeCandidature.GroupementSolidaire, Lots = [1], Siege = Etab("Formation Cévennes Œuvre", "73282932000074"), RepresentantLegal = Pers("Lefèvre"), Signataire = Pers("Lefèvre"),
                ChiffresAffaires = [new() { Exercice = "2024", Montant = "1 250 000" }, new() { Exercice = "2023", Montant = "1 100 000" }, new() { Exercice = "2022", Montant = "980 000" }],
            },
            Membres = [new Membre { Siege = Etab("Atelier Garrigue", "55208131766522"), Prestations = "Immersions" }, new Membre { Siege = Etab("Côte Bleue Compétences", "44306184100047"), Prestations = "Remise à niveau" }],
            RepartitionPrestations = "Coordination",
            Sites = [new SiteCandidature { Nom = "12 rue de la Loge", CodePostal = "34000", Commune = "Montpellier" }],
        };
    }
}
