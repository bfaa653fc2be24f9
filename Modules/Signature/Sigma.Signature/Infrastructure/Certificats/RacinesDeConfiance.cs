using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Signature.Infrastructure.Certificats;

/// <summary>
/// The trusted roots: the certificates (.cer, .crt, .pem) of the folder <c>Signature:RacinesDeConfiance</c>
/// (default: <c>&lt;données&gt;/signature/racines-de-confiance</c>), and the services of the ETSI TS 119 612 trusted
/// lists (.xml) found in that folder or named by <c>Signature:ListeDeConfiance</c>. A root is trusted by its key: two
/// certificates of the same key (a root re-issued with new dates) are the same anchor. Files are read again when they change.
/// </summary>
internal sealed class RacinesDeConfiance(IConfiguration configuration, ILogger<RacinesDeConfiance> logger)
{
    private static readonly string[] Extensions = [".cer", ".crt", ".pem", ".der"];
    private readonly Lock _verrou = new();
    private (string Empreinte, IReadOnlyList<X509Certificate2> Racines, IReadOnlySet<string> Qualifiees) _cache = ("", [], new HashSet<string>());

    public string Dossier { get; } = configuration["Signature:RacinesDeConfiance"] is { Length: > 0 } d
        ? d : Path.Combine(StockageFichiers.DossierDonnees(configuration), "signature", "racines-de-confiance");

    private readonly string? _liste = configuration["Signature:ListeDeConfiance"] is { Length: > 0 } l ? l : null;

    public IReadOnlyList<X509Certificate2> Racines() => Charger().Racines;

    /// <summary>The keys (see <see cref="Cle"/>) of the anchors a trusted list names as issuers of qualified certificates (CA/QC).</summary>
    public IReadOnlySet<string> ClesQualifiees() => Charger().Qualifiees;

    private (string Empreinte, IReadOnlyList<X509Certificate2> Racines, IReadOnlySet<string> Qualifiees) Charger()
    {
        var fichiers = Directory.Exists(Dossier)
            ? Directory.EnumerateFiles(Dossier).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) || EstListe(f)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (_liste is not null && File.Exists(_liste))
        {
            fichiers.Add(_liste);
        }
        var empreinte = string.Join('|', fichiers.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
        lock (_verrou)
        {
            if (empreinte != _cache.Empreinte)
            {
                var services = fichiers.Where(EstListe).SelectMany(LireListe).ToList();
                var racines = fichiers.Where(f => !EstListe(f)).SelectMany(Lire).Concat(services.Select(s => s.Certificat)).ToList();
                _cache = (empreinte, racines, services.Where(s => s.Qualifie).Select(s => Convert.ToHexString(Cle(s.Certificat))).ToHashSet());
            }
            return _cache;
        }
    }

    private static bool EstListe(string fichier) => Path.GetExtension(fichier).Equals(".xml", StringComparison.OrdinalIgnoreCase);

    private IEnumerable<ServiceDeConfiance> LireListe(string fichier)
    {
        try
        {
            using var flux = File.OpenRead(fichier);
            return ListeDeConfiance.Lire(flux);
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Liste de confiance illisible : {Fichier}", fichier);
            return [];
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
