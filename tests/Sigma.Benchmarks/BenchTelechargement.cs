using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Sigma.Benchmarks;

/// <summary>
/// Benchmark 2: a 200 MB DCE (4 × 50 MiB of random bytes, incompressible like real PDFs) zipped and streamed by the Host
/// process to 20 concurrent anonymous clients, against 20 concurrent plain reads of the same stored bytes in the same run.
/// The Host's resident memory is sampled every 100 ms: it must stay flat, whatever the size of the download.
/// </summary>
internal static class BenchTelechargement
{
    private const int Clients = 20;
    private const int NombreFichiers = 4;
    private const int TailleFichier = 50 * 1024 * 1024;

    /// <summary>Rounds of 20 downloads (SIGMA_BENCH_TOURS, 1 to 10, default 3): a leak climbs round after round, a steady state does not.</summary>
    private static readonly int Tours = Math.Clamp(int.TryParse(Environment.GetEnvironmentVariable("SIGMA_BENCH_TOURS"), out var t) ? t : 3, 1, 10);

    public static async Task<bool> ExecuterAsync()
    {
        Format.Titre($"Téléchargement zip d'un DCE de {Format.Mo((long)NombreFichiers * TailleFichier)} par {Clients} clients simultanés");
        var dossier = Directory.CreateTempSubdirectory("sigma-bench-dce-").FullName;
        try
        {
            return await ExecuterDansAsync(dossier);
        }
        finally
        {
            Directory.Delete(dossier, recursive: true);
        }
    }

    private static async Task<bool> ExecuterDansAsync(string dossier)
    {
        var envoi = Directory.CreateDirectory(Path.Combine(dossier, "envoi")).FullName;
        var stockage = Directory.CreateDirectory(Path.Combine(dossier, "stockage")).FullName;
        var empreintes = GenererFichiers(envoi);

        await using var base_ = await TestDatabase.CreateAsync();
        await using var smtp = await SmtpDeTest.StartAsync();
        await using var hote = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage);
        Console.WriteLine($"Sigma.Host pid {hote.Pid} sur {hote.Url} ; RSS au démarrage : {Format.Mo(hote.Rss())}");

        using var agent = await NavigateurSigma.AgentAsync(hote.Url);
        var id = await NavigateurSigma.CreerConsultationAsync(agent, $"BENCH-DCE-{DateTime.UtcNow:HHmmss}");
        var chrono = Stopwatch.StartNew();
        await NavigateurSigma.DeposerDceAsync(agent, id, empreintes.Keys.Select(nom => Path.Combine(envoi, nom)));
        Console.WriteLine($"DCE déposé (multipart, {Format.Mo((long)NombreFichiers * TailleFichier)}) en {chrono.Elapsed.TotalSeconds:0.0} s ; RSS après le dépôt : {Format.Mo(hote.Rss())}");
        await NavigateurSigma.PublierAsync(agent, id);
        var stockes = Directory.GetFiles(Path.Combine(stockage, "dce", id.ToString("N")));
        var octetsDce = stockes.Sum(f => new FileInfo(f).Length);

        // 1. The baseline: the same stored bytes read from disk by 20 concurrent readers, in this process.
        var lecture = await Debits.MesurerAsync(Clients, (_, compter) => Debits.LireAsync(stockes, compter));
        Console.WriteLine();
        Console.WriteLine($"{"",-38} {"total",11} {"durée",8} {"débit total",14} {"par client p50 / p95 / max (s)",32}");
        Afficher("lecture disque simple (FileStream)", lecture);

        // 2. The zip download by 20 anonymous clients, round after round, the Host's memory sampled meanwhile.
        var rssInitial = hote.Rss();
        Resultat? dernier = null;
        for (var tour = 1; tour <= Tours; tour++)
        {
            dernier = await TourDeTelechargementAsync(hote, id, tour, rssInitial);
        }
        Console.WriteLine($"Rapport : le zip HTTP livre {dernier!.MioParSeconde / lecture.MioParSeconde * 100:0.0} % du débit de la lecture simple " +
                          $"({dernier.MioParSeconde:0.0} contre {lecture.MioParSeconde:0.0} MiB/s).");

        // 3. Why: what the zip costs one core, at the level the endpoint uses and without compression.
        foreach (var niveau in new[] { CompressionLevel.Fastest, CompressionLevel.NoCompression })
        {
            var (debit, taille) = Debits.CoutZip(stockes, niveau);
            Console.WriteLine($"Zip seul, un cœur, {niveau,-13} : {debit,7:0.0} MiB/s de fichiers, zip de {Format.Mo(taille)} pour {Format.Mo(octetsDce)}");
        }

