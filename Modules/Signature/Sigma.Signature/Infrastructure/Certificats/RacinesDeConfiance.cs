using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Signature.Infrastructure.Certificats;

/// <summary>
/// The trusted roots: the certificates (.cer, .crt, .pem) of the folder <c>Signature:RacinesDeConfiance</c>
/// (default: <c>&lt;données&gt;/signature/racines-de-confiance</c>). A root is trusted by its key: two certificates of the
/// same key (a root re-issued with new dates) are the same anchor. The folder is read again when it changes.
/// </summary>
internal sealed class RacinesDeConfiance(IConfiguration configuration, ILogger<RacinesDeConfiance> logger)
{
    private static readonly string[] Extensions = [".cer", ".crt", ".pem", ".der"];
    private readonly Lock _verrou = new();
    private (string Empreinte, IReadOnlyList<X509Certificate2> Racines) _cache = ("", []);

    public string Dossier { get; } = configuration["Signature:RacinesDeConfiance"] is { Length: > 0 } d
        ? d : Path.Combine(StockageFichiers.DossierDonnees(configuration), "signature", "racines-de-confiance");

    public IReadOnlyList<X509Certificate2> Racines()
    {
        var fichiers = Directory.Exists(Dossier)
            ? Directory.EnumerateFiles(Dossier).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList()
            : [];
        var empreinte = string.Join('|', fichiers.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
        lock (_verrou)
        {
            if (empreinte != _cache.Empreinte)
            {
                _cache = (empreinte, fichiers.SelectMany(Lire).ToList());
            }
            return _cache.Racines;
        }
    }

    public static byte[] Cle(X509Certificate2 certificat) => SHA256.HashData(certificat.PublicKey.ExportSubjectPublicKeyInfo());

    private IEnumerable<X509Certificate2> Lire(string fichier)
    {
        try
        {
            var texte = File.ReadAllBytes(fichier);
            if (System.Text.Encoding.ASCII.GetString(texte).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                var collection = new X509Certificate2Collection();
                collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(texte));
                return collection;
            }
            return [X509CertificateLoader.LoadCertificate(texte)];
        }
        catch (CryptographicException e)
        {
            logger.LogWarning(e, "Racine de confiance illisible : {Fichier}", fichier);
            return [];
        }
    }
}
