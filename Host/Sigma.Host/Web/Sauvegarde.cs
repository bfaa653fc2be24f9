using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Sigma.BuildingBlocks.Persistence;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Host.Web;

/// <summary>One file of a backup, as its manifest lists it.</summary>
public sealed record FichierSauvegarde(string Partie, string Chemin, long Taille, string Sha256);

/// <summary>
/// Backs up what Sigma needs, each part where it belongs, and restores it (docs: README « Sauvegarde et restauration »):
/// the database (pg_dump, custom format), the stored files (DCE, sealed pieces and editions, documents to sign), the
/// sealing master key, the data-protection keys (cookies and antiforgery tokens keep working) and the platform's seal.
/// A manifest lists every file with its SHA-256; the restore checks each one and refuses a backup that differs.
/// </summary>
public static class Sauvegarde
{
    public const string Manifeste = "manifeste.json";
    private const string Base = "base.dump";

    /// <summary>The parts of a backup and where each lives for <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<(string Partie, string Chemin, bool Dossier)> Parties(IConfiguration configuration) =>
    [
        ("fichiers", new StockageFichiers(configuration).Racine, true),
        ("cle-maitre", Sigma.Responses.ResponsesModule.CheminCleMaitre(configuration), false),
        ("cles-dataprotection", DossierClesDataProtection(configuration), true),
        ("signature", Path.Combine(StockageFichiers.DossierDonnees(configuration), "signature"), true),
        // A production seal configured outside the data folder (the demonstration seal lives in « signature »).
        ("cachet", configuration["Sigma:Cachet:Pkcs12"] ?? "", false),
    ];

    /// <summary>Where the cookie and antiforgery keys live (the Host's data-protection set-up).</summary>
    public static string DossierClesDataProtection(IConfiguration configuration) =>
        configuration["Sigma:DataProtection:Dossier"] is { Length: > 0 } cles ? cles
            : Path.Combine(Path.GetDirectoryName(EmbeddedPostgres.DefaultDataDirectory())!, "cles");

    public static bool EstUneCommande(string[] args) => args.Length >= 2 && args[0] is "sauvegarder" or "restaurer";