        return await VerifierZipAsync(hote.Url, id, empreintes, dossier);
    }

    private static async Task<Resultat> TourDeTelechargementAsync(HoteSigma hote, Guid id, int tour, long rssInitial)
    {
        await Task.Delay(1000);
        var rssAvant = hote.Rss();
        var cpuAvant = hote.TempsCpu();
        var visiteurs = Enumerable.Range(0, Clients).Select(_ => NavigateurSigma.Nouveau(hote.Url)).ToList();
        var demandes = await Task.WhenAll(visiteurs.Select(v => NavigateurSigma.DemandeTelechargementAsync(v, id)));
        long livres = 0;
        Resultat resultat;
        List<(TimeSpan Instant, long Rss, long Octets)> echantillons;
        await using (var memoire = new EchantillonneurMemoire(hote, () => Interlocked.Read(ref livres)))
        {
            resultat = await Debits.MesurerAsync(Clients, async (i, compter) =>
            {
                using var reponse = await visiteurs[i].SendAsync(demandes[i], HttpCompletionOption.ResponseHeadersRead);
                reponse.EnsureSuccessStatusCode();
                await using var corps = await reponse.Content.ReadAsStreamAsync();
                var tampon = new byte[Debits.Tampon];
                int lus;
                while ((lus = await corps.ReadAsync(tampon)) > 0)
                {
                    compter(lus);
                    Interlocked.Add(ref livres, lus);
                }
            });
            await Task.Delay(2000);
            echantillons = memoire.Echantillons;
        }
        var cpuHote = hote.TempsCpu() - cpuAvant;
        var rssApres = hote.Rss();
        visiteurs.ForEach(v => v.Dispose());

        Afficher($"téléchargement zip HTTP, tour {tour}", resultat);
        Console.WriteLine($"  un zip : {Format.Mo(resultat.Octets / Clients)} ; CPU du Host : {cpuHote.TotalSeconds:0.0} s en {resultat.Duree.TotalSeconds:0.0} s " +
                          $"({cpuHote / resultat.Duree:0.00} cœur sur {Environment.ProcessorCount}) ; charge (loadavg) {Charge.Moyenne()}");
        var pic = echantillons.Max(e => e.Rss);
        Console.WriteLine($"  mémoire du Host (VmRSS, {echantillons.Count} échantillons à 100 ms) : avant {Format.Mo(rssAvant)}, pic {Format.Mo(pic)} " +
                          $"(+{Format.Mo(pic - rssAvant)} sur le tour, +{Format.Mo(pic - rssInitial)} depuis le 1er tour), après {Format.Mo(rssApres)} ; VmHWM {Format.Mo(hote.RssMax())}");
        var parts = new[] { 0.1, 0.25, 0.5, 0.75, 1.0 }.Select(part =>
        {
            var e = echantillons.FirstOrDefault(x => x.Octets >= resultat.Octets * part * 0.999, echantillons[^1]);
            return $"{part * 100:0} % : {e.Rss / (1024d * 1024):0}";
        });
        Console.WriteLine($"  RSS (MiB) selon la part des octets livrés — {string.Join(" ; ", parts)}");
        return resultat;
    }

    private static void Afficher(string nom, Resultat r) =>
        Console.WriteLine($"{nom,-38} {Format.Mo(r.Octets),11} {r.Duree.TotalSeconds,7:0.00}s {Format.Debit(r.Octets, r.Duree),14} " +
                          $"{$"{r.ParClient.P50:0.00} / {r.ParClient.P95:0.00} / {r.ParClient.Max:0.00}",32}");

    /// <summary>Incompressible files (random bytes from a fixed seed), written to disk 1 MiB at a time; returns name → SHA-256.</summary>
    private static Dictionary<string, string> GenererFichiers(string dossier)
    {
        var alea = new Random(200);
        var bloc = new byte[1024 * 1024];
        var empreintes = new Dictionary<string, string>();
        for (var i = 1; i <= NombreFichiers; i++)
        {
            var nom = $"DCE-piece-{i}-CCTP-annexes.pdf";
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var fichier = File.Create(Path.Combine(dossier, nom)))
            {
                for (var m = 0; m < TailleFichier / bloc.Length; m++)
                {
                    alea.NextBytes(bloc);
                    sha.AppendData(bloc);
                    fichier.Write(bloc);
                }
            }
            empreintes[nom] = Convert.ToHexString(sha.GetHashAndReset());
        }
        return empreintes;
    }

    /// <summary>One more download, after the measures, saved and opened: every file must come back byte for byte.</summary>
    private static async Task<bool> VerifierZipAsync(string url, Guid id, Dictionary<string, string> empreintes, string dossier)
    {
        var chemin = Path.Combine(dossier, "verification.zip");
        using (var visiteur = NavigateurSigma.Nouveau(url))
        {
            using var reponse = await visiteur.SendAsync(await NavigateurSigma.DemandeTelechargementAsync(visiteur, id), HttpCompletionOption.ResponseHeadersRead);
            reponse.EnsureSuccessStatusCode();
            await using var fichier = File.Create(chemin);
            await reponse.Content.CopyToAsync(fichier);
        }
        var ok = true;
        using (var zip = ZipFile.OpenRead(chemin))
        {
            foreach (var (nom, attendu) in empreintes)
            {
                var entree = zip.GetEntry(nom);
                await using var flux = entree?.Open();
                var recu = flux is null ? "absent" : Convert.ToHexString(await SHA256.HashDataAsync(flux));
                ok &= recu == attendu;
            }
            Console.WriteLine(ok ? $"Vérification : le zip contient les {zip.Entries.Count} fichiers, identiques octet pour octet (SHA-256)." : "Vérification : ÉCHEC, le zip ne rend pas les fichiers déposés.");
        }
        File.Delete(chemin);
        return ok;
    }
}
