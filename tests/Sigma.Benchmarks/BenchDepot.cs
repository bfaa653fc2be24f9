using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Sigma.Benchmarks;

/// <summary>
/// Benchmark 3: a bidder uploads a 1 GiB piece to its response, sent by <c>curl</c> in its own process (so that the
/// client does not share the measure). The upload is streamed to sealed (encrypted) storage with its SHA-256 computed
/// on the way; it is compared with what this machine does in the same run for each stage alone — SHA-256, AES-GCM,
/// a write with fsync — and must reach 0.7 × the slowest of them, the Host's resident memory growing by 64 MB at most.
/// </summary>
internal static partial class BenchDepot
{
    private const long Taille = 1024L * 1024 * 1024;
    private const long CroissanceMax = 64L * 1024 * 1024;
    private const double RapportCible = 0.7;
    private const int Bloc = 64 * 1024;

    public static async Task<bool> ExecuterAsync()
    {
        Format.Titre($"Dépôt d'une pièce de {Format.Mo(Taille)} dans une réponse (flux chiffré, empreinte à la volée, client curl)");
        var stockage = Directory.CreateTempSubdirectory("sigma-bench-depot-").FullName;
        var source = Path.Combine(Directory.CreateTempSubdirectory("sigma-bench-source-").FullName, "pieces-volumineuses.zip");
        try
        {
            var sha = EcrireSource(source);
            var etapes = MesurerEtapes(stockage);
            foreach (var (nom, debitEtape) in etapes)
            {
                Console.WriteLine($"Référence, même machine, même exécution — {nom} seul, un cœur : {debitEtape:0.0} MiB/s");
            }
            var (etapeLente, debitLent) = etapes.MinBy(e => e.Debit);
            // The stage the three others wait for: the request itself, received and cut into its parts by Kestrel as Sigma
            // does it, its bytes thrown away.
            var (reception, brute) = await MesurerReceptionAsync(source);
            Console.WriteLine($"Référence, même machine, même exécution — réception HTTP seule (Kestrel et MultipartReader, rien d'autre, même envoi par curl) : {reception:0.0} MiB/s");
            // The transport's own ceiling: the same bytes as a bare request body (curl -T), not even cut into parts.
            Console.WriteLine($"Référence, même machine, même exécution — réception HTTP brute (corps seul, sans multipart, curl -T) : {brute:0.0} MiB/s, "
                + $"soit {brute / debitLent:0.00} de l'étape la plus lente avant tout travail");

            await using var base_ = await TestDatabase.CreateAsync();
            await using var smtp = await SmtpDeTest.StartAsync();
            await using var hote = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage);
            var conteneur = new CookieContainer();
            using var client = NavigateurSigma.Nouveau(hote.Url, conteneur);
            var reponseId = await ConnecterEtCommencerAsync(client);
            var page = $"/reponses/{reponseId}/candidature/pieces";
            var jeton = await client.JetonAsync(page);
            var url = new Uri(new Uri(hote.Url), $"/reponses/{reponseId}/pieces");
            var cookies = conteneur.GetCookieHeader(url);

            // Warm the endpoint with a small piece, so that the measure is the upload and not the first JIT.
            var echauffement = Path.Combine(Path.GetDirectoryName(source)!, "echauffement.pdf");
            await File.WriteAllBytesAsync(echauffement, new byte[1024]);
            (await CurlAsync(url, cookies, jeton, echauffement)).Code.ShouldBe302("échauffement");
            GC.Collect();
            await Task.Delay(1000);
            var rssAvant = hote.Rss();
            var cpuAvant = hote.TempsCpu();
            using var trace = Profil.Demarrer(hote.Pid);
            var chrono = Stopwatch.StartNew();
            (int Code, string Sortie) envoi;
            List<(TimeSpan Instant, long Rss, long Octets)> echantillons;
            await using (var echantillonneur = new EchantillonneurMemoire(hote, () => 0))
            {
                envoi = await CurlAsync(url, cookies, jeton, source);
                chrono.Stop();
                echantillons = echantillonneur.Echantillons;
            }
            envoi.Code.ShouldBe302("dépôt de 1 Gio");
            trace?.Arreter();
            var cpu = hote.TempsCpu() - cpuAvant;
            var pic = echantillons.Max(e => e.Rss);
            var croissance = pic - rssAvant;
            var debit = Taille / 1024d / 1024 / chrono.Elapsed.TotalSeconds;
            var rapport = debit / debitLent;
            var html = await client.GetStringAsync(page);
            var affichee = Regex.IsMatch(html, "pieces-volumineuses\\.zip") && html.Contains(sha[..16], StringComparison.Ordinal);
            Console.WriteLine($"Débit du dépôt : {debit:0.0} MiB/s ({chrono.Elapsed.TotalSeconds:0.00} s) ; CPU du Host {cpu.TotalSeconds:0.00} s, soit {cpu / chrono.Elapsed:0.00} cœur ; CPU de curl {_cpuCurl.TotalSeconds:0.00} s");
            Console.WriteLine($"Rapport au plus lent des étapes ({etapeLente}, {debitLent:0.0} MiB/s) : {rapport:0.00} (cible ≥ {RapportCible:0.0})");
            Console.WriteLine($"Rapport à la réception HTTP seule ({reception:0.0} MiB/s) : {debit / reception:0.00}");
            Console.WriteLine($"RSS du Host : {Format.Mo(rssAvant)} avant, pic {Format.Mo(pic)} pendant => croissance {Format.Mo(croissance)} (cible < {Format.Mo(CroissanceMax)})");
            Console.WriteLine($"Empreinte SHA-256 du fichier envoyé {sha[..16]}… {(affichee ? "affichée par Sigma" : "ABSENTE de la page")}");
            var stocke = Directory.EnumerateFiles(Path.Combine(stockage, "reponses"), "*", SearchOption.AllDirectories).Max(f => new FileInfo(f).Length);
            Console.WriteLine($"Fichier scellé stocké : {Format.Mo(stocke)} (surcoût du chiffrement par blocs de 64 Kio : {stocke - Taille:N0} octets)");
            return croissance < CroissanceMax && affichee && rapport >= RapportCible;
        }
        finally
        {
            Directory.Delete(stockage, recursive: true);
            Directory.Delete(Path.GetDirectoryName(source)!, recursive: true);
        }
    }

    /// <summary>
    /// The same upload by curl to a bare Kestrel endpoint (with the Host's 64 KiB memory blocks) that reads the multipart
    /// body as Sigma does (64 KiB blocks) and keeps nothing; then the file as a bare request body (curl -T), read from Kestrel's pipe and dropped.
    /// </summary>
    private static async Task<(double Multipart, double Brute)> MesurerReceptionAsync(string source)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Kestrel's memory as Sigma's Host sets it (64 KiB blocks).
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>, Sigma.Host.Web.BlocsDeReception>(builder.Services);
        var port = ProcessusSigma.PortLibre();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.ListenLocalhost(port);
        });
        await using var app = builder.Build();
        app.MapPost("/recevoir", async (Microsoft.AspNetCore.Http.HttpContext http) =>
        {
            var frontiere = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(http.Request.ContentType).Boundary.Value!.Trim('"');
            var lecteur = new Microsoft.AspNetCore.WebUtilities.MultipartReader(frontiere, http.Request.Body, Bloc);
            var tampon = new byte[Bloc];
            for (var section = await lecteur.ReadNextSectionAsync(); section is not null; section = await lecteur.ReadNextSectionAsync())
            {
                while (await section.Body.ReadAsync(tampon) > 0)
                {
                }
            }
            return Microsoft.AspNetCore.Http.Results.Redirect("/");
        });
        app.MapPut("/brut", async (Microsoft.AspNetCore.Http.HttpContext http) =>
        {
            var corps = http.Request.BodyReader;
            for (var lu = await corps.ReadAsync(); ; lu = await corps.ReadAsync())
            {
                corps.AdvanceTo(lu.Buffer.End);
                if (lu.IsCompleted)
                {
                    break;
                }
            }
            return Microsoft.AspNetCore.Http.Results.Redirect("/");
        });
        await app.StartAsync();
        var url = new Uri($"http://localhost:{port}/recevoir");
        (await CurlAsync(url, "", "-", source)).Code.ShouldBe302("réception seule (échauffement)");
        var chrono = Stopwatch.StartNew();
        (await CurlAsync(url, "", "-", source)).Code.ShouldBe302("réception seule");
        var debit = Taille / 1024d / 1024 / chrono.Elapsed.TotalSeconds;
        var brut = new Uri($"http://localhost:{port}/brut");
        (await CurlAsync(brut, "", null, source)).Code.ShouldBe302("réception brute (échauffement)");
        chrono.Restart();
        (await CurlAsync(brut, "", null, source)).Code.ShouldBe302("réception brute");
        var debitBrut = Taille / 1024d / 1024 / chrono.Elapsed.TotalSeconds;
        await app.StopAsync();
        return (debit, debitBrut);
    }

    /// <summary>1 GiB of incompressible bytes written once to a file curl will read (from the page cache); its SHA-256.</summary>
    private static string EcrireSource(string chemin)
    {
        var alea = new Random(42);
        var tampon = new byte[Bloc * 16];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var fichier = new FileStream(chemin, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
        {
            for (long ecrit = 0; ecrit < Taille; ecrit += tampon.Length)
            {
                alea.NextBytes(tampon);
                sha.AppendData(tampon);
                fichier.Write(tampon);
            }
        }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Each stage of the upload alone over 1 GiB, in 64 KiB blocks as the storage does them, on one thread.</summary>
    private static List<(string Nom, double Debit)> MesurerEtapes(string dossier)
    {
        var donnees = RandomNumberGenerator.GetBytes(Bloc * 256);
        double Mesurer(Action<ReadOnlySpan<byte>> etape, Action? fin = null)
        {
            var chrono = Stopwatch.StartNew();
            for (long fait = 0; fait < Taille; fait += Bloc)
            {
                etape(donnees.AsSpan((int)(fait % donnees.Length), Bloc));
            }
            fin?.Invoke();
            return Taille / 1024d / 1024 / chrono.Elapsed.TotalSeconds;
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hachage = Mesurer(b => sha.AppendData(b), () => sha.GetHashAndReset());
        using var aes = new AesGcm(RandomNumberGenerator.GetBytes(32), 16);
        var nonce = new byte[12];
        var chiffre = new byte[Bloc];
        var tag = new byte[16];
        var chiffrement = Mesurer(b => aes.Encrypt(nonce, b, chiffre, tag));
        var chemin = Path.Combine(dossier, "reference-ecriture");
        double ecriture;
        using (var fichier = new FileStream(chemin, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
        {
            ecriture = Mesurer(b => fichier.Write(b), () => fichier.Flush(flushToDisk: true));
        }
        File.Delete(chemin);
        return [("SHA-256", hachage), ("AES-256-GCM", chiffrement), ("écriture + fsync", ecriture)];
    }

    /// <summary>The upload as a browser's form sends it (token and kind of piece before the file), by curl.</summary>
    private static TimeSpan _cpuCurl;

    /// <param name="jeton">Null: the file is sent as the bare body of a PUT (<c>curl -T</c>), not as a form.</param>
    private static async Task<(int Code, string Sortie)> CurlAsync(Uri url, string cookies, string? jeton, string fichier)
    {
        // Through sh, whose « times » gives curl's CPU time (a process that has exited has no /proc to read).
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] corps = jeton is null ? ["-T", fichier]
            : ["-F", $"__RequestVerificationToken={jeton}", "-F", "categorie=AutreCandidature", "-F", $"fichier=@{fichier};type=application/zip"];
        foreach (var a in new[] { "-c", "curl \"$@\"; times >&2", "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Expect:", "-H", $"Cookie: {cookies}" }
                     .Concat(corps).Append(url.ToString()))
        {
            info.ArgumentList.Add(a);
        }
        using var curl = Process.Start(info)!;
        var sortie = await curl.StandardOutput.ReadToEndAsync();
        var erreurs = await curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        var temps = Regex.Matches(erreurs.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "", @"(\d+)m([\d.]+)s");
        _cpuCurl = TimeSpan.FromSeconds(temps.Sum(m => int.Parse(m.Groups[1].Value, Format.Inv) * 60 + double.Parse(m.Groups[2].Value, Format.Inv)));
        return (int.TryParse(sortie.Trim(), out var code) ? code : 0, sortie + erreurs);
    }

    private static void ShouldBe302(this int code, string etape)
    {
        if (code != 302)
        {
            throw new InvalidOperationException($"{etape} : HTTP {code} au lieu de 302");
        }
    }

    /// <summary>Signs in as the demo organisation's admin and starts a response to 2027-PP-003; returns it.</summary>
    private static async Task<Guid> ConnecterEtCommencerAsync(HttpClient client)
    {
        using (var connexion = await client.ConnecterAsync("admin.demo", "Sigma-Demo-2026!"))
        {
            NavigateurSigma.Attendre(connexion, HttpStatusCode.Redirect, "connexion de admin.demo");
        }
        return await CommencerAsync(client);
    }

    private static async Task<Guid> CommencerAsync(HttpClient client)
    {
        var liste = await client.GetStringAsync("/consultations?q=2027-PP-003");
        var consultation = LienConsultation().Match(liste).Groups[1].Value;
        for (var essai = 0; essai < 100; essai++)
        {
            using var r = await client.PostAsync("/reponses/commencer", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await client.JetonAsync($"/consultations/{consultation}"), ["consultationId"] = consultation,
            }));
            var lieu = r.Headers.Location?.ToString() ?? "";
            if (lieu.StartsWith("/reponses/", StringComparison.Ordinal))
            {
                return Guid.Parse(lieu.Split('/').Last());
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("Le module Réponses ne connaît pas la consultation 2027-PP-003.");
    }

    [GeneratedRegex("href=\"/consultations/([0-9a-f-]{36})\"")]
    private static partial Regex LienConsultation();
}
