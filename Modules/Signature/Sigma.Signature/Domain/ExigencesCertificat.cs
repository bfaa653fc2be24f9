using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Domain;

/// <summary>What a certificate must be for Sigma to sign with it: in force now, and made for signing.</summary>
public static class ExigencesCertificat
{
    /// <summary>The French reason to refuse the certificate, or null when it may sign at <paramref name="maintenant"/>.</summary>
    public static string? Refus(X509Certificate2 certificat, DateTimeOffset maintenant)
    {
        if (maintenant < new DateTimeOffset(certificat.NotBefore.ToUniversalTime()))
        {
            return $"Ce certificat n'est pas encore valide : il le sera à partir du {certificat.NotBefore.ToUniversalTime():dd/MM/yyyy} (UTC).";
        }
        if (maintenant > new DateTimeOffset(certificat.NotAfter.ToUniversalTime()))
        {
            return $"Ce certificat a expiré le {certificat.NotAfter.ToUniversalTime():dd/MM/yyyy} (UTC) : il ne permet plus de signer.";
        }
        if (!UsageSignature(certificat))
        {
            return "Ce certificat n'est pas un certificat de signature : son usage de clé ne comporte ni « signature numérique » ni « non-répudiation ».";
        }
        return null;
    }

    /// <summary>A certificate without a key usage extension may be used for anything (RFC 5280, 4.2.1.3).</summary>
    public static bool UsageSignature(X509Certificate2 certificat) =>
        certificat.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is not { } usage
        || (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;

    public static bool NonRepudiation(X509Certificate2 certificat) =>
        certificat.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
        && (usage.KeyUsages & X509KeyUsageFlags.NonRepudiation) != 0;
}
