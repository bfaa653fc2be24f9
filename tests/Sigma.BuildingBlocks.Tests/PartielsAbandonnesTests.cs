using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.BuildingBlocks.Tests;

public class PartielsAbandonnesTests
{
    [Fact]
    public async Task The_sweep_deletes_only_the_temporary_files_of_interrupted_writes_left_untouched_for_long_enough()
    {
        var racine = Directory.CreateTempSubdirectory("sigma-partiels-").FullName;
        try
        {
            var stockage = new StockageFichiers(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sigma:Stockage:Dossier"] = racine }).Build());
            var maintenant = DateTime.UtcNow;
            string Fichier(string nom, TimeSpan age)
            {
                var chemin = Path.Combine(racine, "reponses", "r1", nom);
                Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
                File.WriteAllText(chemin, "chiffré");
                File.SetLastWriteTimeUtc(chemin, maintenant - age);
                return chemin;
            }
            // What an upload killed mid-way leaves (both writers' names), one still being written, and recorded files.
            var abandonne = Fichier("piece-1.sgm.0f8e6b2a4c1d4e0f9a7b3c5d1e2f4a6b.partiel", TimeSpan.FromHours(7));
            var abandonneAncienFormat = Fichier("dce.zip.partiel", TimeSpan.FromDays(3));
            var enCours = Fichier("piece-2.sgm.1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.partiel", TimeSpan.FromMinutes(2));
            var enregistre = Fichier("piece-3.sgm", TimeSpan.FromDays(30));

            stockage.SupprimerPartielsAbandonnes(TimeSpan.FromHours(6), maintenant).ShouldBe(2);

            File.Exists(abandonne).ShouldBeFalse();
            File.Exists(abandonneAncienFormat).ShouldBeFalse();
            File.Exists(enCours).ShouldBeTrue("une écriture en cours (sur ce nœud ou un autre) est gardée");
            File.Exists(enregistre).ShouldBeTrue("un fichier enregistré n'est jamais touché, quel que soit son âge");
            stockage.SupprimerPartielsAbandonnes(TimeSpan.FromHours(6), maintenant).ShouldBe(0);

            // The Host's service does it at start, with the configured age.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sigma:Stockage:Dossier"] = racine, ["Sigma:Stockage:PartielsAbandonnesApres"] = "00:01:00",
            }).Build();
            using var service = new NettoyagePartiels(stockage, configuration, TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<NettoyagePartiels>.Instance);
            await service.StartAsync(CancellationToken.None);
            for (var i = 0; i < 100 && File.Exists(enCours); i++)
            {
                await Task.Delay(50);
            }
            await service.StopAsync(CancellationToken.None);
            File.Exists(enCours).ShouldBeFalse("plus vieux que l'âge configuré (1 min)");
            File.Exists(enregistre).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(racine, recursive: true);
        }
    }
}
