using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sigma.Benchmarks;

/// <summary>
/// Where a send's CPU goes: each request of the rush's sequence (the pages a bidder loads, the upload, the validation,
/// the send) made one at a time by prepared bidders, the Host's CPU time read before and after each. One at a time,
/// so that each request's CPU is its own whatever else the machine does; the sum is what one send costs the Host, and
/// what bounds the sends per second of a burst on this machine's cores.
/// </summary>
internal static class BenchCouts
{
    public static async Task<bool> ExecuterAsync()
    {
        var soumissionnaires = int.TryParse(Environment.GetEnvironmentVariable("SIGMA_RUSH_BIDDERS"), out var n) && n > 0 ? n : 30;
        const int Mo = 5;
        Format.Titre($"Coût CPU de chaque requête d'un envoi ({soumissionnaires} soumissionnaires, pièce de {Mo} Mo, une requête à la fois)");
        var stockage = Directory.CreateTempSubdirectory("sigma-bench-couts-").FullName;
        try
        {
            await using var base_ = await TestDatabase.CreateAsync();
            await using var smtp = await SmtpDeTest.StartAsync();
            await using var hote = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage);
            var prets = new ConcurrentBag<(HttpClient Client, Guid Reponse, Guid Offre)>();
            await Parallel.ForEachAsync(Enumerable.Range(0, soumissionnaires), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (_, _) => prets.Add(await Soumissionnaire.PreteAEnvoyerAsync(() => NavigateurSigma.Nouveau(hote.Url))));
            var piece = new byte[Mo * 1024 * 1024];
            Random.Shared.NextBytes(piece);
            var couts = new Dictionary<string, (List<double> Cpu, List<double> Duree)>();

            async Task<T> Mesurer<T>(string requete, Func<Task<T>> faire)
            {
                var cpu = hote.TempsCpu();
                var chrono = Stopwatch.StartNew();
                var resultat = await faire();
                var duree = chrono.Elapsed.TotalMilliseconds;
                if (!couts.TryGetValue(requete, out var c))
                {
                    couts[requete] = c = ([], []);
                }
                c.Cpu.Add((hote.TempsCpu() - cpu).TotalMilliseconds);
                c.Duree.Add(duree);
                return resultat;
            }

            var echauffement = true;
            foreach (var (client, reponse, offre) in prets)
            {
                var pageOffre = $"/reponses/{reponse}/offres/{offre}/offre";
                var pagePrix = $"/reponses/{reponse}/offres/{offre}/prix";
                var pageEnvoi = $"/reponses/{reponse}/envoyer";
                var html = await Mesurer("GET onglet « offre » (page du dépôt)", () => client.GetStringAsync(pageOffre));
                var jeton = Formulaires.JetonDe(html, pageOffre);
                using (var depot = await Mesurer($"POST dépôt d'une pièce de {Mo} Mo", () => Soumissionnaire.DeposerAsync(client, reponse, offre, "AutreOffre", "complement.pdf", piece, jeton: jeton)))
                {
                    NavigateurSigma.Attendre(depot, HttpStatusCode.Redirect, "dépôt");
                }
                html = await Mesurer("GET onglet « prix »", () => client.GetStringAsync(pagePrix));
                using (var validation = await Mesurer("POST nouvelle validation de l'offre", () => client.PostAsync(pagePrix, new FormUrlEncodedContent(new Dictionary<string, string>
                       {
                           ["__RequestVerificationToken"] = Formulaires.JetonDe(html, pagePrix), ["version"] = Soumissionnaire.Version(html), ["action"] = "valider",
                           ["Prix.PrixUnitaireHt"] = "2 400", ["Prix.FraisPedagogiques"] = "2 000", ["Prix.FraisStructure"] = "400",
                       }))))
                {
                    NavigateurSigma.Attendre(validation, HttpStatusCode.Redirect, "validation");
                }
                html = await Mesurer("GET page d'envoi", () => client.GetStringAsync(pageEnvoi));
                using (var envoi = await Mesurer("POST envoi définitif", () => client.PostAsync(pageEnvoi, new FormUrlEncodedContent(new Dictionary<string, string>
                       {
                           ["__RequestVerificationToken"] = Formulaires.JetonDe(html, pageEnvoi),
                       }))))
                {
                    if (envoi.Headers.Location?.ToString().EndsWith("/accuse", StringComparison.Ordinal) != true)
                    {
                        throw new InvalidOperationException($"envoi : {(int)envoi.StatusCode}");
                    }
                }
                if (echauffement)
                {
                    // The first bidder warms every path (JIT, caches): not counted.
                    couts.Clear();
                    echauffement = false;
                }
            }

            Console.WriteLine($"{"requête",-44} {"n",4} {"CPU Host ms",12} {"durée p50 ms",13}");
            var total = 0d;
            foreach (var (requete, (cpu, duree)) in couts)
            {
                total += cpu.Average();
                Console.WriteLine($"{requete,-44} {cpu.Count,4} {cpu.Average(),12:0.0} {Format.Ms(new Statistiques(duree).P50),13}");
            }
            Console.WriteLine($"{"un envoi (la séquence)",-44} {"",4} {total,12:0.0}   => {Environment.ProcessorCount} cœurs : au plus {Environment.ProcessorCount * 1000 / total:0} envois/s pour le seul Host");
            return true;
        }
        finally
        {
            Directory.Delete(stockage, recursive: true);
        }
    }
}
