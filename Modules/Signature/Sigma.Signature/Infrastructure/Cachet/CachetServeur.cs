using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Signature.Contracts;
using Sigma.Signature.Infrastructure.Pdf;

namespace Sigma.Signature.Infrastructure.Cachet;

/// <summary>
/// The platform's seal, the « cachet serveur »: the PKCS#12 of <c>Sigma:Cachet:Pkcs12</c> (password
/// <c>Sigma:Cachet:MotDePasse</c>), or — when none is configured — a demonstration seal Sigma makes for itself on first use:
/// a demonstration authority (trusted by this platform's own verification page, so that it
/// recognises it — in memory, not among the configured roots) and a seal certificate whose name says it is for
/// demonstration. Kept in the data folder, never in the database.
/// </summary>
internal sealed class CachetServeur
{
    private readonly Lazy<(X509Certificate2 Certificat, IReadOnlyList<X509Certificate2> Autorites, bool Demonstration)> _cachet;

    public CachetServeur(IConfiguration configuration, ILogger<CachetServeur> logger)
    {
        _cachet = new(() =>
        {
            if (configuration["Sigma:Cachet:Pkcs12"] is { Length: > 0 } chemin)
            {
                var tous = X509CertificateLoader.LoadPkcs12CollectionFromFile(chemin, configuration["Sigma:Cachet:MotDePasse"], X509KeyStorageFlags.EphemeralKeySet);
                var certificat = tous.FirstOrDefault(c => c.HasPrivateKey) ?? throw new InvalidOperationException($"Le cachet serveur {chemin} n'a pas de clé privée.");
                return (certificat, tous.Where(c => !c.HasPrivateKey).ToList(), false);
            }
            var dossier = Path.Combine(StockageFichiers.DossierDonnees(configuration), "signature");
            var (cachet, autorite) = Demonstration(dossier);
            logger.LogWarning("Cachet serveur de démonstration (auto-signé, {Fichier}) : configurez Sigma:Cachet:Pkcs12 pour la production.", Path.Combine(dossier, FichierDemo));
            return (cachet, [autorite], true);
        });
    }

    private const string FichierDemo = "cachet-serveur-demonstration.p12";

    /// <summary>The authorities the verification trusts besides the configured ones: the demonstration seal's own (none for a configured seal).</summary>
    public IReadOnlyList<X509Certificate2> AutoritesReconnues => _cachet.Value.Demonstration ? _cachet.Value.Autorites : [];

    public byte[] Sceller(byte[] pdf, DateTimeOffset maintenant, Func<byte[], byte[]>? horodateur) =>
        SignatairePades.Signer(pdf, _cachet.Value.Certificat, _cachet.Value.Autorites, maintenant, horodateur: horodateur).Pdf;

    /// <summary>The demonstration seal, made once (two nodes starting together: the first file written wins).</summary>
    private static (X509Certificate2 Cachet, X509Certificate2 Autorite) Demonstration(string dossier)
    {
        var fichier = Path.Combine(dossier, FichierDemo);
        if (!File.Exists(fichier))
        {
            Directory.CreateDirectory(dossier);
            var temporaire = $"{fichier}.{Guid.NewGuid():N}";
            File.WriteAllBytes(temporaire, Fabriquer());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporaire, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                File.Move(temporaire, fichier);
            }
            catch (IOException) when (File.Exists(fichier))
            {
                File.Delete(temporaire);
            }
        }
        var tous = X509CertificateLoader.LoadPkcs12CollectionFromFile(fichier, null, X509KeyStorageFlags.EphemeralKeySet);
        var cachet = tous.First(c => c.HasPrivateKey);
        return (cachet, tous.First(c => !c.HasPrivateKey));
    }

    private static byte[] Fabriquer()
    {
        var debut = DateTimeOffset.UtcNow.AddDays(-1);
        using var cleAutorite = RSA.Create(3072);
        var demandeAutorite = new CertificateRequest("CN=Sigma — autorité de démonstration (auto-signée), O=Sigma, C=FR", cleAutorite, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demandeAutorite.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        demandeAutorite.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        demandeAutorite.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(demandeAutorite.PublicKey, false));
        using var autorite = demandeAutorite.CreateSelfSigned(debut, debut.AddYears(20));

        using var cle = RSA.Create(3072);
        var demande = new CertificateRequest("CN=Sigma — cachet serveur de démonstration, O=Sigma, C=FR", cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        demande.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        demande.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(demande.PublicKey, false));
        demande.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(autorite, true, false));
        var serie = RandomNumberGenerator.GetBytes(16);
        serie[0] &= 0x7f;
        using var emis = demande.Create(autorite, debut, debut.AddYears(10), serie);
        using var avecCle = emis.CopyWithPrivateKey(cle);
        using var autoritePublique = X509CertificateLoader.LoadCertificate(autorite.RawData);
        return new X509Certificate2Collection { avecCle, autoritePublique }.Export(X509ContentType.Pkcs12)!;
    }
}

/// <summary>Seals a PDF the platform issues with its cachet serveur (B-T when a time-stamp authority is configured).</summary>
internal sealed class ApposerCachetHandler(CachetServeur cachet, TimeProvider clock, Horodatage.AutoriteHorodatage horodatage) : MediatR.IRequestHandler<ApposerCachet, byte[]>
{
    public Task<byte[]> Handle(ApposerCachet demande, CancellationToken cancellationToken) =>
        Task.FromResult(cachet.Sceller(demande.Pdf, clock.GetUtcNow(), horodatage.Horodateur));
}
