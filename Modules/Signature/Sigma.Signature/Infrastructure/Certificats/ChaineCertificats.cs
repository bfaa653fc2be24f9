using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Infrastructure.Certificats;

/// <summary>The path from the signer's certificate up to a trusted root, and what is wrong with it if anything.</summary>
/// <remarks><see cref="Contraintes"/> holds whether or not the path reaches a trusted root: an issuer that is no CA is a forgery's mark.</remarks>
internal sealed record ResultatChaine(IReadOnlyList<X509Certificate2> Chaine, bool Ancree, string? Anomalie, string? Contraintes = null);

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
        return new ResultatChaine(chaine, ancree, ancree ? Anomalie(chaine, heure) : null, Contraintes(chaine, ancree));
    }

    /// <summary>Does <paramref name="emetteur"/>'s key verify <paramref name="enfant"/>'s signature (names agreeing too)?</summary>
    private static bool EstEmetteur(X509Certificate2 emetteur, X509Certificate2 enfant)
    {
        if (!emetteur.SubjectName.RawData.AsSpan().SequenceEqual(enfant.IssuerName.RawData)
            && !string.Equals(emetteur.SubjectName.Name, enfant.IssuerName.Name, StringComparison.Ordinal))
        {
            return false;
        }
        return SignatureVerifiee(enfant, emetteur);
    }

    /// <summary>Checks the certificate's signature (over its DER TBSCertificate) with the issuer's public key.</summary>
    internal static bool SignatureVerifiee(X509Certificate2 enfant, X509Certificate2 emetteur)
    {
        try
        {
            var certificat = new AsnReader(enfant.RawData, AsnEncodingRules.BER).ReadSequence();
            var tbs = certificat.ReadEncodedValue();
            var algorithme = certificat.ReadSequence();
            var oid = algorithme.ReadObjectIdentifier();
            var valeur = certificat.ReadBitString(out _);
            return SignatureVerifiee(tbs.Span, valeur, oid, oid == "1.2.840.113549.1.1.10" ? HashPss(algorithme) : null, emetteur);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Checks a signature of the issuer (a certificate's, a CRL's, an OCSP response's) over its DER "to be signed" part,
    /// by the algorithm's OID (RSASSA-PSS with the digest <paramref name="hashPss"/> given by its parameters).
    /// </summary>
    internal static bool SignatureVerifiee(ReadOnlySpan<byte> tbs, byte[] valeur, string oid, HashAlgorithmName? hashPss, X509Certificate2 emetteur)
    {
        try
        {
            var hash = oid switch
            {
                "1.2.840.113549.1.1.5" or "1.2.840.10045.4.1" => HashAlgorithmName.SHA1,
                "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
                "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
                "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
                "1.2.840.113549.1.1.10" => hashPss,
                _ => (HashAlgorithmName?)null,
            };
            if (hash is not { } h)
            {
                return false;
            }
            using var rsa = emetteur.GetRSAPublicKey();
            if (rsa is not null)
            {
                return rsa.VerifyData(tbs, valeur, h, oid == "1.2.840.113549.1.1.10" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
            }
            using var ec = emetteur.GetECDsaPublicKey();
            return ec is not null && ec.VerifyData(tbs, valeur, h, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The digest of RSASSA-PSS parameters (RFC 4055): [0] hashAlgorithm, SHA-1 when absent.</summary>
    private static HashAlgorithmName? HashPss(AsnReader algorithme)
    {
        if (!algorithme.HasData || !algorithme.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return HashAlgorithmName.SHA1;
        }
        var parametres = algorithme.ReadSequence();
        if (!parametres.HasData || !parametres.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            return HashAlgorithmName.SHA1;
        }
        return Cms.Algorithmes.Hash(parametres.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence().ReadObjectIdentifier());
    }

    /// <summary>
    /// RFC 5280 (6.1.4): every issuer of the path but the trust anchor itself must say it is a CA (basicConstraints
    /// cA=TRUE), may sign certificates (keyUsage keyCertSign), and keep to its path length constraint.
    /// </summary>
    private static string? Contraintes(List<X509Certificate2> chaine, bool ancree)
    {
        var autorites = ancree ? chaine.Skip(1).SkipLast(1) : chaine.Skip(1);
        foreach (var (autorite, rang) in autorites.Select((a, i) => (a, i)))
        {
            var nom = autorite.GetNameInfo(X509NameType.SimpleName, false);
            var contraintes = autorite.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            if (contraintes is not { CertificateAuthority: true })
            {
                return $"le certificat « {nom} », qui a émis un certificat de la chaîne, n'est pas une autorité de certification (contrainte de base cA absente)";
            }
            if (autorite.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is not { } usage || (usage.KeyUsages & X509KeyUsageFlags.KeyCertSign) == 0)
            {
                return $"l'autorité « {nom} » n'a pas l'usage de clé « signature de certificats » (keyCertSign)";
            }
            if (contraintes.HasPathLengthConstraint && rang > contraintes.PathLengthConstraint)
            {
                return $"l'autorité « {nom} » n'admet que {Sigma.BuildingBlocks.Web.Francais.Nombre(contraintes.PathLengthConstraint, "autorité intermédiaire", "autorités intermédiaires")} sous elle";
            }
        }
        return null;
    }

    /// <summary>Every authority of the path must be in force at the signing time.</summary>
    private static string? Anomalie(List<X509Certificate2> chaine, DateTimeOffset heure)
    {
        foreach (var autorite in chaine.Skip(1))
        {
            if (heure < autorite.NotBefore.ToUniversalTime() || heure > autorite.NotAfter.ToUniversalTime())
            {
                return $"l'autorité « {autorite.GetNameInfo(X509NameType.SimpleName, false)} » n'était pas en vigueur à l'heure de signature";
            }
        }
        return null;
    }
}
