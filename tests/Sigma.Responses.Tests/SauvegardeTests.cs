using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Persistence.Chaine;
using Sigma.Host.Web;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>
/// Backup and restore, proven: a Sigma with a sent response is backed up (database, stored files, master key,
/// data-protection keys, seal), restored into an empty database and fresh folders, and the restored Sigma serves the
/// pli with every file equal to its receipt, verifies its history's chain, and still knows the old session cookie.
/// </summary>
public sealed class SauvegardeTests : IAsyncLifetime
{
    private readonly string _racine = Path.Combine(Path.GetTempPath(), "sigma-sauvegarde-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A Sigma whose data folders (files, master key, keys, seal) all live under <paramref name="dossier"/>.</summary>
    private sealed class SigmaDansDossier(string dossier, TestDatabase? restauree = null) : SigmaFactory
    {
        public static Dictionary<string, string?> Reglages(string dossier) => new()
        {
            ["Sigma:DataDirectory"] = dossier,
            ["Sigma:Stockage:Dossier"] = Path.Combine(dossier, "fichiers"),
            ["Sigma:Scellement:CleMaitre"] = Path.Combine(dossier, "scellement", "cle-maitre"),
            ["Sigma:DataProtection:Dossier"] = Path.Combine(dossier, "cles"),
        };

        protected override Task<TestDatabase> CreerBaseAsync() => restauree is null ? base.CreerBaseAsync() : Task.FromResult(restauree);

        protected override void Configurer(IWebHostBuilder builder)
        {
            foreach (var (cle, valeur) in Reglages(dossier))
            {
                builder.UseSetting(cle, valeur);
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(_racine))
        {
            Directory.Delete(_racine, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_backup_restored_on_fresh_folders_and_database_keeps_every_receipt_the_chain_and_the_sessions()
    {
        var cookies = new CookieContainer();
        var (dossierA, dossierB, sauvegarde) = (Path.Combine(_racine, "a"), Path.Combine(_racine, "b"), Path.Combine(_racine, "sauvegarde"));
        Guid id;
        IReadOnlyList<Sigma.Responses.Domain.FichierAccuse> recus;
        await using (var a = new SigmaDansDossier(dossierA))
        {
            await a.InitializeAsync();
            HttpClient Client() => a.CreateDefaultClient(new Uri(SigmaFactory.UrlPublique), new CookieContainerHandler(cookies));
            var (client, reponse, _) = await PreteAEnvoyerAsync(Client);
            id = reponse;
            (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            // The receipt's PDF is sealed: the platform's (demonstration) seal exists from then on, and is backed up.
            (await client.GetByteArrayAsync($"/reponses/{id}/accuse.pdf")).Length.ShouldBeGreaterThan(1000);
            await using (var session = a.Services.GetRequiredService<IResponsesStore>().QuerySession())
            {
                recus = (await session.LoadAsync<Sigma.Responses.Domain.Reponse>(id))!.FichiersEnvoyes;
            }
            var fichiers = await Sauvegarde.SauvegarderAsync(a.Services.GetRequiredService<IConfiguration>(), a.Database.ConnectionString, sauvegarde);
            fichiers.Select(f => f.Partie).Distinct().ShouldBe(["base", "fichiers", "cle-maitre", "cles-dataprotection", "signature"], ignoreOrder: true);
            // A backup must go to a new folder; one altered byte makes it refused before anything is restored.
            await Should.ThrowAsync<InvalidOperationException>(() => Sauvegarde.SauvegarderAsync(a.Services.GetRequiredService<IConfiguration>(), a.Database.ConnectionString, sauvegarde));
        }

        var cible = await TestDatabase.CreateAsync();
        var reglagesB = new ConfigurationBuilder().AddInMemoryCollection(SigmaDansDossier.Reglages(dossierB)).Build();
        var cle = Path.Combine(sauvegarde, "cle-maitre", "cle-maitre");
        var originale = await File.ReadAllBytesAsync(cle);
        await File.WriteAllBytesAsync(cle, [.. originale.Select((o, i) => i == 0 ? (byte)(o ^ 1) : o)]);
        (await Should.ThrowAsync<InvalidOperationException>(() => Sauvegarde.RestaurerAsync(reglagesB, cible.ConnectionString, sauvegarde)))
            .Message.ShouldContain("altérée");
        await File.WriteAllBytesAsync(cle, originale);
        await Sauvegarde.RestaurerAsync(reglagesB, cible.ConnectionString, sauvegarde);

        await using var b = new SigmaDansDossier(dossierB, cible);
        await b.InitializeAsync();
        var ancien = b.CreateDefaultClient(new Uri(SigmaFactory.UrlPublique), new CookieContainerHandler(cookies));
        // The session cookie issued before the backup is still valid: the data-protection keys came back.
        var mesReponses = await ancien.GetAsync("/reponses");
        mesReponses.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mesReponses.Content.ReadAsStringAsync()).ShouldContain($"/reponses/{id}");

        // Every file of the pli decrypts (the master key came back) to the receipt's SHA-256.
        var zip = await ancien.GetAsync($"/reponses/{id}/pli.zip");
        zip.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        foreach (var recu in recus)
        {
            var entree = archive.Entries.FirstOrDefault(e => e.FullName == $"{recu.Formulaire}/{recu.Nom}").ShouldNotBeNull(recu.Nom);
            await using var flux = entree.Open();
            Convert.ToHexStringLower(await SHA256.HashDataAsync(flux)).ShouldBe(recu.Sha256, recu.Nom);
        }

        // The same seal seals the receipts of the restored Sigma.
        (await ancien.GetAsync($"/reponses/{id}/accuse.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cachet = Path.Combine("signature", "cachet-serveur-demonstration.p12");
        (await File.ReadAllBytesAsync(Path.Combine(dossierB, cachet))).ShouldBe(await File.ReadAllBytesAsync(Path.Combine(dossierA, cachet)));

        // The history's chain verifies on the restored database, every module.
        var verification = await b.Services.GetRequiredService<Chaines>().VerifierAsync();
        verification.ShouldAllBe(m => m.Intacte);
        verification.Single(m => m.Module == "responses").Evenements.ShouldBeGreaterThan(5);
    }
}
