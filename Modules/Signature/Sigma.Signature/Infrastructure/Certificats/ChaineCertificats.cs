using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Security;

namespace Sigma.Signature.Infrastructure.Certificats;

/// <summary>The path from the signer's certificate up to a trusted root, and what is wrong with it if anything.</summary>
internal sealed record ResultatChaine(IReadOnlyList<X509Certificate2> Chaine, bool Ancree, string? Anomalie);

/// <summary>
/// Builds the certification path by signatures, not by names alone: an issuer is a certificate whose key verifies
/// the child's signature. The path is trusted when it reaches a key of the trusted roots (SubjectPublicKeyInfo),
/// whatever the name and serial of the root certificate presented or configured.
/// </summary>
internal static class ChaineCertificats
{
    private const int ProfondeurMax = 10;

    public static ResultatChaine Construire(X509Certificate2 signataire, IEnumerable<X509Certificate2> fournis, IReadOnlyList<X509Certificate2> racines, DateTimeOffset heure)
    {
        var clesRacines = racines.Select(r => Convert.ToHexString(RacinesDeConfiance.Cle(r))).ToHashSet();
        var candidats = racines.Concat(fournis).ToList();
        var chaine = new List<X509Certificate2> { signataire };
        var courant = signataire;
        var ancree = clesRacines.Contains(Convert.ToHexString(RacinesDeConfiance.Cle(courant)));
        while (!ancree && chaine.Count < ProfondeurMax)
        {
            var emetteur = candidats.FirstOrDefault(c => !chaine.Contains(c) && EstEmetteur(c, courant));
            if (emetteur is null)
            {
                break;
            }
            chaine.Add(emetteur);
            courant = emetteur;
            ancree = clesRacines.Contains(Convert.ToHexString(RacinesDeConfiance.Cle(courant)));
        }
        return new ResultatChaine(chaine, ancree, ancree ? Anomalie(chaine, heure) : null);
    }

    /// <summary>Does <paramref name="emetteur"/>'s key verify <paramref name="enfant"/>'s signature (names agreeing too)?</summary>
    private static bool EstEmetteur(X509Certificate2 emetteur, X509Certificate2 enfant)
    {
        if (!emetteur.SubjectName.RawData.AsSpan().SequenceEqual(enfant.IssuerName.RawData)
            && !string.Equals(emetteur.SubjectName.Name, enfant.IssuerName.Name, StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            var parseur = new Org.BouncyCastle.X509.X509CertificateParser();
            return parseur.ReadCertificate(enfant.RawData).IsSignatureValid(parseur.ReadCertificate(emetteur.RawData).GetPublicKey());
        }
        catch (Exception e) when (e is GeneralSecurityException or Org.BouncyCastle.Security.Certificates.CertificateException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Every authority of the path must be a CA and be in force at the signing time.</summary>
    private static string? Anomalie(List<X509Certificate2> chaine, DateTimeOffset heure)
    {
        foreach (var autorite in chaine.Skip(1))
        {
            if (autorite.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: false })
            {
                return $"le certificat « {autorite.GetNameInfo(X509NameType.SimpleName, false)} » n'est pas une autorité de certification";
            }
            if (heure < autorite.NotBefore.ToUniversalTime() || heure > autorite.NotAfter.ToUniversalTime())
            {
                return $"l'autorité « {autorite.GetNameInfo(X509NameType.SimpleName, false)} » n'était pas en vigueur à l'heure de signature";
            }
        }
        return null;
    }
}