    public static async Task<int> ExecuterAsync(string[] args, IConfiguration configuration, string connectionString, TextWriter sortie)
    {
        try
        {
            if (args[0] == "sauvegarder")
            {
                var fichiers = await SauvegarderAsync(configuration, connectionString, args[1]);
                await sortie.WriteLineAsync($"Sauvegarde faite dans {args[1]} : {fichiers.Count} fichiers (base comprise), manifeste {Manifeste}.");
            }
            else
            {
                var fichiers = await RestaurerAsync(configuration, connectionString, args[1]);
                await sortie.WriteLineAsync($"Restauration faite depuis {args[1]} : {fichiers.Count} fichiers vérifiés contre le manifeste, base restaurée.");
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            await sortie.WriteLineAsync($"Échec : {e.Message}");
            return 1;
        }
    }

    public static async Task<IReadOnlyList<FichierSauvegarde>> SauvegarderAsync(IConfiguration configuration, string connectionString, string destination)
    {
        Directory.CreateDirectory(destination);
        if (Directory.EnumerateFileSystemEntries(destination).Any())
        {
            throw new InvalidOperationException($"Le dossier {destination} n'est pas vide : choisissez un dossier neuf pour chaque sauvegarde.");
        }
        var fichiers = new List<FichierSauvegarde>();
        // The database first: files written after the dump are extra (harmless), never missing from it.
        var dump = Path.Combine(destination, Base);
        await PostgresAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--file", dump]);
        fichiers.Add(await DecrireAsync("base", dump, Base));
        foreach (var (partie, chemin, dossier) in Parties(configuration))
        {
            var cible = Path.Combine(destination, partie);
            if (dossier && Directory.Exists(chemin))
            {
                foreach (var source in Directory.EnumerateFiles(chemin, "*", SearchOption.AllDirectories))
                {
                    var relatif = Path.GetRelativePath(chemin, source);
                    var copie = Path.Combine(cible, relatif);
                    Directory.CreateDirectory(Path.GetDirectoryName(copie)!);
                    File.Copy(source, copie);
                    fichiers.Add(await DecrireAsync(partie, copie, relatif));
                }
            }
            else if (!dossier && File.Exists(chemin))
            {
                Directory.CreateDirectory(cible);
                var copie = Path.Combine(cible, Path.GetFileName(chemin));
                File.Copy(chemin, copie);
                fichiers.Add(await DecrireAsync(partie, copie, Path.GetFileName(chemin)));
            }
        }
        await File.WriteAllTextAsync(Path.Combine(destination, Manifeste), JsonSerializer.Serialize(fichiers, new JsonSerializerOptions { WriteIndented = true }));
        return fichiers;
    }

    public static async Task<IReadOnlyList<FichierSauvegarde>> RestaurerAsync(IConfiguration configuration, string connectionString, string source)
    {
        var manifeste = Path.Combine(source, Manifeste);
        if (!File.Exists(manifeste))
        {
            throw new InvalidOperationException($"{source} n'est pas une sauvegarde de Sigma : {Manifeste} est absent.");
        }
        var fichiers = JsonSerializer.Deserialize<List<FichierSauvegarde>>(await File.ReadAllTextAsync(manifeste))!;
        // Every file of the backup is checked before anything is restored.
        foreach (var f in fichiers)
        {
            var chemin = f.Partie == "base" ? Path.Combine(source, Base) : Path.Combine(source, f.Partie, f.Chemin);
            var lu = File.Exists(chemin) ? await DecrireAsync(f.Partie, chemin, f.Chemin) : null;
            if (lu is null || lu.Sha256 != f.Sha256)
            {
                throw new InvalidOperationException($"La sauvegarde est altérée : {f.Partie}/{f.Chemin} ne correspond pas au manifeste.");
            }
        }
        // Every part has somewhere to go on this machine.
        var parties = Parties(configuration).ToDictionary(p => p.Partie);
        if (fichiers.FirstOrDefault(f => f.Partie != "base" && parties[f.Partie].Chemin.Length == 0) is { } sansPlace)
        {
            throw new InvalidOperationException($"La sauvegarde contient le cachet serveur {sansPlace.Chemin} : configurez Sigma:Cachet:Pkcs12 (et son mot de passe) sur cette machine avant de restaurer.");
        }
        await using (var connexion = new NpgsqlConnection(connectionString))
        {
            await connexion.OpenAsync();
            await using var commande = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')", connexion);
            if ((long)(await commande.ExecuteScalarAsync())! > 0)
            {
                throw new InvalidOperationException("La base cible n'est pas vide : restaurez dans une base neuve.");
            }
        }
        await PostgresAsync("pg_restore", connectionString, ["--no-owner", "--exit-on-error", Path.Combine(source, Base)], dbname: true);
        foreach (var f in fichiers.Where(f => f.Partie != "base"))
        {
            var (_, chemin, dossier) = parties[f.Partie];
            var cible = dossier ? Path.Combine(chemin, f.Chemin) : chemin;
            Directory.CreateDirectory(Path.GetDirectoryName(cible)!);
            File.Copy(Path.Combine(source, f.Partie, f.Chemin), cible, overwrite: true);
            if (!dossier && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cible, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return fichiers;
    }

    private static async Task<FichierSauvegarde> DecrireAsync(string partie, string chemin, string relatif)
    {
        await using var flux = File.OpenRead(chemin);
        return new FichierSauvegarde(partie, relatif, flux.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(flux)));
    }

    /// <summary>Runs pg_dump or pg_restore against the connection string's server (its password through PGPASSWORD).</summary>
    private static async Task PostgresAsync(string outil, string connectionString, string[] arguments, bool dbname = false)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(Path.Combine(EmbeddedPostgres.FindBinaries(), outil))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--host", c.Host ?? "127.0.0.1", "--port", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", c.Username ?? "postgres" })
        {
            info.ArgumentList.Add(a);
        }
        info.ArgumentList.Add(dbname ? $"--dbname={c.Database}" : c.Database!);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        if (c.Password is { Length: > 0 } motDePasse)
        {
            info.Environment["PGPASSWORD"] = motDePasse;
        }
        using var processus = Process.Start(info) ?? throw new InvalidOperationException($"{outil} n'a pas démarré.");
        var erreurs = processus.StandardError.ReadToEndAsync();
        await processus.StandardOutput.ReadToEndAsync();
        await processus.WaitForExitAsync();
        if (processus.ExitCode != 0)
        {
            throw new InvalidOperationException($"{outil} a échoué ({processus.ExitCode}) : {(await erreurs).Trim()}");
        }
    }
}
