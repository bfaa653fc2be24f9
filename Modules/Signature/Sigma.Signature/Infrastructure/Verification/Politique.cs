using Microsoft.Extensions.Configuration;

namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>
/// What the platform's validation policy makes a failure rather than a warning (<c>Signature:Politique:*</c>, each
/// <c>Echec</c> or <c>Avertissement</c>). The defaults are the EU DSS default policy's: a certificate without
/// non-repudiation, or not qualified, is a warning, and revocation without embedded data is "not checked"; a buyer
/// whose rules require them turns them into failures (revocation unknown: indeterminate, as the EU DSS says).
/// </summary>
internal sealed record Politique(bool NonRepudiationExigee = false, bool CertificatQualifieExige = false, bool RevocationExigee = false)
{
    public static Politique Defaut { get; } = new();

    public static Politique Lire(IConfiguration configuration) => new(
        Echec(configuration["Signature:Politique:NonRepudiation"]),
        Echec(configuration["Signature:Politique:CertificatQualifie"]),
        Echec(configuration["Signature:Politique:Revocation"]));

    private static bool Echec(string? valeur) => valeur?.Trim().ToUpperInvariant() is "ECHEC" or "ÉCHEC";
}
