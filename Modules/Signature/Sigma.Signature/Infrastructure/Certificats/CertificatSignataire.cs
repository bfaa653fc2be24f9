using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Infrastructure.Certificats;

/// <summary>
/// The signer's certificate and private key, opened from the PKCS#12 file sent with the request. The key lives in
/// memory for this request only (ephemeral key set: never written to a key store) and is disposed with this object.
/// </summary>
internal sealed class CertificatSignataire : IDisposable
{
    private readonly X509Certificate2Collection _contenu;

    private CertificatSignataire(X509Certificate2 certificat, X509Certificate2Collection contenu)
    {
        Certificat = certificat;
        _contenu = contenu;
    }

    public X509Certificate2 Certificat { get; }

    /// <summary>The other certificates of the file: the authorities that issued the signer's.</summary>
    public IEnumerable<X509Certificate2> Autorites => _contenu.Where(c => !c.HasPrivateKey);

    public static CertificatSignataire Ouvrir(byte[] pkcs12, string? motDePasse, DateTimeOffset maintenant)
    {
        X509Certificate2Collection contenu;
        try
        {
            contenu = X509CertificateLoader.LoadPkcs12Collection(pkcs12, motDePasse ?? "", X509KeyStorageFlags.EphemeralKeySet,
                new Pkcs12LoaderLimits { MaxCertificates = 20, MaxKeys = 2 });
        }
        catch (CryptographicException e) when (e is not Pkcs12LoadLimitExceededException)
        {
            throw new DomainException("Le certificat ne peut pas être ouvert : vérifiez le mot de passe et que le fichier est bien un certificat PKCS#12 (.p12 ou .pfx).", "MotDePasse");
        }
        catch (Pkcs12LoadLimitExceededException)
        {
            throw new DomainException("Ce fichier PKCS#12 contient trop de certificats ou de clés.", "Certificat");
        }
        var certificat = contenu.FirstOrDefault(c => c.HasPrivateKey);
        if (certificat is null)
        {
            Liberer(contenu);
            throw new DomainException("Ce fichier ne contient pas de clé privée : il faut le certificat de signature complet (.p12 ou .pfx), pas seulement sa partie publique.", "Certificat");
        }
        if (ExigencesCertificat.Refus(certificat, maintenant) is { } refus)
        {
            Liberer(contenu);
            throw new DomainException(refus, "Certificat");
        }
        return new CertificatSignataire(certificat, contenu);
    }

    public void Dispose() => Liberer(_contenu);

    private static void Liberer(X509Certificate2Collection contenu)
    {
        foreach (var c in contenu)
        {
            c.Dispose();
        }
    }
}
