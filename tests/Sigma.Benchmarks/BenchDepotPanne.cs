using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Sigma.Benchmarks;

/// <summary>
/// <c>depot-crash</c>: the Host killed (SIGKILL) while curl uploads a 1 GiB piece, a quarter of it written. Checked: what
/// the interrupted write left on disk holds none of the bidder's bytes in clear (a sample of the file is searched for in
/// it); no piece is recorded; the Host restarted on the same folders sweeps that leftover away (the sweep's age set to
/// 5 s here, 6 h by default); the bidder, still signed in, uploads the same file again and Sigma shows its SHA-256.
/// </summary>
internal static partial class BenchDepot
{
    public static async Task<bool> PanneAsync()
    {
        Format.Titre($"Dépôt interrompu : le Host tué (SIGKILL) pendant le dépôt d'une pièce de {Format.Mo(Taille)} par curl, puis redémarré");
        var racine = Directory.CreateTempSubdirectory("sigma-bench-depot-panne-").FullName;
        var stockage = Path.Combine(racine, "fichiers");
        var source = Path.Combine(racine, "pieces-volumineuses.zip");
        var reglages = new Dictionary<string, string>
        {
            ["Sigma:DataDirectory"] = Path.Combine(racine, "donnees"), ["Sigma:Stockage:PartielsAbandonnesApres"] = "00:00:05",
        };
        var ok = true;
        void Verifier(bool condition, string constat)
        {
            Console.WriteLine($"{(condition ? "OK " : "ÉCHEC")} {constat}");
            ok &= condition;
        }
        try
        {
            var sha = EcrireSource(source);
            // 64 bytes from the middle of the part written before the kill: they must not appear in clear on the disk.
            var echantillon = new byte[64];
            await using (var f = File.OpenRead(source))
            {
                f.Position = Taille / 8;
                await f.ReadExactlyAsync(echantillon);
            }
            await using var base_ = await TestDatabase.CreateAsync();
            await using var smtp = await SmtpDeTest.StartAsync();
            var hote = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage, reglages: reglages);
            try
            {
                var conteneur = new CookieContainer();
                using var client = NavigateurSigma.Nouveau(hote.Url, conteneur);
                var reponseId = await ConnecterEtCommencerAsync(client);
                var page = $"/reponses/{reponseId}/candidature/pieces";
                var url = new Uri(new Uri(hote.Url), $"/reponses/{reponseId}/pieces");
                var cookies = conteneur.GetCookieHeader(url);
                var envoi = CurlAsync(url, cookies, await client.JetonAsync(page), source);

                // Killed once a quarter of the piece is on disk.
                string? partiel = null;
                var attente = Stopwatch.StartNew();
                while (attente.Elapsed < TimeSpan.FromSeconds(60) && !envoi.IsCompleted)
                {
                    partiel = Directory.Exists(stockage)
                        ? Directory.EnumerateFiles(stockage, "*.partiel", SearchOption.AllDirectories).FirstOrDefault(p => new FileInfo(p).Length >= Taille / 4)
                        : null;
                    if (partiel is not null)
                    {
                        break;
                    }
                    await Task.Delay(5);
                }
                if (partiel is null)
                {
                    Verifier(false, "le dépôt s'est terminé (ou n'a pas commencé) avant la panne : rien à interrompre");
                    return false;
                }
                await hote.TuerAsync();
                var tue = DateTime.UtcNow;
                var (code, _) = await envoi;
                var taillePartiel = new FileInfo(partiel).Length;
                Console.WriteLine($"Host tué (SIGKILL) à {tue:HH:mm:ss.fff}, {Format.Mo(taillePartiel)} écrits ; curl : HTTP {(code == 0 ? "aucune réponse" : code.ToString(Format.Inv))}");
                Verifier(code != 302, "le dépôt interrompu n'a pas été confirmé au soumissionnaire");
                Verifier(!Contient(partiel, echantillon), $"l'écriture interrompue ({Path.GetFileName(partiel)}) ne contient pas en clair un échantillon du fichier envoyé");
                Verifier(Directory.EnumerateFiles(stockage, "*", SearchOption.AllDirectories).All(p => !Contient(p, echantillon)),
                    "aucun fichier du stockage ne contient l'échantillon en clair");

                // Restarted on the same address and folders once the leftover is older than the sweep's 5 s.
                await Task.Delay(TimeSpan.FromSeconds(6));
                await hote.DisposeAsync();
                hote = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage, hote.Url, reglages);
                Console.WriteLine($"Host redémarré (pid {hote.Pid}) {(DateTime.UtcNow - tue).TotalSeconds:0.0} s après la panne");
                attente.Restart();
                while (File.Exists(partiel) && attente.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(100);
                }
                Verifier(!File.Exists(partiel), $"le nettoyage au démarrage a supprimé l'écriture interrompue ({attente.Elapsed.TotalSeconds:0.0} s après le démarrage)");
                var html = await client.GetStringAsync(page);
                Verifier(!html.Contains("pieces-volumineuses.zip", StringComparison.Ordinal), "aucune pièce n'est enregistrée pour le dépôt interrompu");

                // The same bidder, same cookies, sends the piece again.
                var chrono = Stopwatch.StartNew();
                var (code2, sortie) = await CurlAsync(url, cookies, await client.JetonAsync(page), source);
                var duree = chrono.Elapsed;
                html = await client.GetStringAsync(page);
                Verifier(code2 == 302 && Regex.IsMatch(html, "pieces-volumineuses\\.zip") && html.Contains(sha[..16], StringComparison.Ordinal),
                    $"le soumissionnaire, toujours connecté, redépose la pièce : HTTP {code2}, {Taille / 1024d / 1024 / duree.TotalSeconds:0} MiB/s, SHA-256 {sha[..16]}… affichée"
                    + (code2 == 302 ? "" : $" ({sortie.Trim()})"));
                Verifier(!Directory.EnumerateFiles(stockage, "*.partiel", SearchOption.AllDirectories).Any(), "plus aucune écriture inachevée dans le stockage");
            }
            finally
            {
                await hote.DisposeAsync();
            }
            return ok;
        }
        finally
        {
            Directory.Delete(racine, recursive: true);
        }
    }

    /// <summary>Whether <paramref name="motif"/> occurs in the file (read in 1 MiB windows that overlap by the pattern's length).</summary>
    private static bool Contient(string chemin, byte[] motif)
    {
        using var fichier = new FileStream(chemin, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0);
        var tampon = new byte[1024 * 1024 + motif.Length];
        var garde = 0;
        int lus;
        while ((lus = fichier.Read(tampon, garde, tampon.Length - garde)) > 0)
        {
            var n = garde + lus;
            if (tampon.AsSpan(0, n).IndexOf(motif) >= 0)
            {
                return true;
            }
            garde = Math.Min(motif.Length - 1, n);
            tampon.AsSpan(n - garde, garde).CopyTo(tampon);
        }
        return false;
    }
}
