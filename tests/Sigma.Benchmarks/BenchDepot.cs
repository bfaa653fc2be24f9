using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Sigma.Benchmarks;

/// <summary>
/// Benchmark 3: a bidder uploads a 1 GiB piece to its response. The upload is streamed to sealed (encrypted) storage with
/// its SHA-256 computed on the way: the Host's resident memory must not grow by more than ~64 MB.
/// </summary>
internal static partial class BenchDepot
{
    private const long Taille = 1024L * 1024 * 1024;
    private const long CroissanceMax = 64L * 1024 * 1024;

    public static async Task<bool> ExecuterAsync()
    {
        Format.Titre($"Dépôt d'une pièce de {Format.Mo(Taille)} dans une réponse (flux chiffré, empreinte à la volée)");
        var stockage = Directory.CreateTempSubdirectory("sigma-bench-depot-").FullName;
        try
        {
            await using var base_ = await TestDatabase.CreateAsync();
            await using var smtp = await SmtpDeTest.StartAsync();
            await using var hote = await HoteSigma.DemarrerAsync(base_.ConnectionString, smtp.Port, stockage);
            using var client = NavigateurSigma.Nouveau(hote.Url);
            client.Timeout = TimeSpan.FromMinutes(30);
            using (var connexion = await client.ConnecterAsync("admin.demo", "Sigma-Demo-2026!"))
            {
                NavigateurSigma.Attendre(connexion, HttpStatusCode.Redirect, "connexion de admin.demo");
            }
            var reponseId = await CommencerAsync(client);
            var page = $"/reponses/{reponseId}/candidature/pieces";
            var jeton = await client.JetonAsync(page);

            // Warm the endpoint with a small piece, so that the measure is the upload and not the first JIT.
            await DeposerAsync(client, reponseId, jeton, new MemoryStream(new byte[1024]), "echauffement.pdf");
            GC.Collect();
            await Task.Delay(1000);
            var rssAvant = hote.Rss();
            var source = new FluxPseudoAleatoire(Taille);
            var chrono = Stopwatch.StartNew();
            await using (var echantillons = new EchantillonneurMemoire(hote, () => source.Position))
            {
                var reponse = await DeposerAsync(client, reponseId, jeton, source, "pieces-volumineuses.zip");
                NavigateurSigma.Attendre(reponse, HttpStatusCode.Redirect, "dépôt de 1 Gio");
                chrono.Stop();
                var pic = echantillons.Echantillons.Max(e => e.Rss);
                var croissance = pic - rssAvant;
                var sha = source.Empreinte();
                var html = await client.GetStringAsync(page);
                var affichee = Regex.IsMatch(html, "pieces-volumineuses\\.zip") && html.Contains(sha[..16], StringComparison.Ordinal);
                Console.WriteLine($"Débit : {Taille / 1024d / 1024 / chrono.Elapsed.TotalSeconds:0.0} MiB/s ({chrono.Elapsed.TotalSeconds:0.0} s)");
                Console.WriteLine($"RSS du Host : {Format.Mo(rssAvant)} avant, pic {Format.Mo(pic)} pendant => croissance {Format.Mo(croissance)} (cible < {Format.Mo(CroissanceMax)})");
                Console.WriteLine($"Empreinte SHA-256 calculée par le client {sha[..16]}… {(affichee ? "affichée par Sigma" : "ABSENTE de la page")}");
                var stocke = Directory.EnumerateFiles(Path.Combine(stockage, "reponses"), "*", SearchOption.AllDirectories).Max(f => new FileInfo(f).Length);
                Console.WriteLine($"Fichier scellé stocké : {Format.Mo(stocke)} (surcoût du chiffrement par blocs de 64 Kio : {stocke - Taille:N0} octets)");
                return croissance < CroissanceMax && affichee;
            }
        }
        finally
        {
            Directory.Delete(stockage, recursive: true);
        }
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

    private static async Task<HttpResponseMessage> DeposerAsync(HttpClient client, Guid reponseId, string jeton, Stream contenu, string nom)
    {
        var formulaire = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new StringContent("AutreCandidature"), "categorie" },
        };
        var fichier = new StreamContent(contenu, 81920);
        fichier.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        formulaire.Add(fichier, "fichier", nom);
        return await client.PostAsync($"/reponses/{reponseId}/pieces", formulaire);
    }

    [GeneratedRegex("href=\"/consultations/([0-9a-f-]{36})\"")]
    private static partial Regex LienConsultation();

    /// <summary>1 GiB of incompressible bytes produced on the fly (never held in memory), hashed as they are read.</summary>
    private sealed class FluxPseudoAleatoire(long taille) : Stream
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly Random _alea = new(42);
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => taille;
        public override long Position { get => Interlocked.Read(ref _position); set => throw new NotSupportedException(); }

        public string Empreinte() => Convert.ToHexString(_sha.GetHashAndReset()).ToLowerInvariant();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, taille - _position);
            _alea.NextBytes(buffer.AsSpan(offset, n));
            _sha.AppendData(buffer, offset, n);
            Interlocked.Add(ref _position, n);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
