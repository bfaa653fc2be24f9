using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Infrastructure.Cms;

/// <summary>
/// The CMS SignedData of a signature: detached, SHA-256, signed attributes content-type, message-digest and
/// signing-certificate-v2 (ESS, RFC 5035), which binds the signer's certificate to the signature as ETSI baseline
/// signatures require. CAdES-B-B also carries the signing-time attribute; PAdES must not (EN 319 142-1 5.3: the
/// time is the /M entry of the signature dictionary).
/// </summary>
internal static class ConstructeurCms
{
    public const string OidSigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    public const string OidSigningCertificate = "1.2.840.113549.1.9.16.2.12";
    public const string OidSha256 = "2.16.840.1.101.3.4.2.1";

    /// <summary>Signs; with <paramref name="horodateur"/>, the signature value is time-stamped and the token added as unsigned attribute (B-T).</summary>
    public static byte[] Signer(ReadOnlyMemory<byte> contenu, X509Certificate2 certificat, IEnumerable<X509Certificate2> chaine, DateTimeOffset? heureSignature,
        Func<byte[], byte[]>? horodateur = null)
    {
        var cms = new SignedCms(new ContentInfo(contenu.ToArray()), detached: true);
        var signataire = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificat)
        {
            DigestAlgorithm = new Oid(OidSha256),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        // The intermediate authorities travel with the signature; a self-signed root proves nothing and stays out.
        foreach (var autorite in chaine.Where(c => c.Thumbprint != certificat.Thumbprint && !c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData)))
        {
            signataire.Certificates.Add(autorite);
        }
        signataire.SignedAttributes.Add(new AsnEncodedData(OidSigningCertificateV2, SigningCertificateV2(certificat)));
        if (heureSignature is { } heure)
        {
            signataire.SignedAttributes.Add(new Pkcs9SigningTime(heure.UtcDateTime));
        }
        cms.ComputeSignature(signataire, silent: true);
        if (horodateur is not null)
        {
            var info = cms.SignerInfos[0];
            info.AddUnsignedAttribute(new AsnEncodedData(VerificateurCms.OidHorodatageSignature, horodateur(info.GetSignature())));
        }
        return cms.Encode();
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with SHA-256 (the default, so omitted).</summary>
    internal static byte[] SigningCertificateV2(X509Certificate2 certificat)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                using (w.PushSequence())
                {
                    w.WriteOctetString(SHA256.HashData(certificat.RawData));
                    using (w.PushSequence())
                    {
                        using (w.PushSequence())
                        {
                            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                w.WriteEncodedValue(certificat.IssuerName.RawData);
                            }
                        }
                        w.WriteInteger(certificat.SerialNumberBytes.Span);
                    }
                }
            }
        }
        return w.Encode();
    }
}
