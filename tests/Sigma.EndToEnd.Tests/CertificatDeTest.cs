using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// A signer's PKCS#12 file made for the test (as Sigma.Signature.Tests' Pki does): a small root CA, not among the
/// platform's trusted roots, and under it an RSA 2048 signing certificate (digital signature and non-repudiation).
/// </summary>
internal static class CertificatDeTest
{
    public const string MotDePasse = "Mot-de-passe-du-certificat";

    public static byte[] Pkcs12(string nom, string organisation, string email)
    {
        var maintenant = DateTimeOffset.UtcNow;
        using var cleRacine = RSA.Create(2048);
        var demandeRacine = new CertificateRequest("CN=AC de test du parcours, O=Région de test, C=FR", cleRacine, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demandeRacine.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        demandeRacine.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        demandeRacine.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(demandeRacine.PublicKey, false));
        using var racine = demandeRacine.CreateSelfSigned(maintenant.AddYears(-2), maintenant.AddYears(5));

        using var cle = RSA.Create(2048);
        var demande = new CertificateRequest($"CN={nom}, O={organisation}, C=FR, E={email}", cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        demande.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        demande.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(demande.PublicKey, false));
        demande.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(racine, true, false));
        var serie = RandomNumberGenerator.GetBytes(12);
        serie[0] = (byte)((serie[0] & 0x7F) | 0x01);
        using var emis = demande.Create(racine, maintenant.AddDays(-30), maintenant.AddYears(2), serie);
        using var signataire = emis.CopyWithPrivateKey(cle);

        var collection = new X509Certificate2Collection { signataire, X509CertificateLoader.LoadCertificate(racine.RawData) };
        return collection.Export(X509ContentType.Pkcs12, MotDePasse)!;
    }
}
