using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Infrastructure.Cms;

/// <summary>What a CMS signature says and whether its digest and its signature value hold.</summary>
internal sealed record AnalyseCms(
    X509Certificate2? Certificat,
    X509Certificate2Collection Certificats,
    string AlgorithmeEmpreinte,
    string AlgorithmeSignature,
    bool AttributsSignes,
    bool? EmpreinteConforme,
    bool? ValeurConforme,
    DateTimeOffset? HeureSignature,
    bool SigningCertificateV2,
    bool SigningCertificateV1,
    bool? SigningCertificateConforme,
    string? Erreur)
{
    /// <summary>The CRLs the CMS carries (SignedData crls, adbe-revocationInfoArchival), DER.</summary>
    public IReadOnlyList<byte[]> Crls { get; init; } = [];

    /// <summary>The OCSP responses the CMS carries (adbe-revocationInfoArchival), DER OCSPResponse.</summary>
    public IReadOnlyList<byte[]> Ocsps { get; init; } = [];

    /// <summary>The RFC 3161 signature time-stamp token (unsigned attribute id-aa-signatureTimeStampToken), DER.</summary>
    public byte[]? JetonHorodatage { get; init; }

    /// <summary>The signature value the time-stamp's imprint is computed over.</summary>
    public byte[]? ValeurSignature { get; init; }
}

/// <summary>
/// Checks a CMS SignedData against the data it signs. The digest of the signed data is computed by the caller over
/// the signed bytes where they lie (no copy of a large file); the signature value is checked over the DER signed
/// attributes exactly as they were encoded in the signature.
/// </summary>
internal static class VerificateurCms
{
    public const string OidHorodatageSignature = "1.2.840.113549.1.9.16.2.14";
    public const string OidArchiveRevocation = "1.2.840.113583.1.1.8";

    public static AnalyseCms Analyser(byte[] cms, Func<HashAlgorithmName, byte[]> empreinteContenu)
    {
        try
        {
            return AnalyserStructure(cms, empreinteContenu);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or ArgumentException or FormatException)
        {
            // a certificate or an attribute of the CMS is damaged: SignedCms only finds out when it is read
            return Echec("La signature est endommagée : un de ses éléments (certificat, attribut) est illisible.");
        }
    }

    private static AnalyseCms AnalyserStructure(byte[] cms, Func<HashAlgorithmName, byte[]> empreinteContenu)
    {
        var signed = new SignedCms();
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException)
        {
            return Echec("La signature n'est pas une structure CMS/PKCS#7 lisible.");
        }
        if (signed.SignerInfos.Count == 0)
        {
            return Echec("La structure CMS ne contient aucun signataire.");
        }
        var info = signed.SignerInfos[0];
        var (attributsBruts, valeurSignature, crlsSignedData) = LireSignerInfo(cms);
        var crls = new List<byte[]>(crlsSignedData);
        var ocsps = new List<byte[]>();
        byte[]? jeton = info.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == OidHorodatageSignature && a.Values.Count > 0)?.Values[0].RawData;
        var algorithmeEmpreinte = Algorithmes.NomEmpreinte(info.DigestAlgorithm.Value);
        var hash = Algorithmes.Hash(info.DigestAlgorithm.Value);
        var certificat = info.Certificate;
        if (certificat is not null && !Lisible(certificat))
        {
            return Echec("Le certificat du signataire que porte la signature est endommagé : ses champs ne se lisent pas.");
        }
        var algorithmeSignature = Algorithmes.NomSignature(info.SignatureAlgorithm.Value, algorithmeEmpreinte);

        DateTimeOffset? heure = null;
        byte[]? empreinteDeclaree = null;
        byte[]? attributV2 = null;
        var v1 = false;
        foreach (var attribut in info.SignedAttributes)
        {
            switch (attribut.Oid.Value)
            {
                case "1.2.840.113549.1.9.5" when attribut.Values.Count > 0:
                    heure = new DateTimeOffset(new Pkcs9SigningTime(attribut.Values[0].RawData).SigningTime.ToUniversalTime());
                    break;
                case "1.2.840.113549.1.9.4" when attribut.Values.Count > 0:
                    empreinteDeclaree = new Pkcs9MessageDigest { RawData = attribut.Values[0].RawData }.MessageDigest;
                    break;
                case ConstructeurCms.OidSigningCertificateV2 when attribut.Values.Count > 0:
                    attributV2 = attribut.Values[0].RawData;
                    break;
                case ConstructeurCms.OidSigningCertificate:
                    v1 = true;
                    break;
                case OidArchiveRevocation when attribut.Values.Count > 0:
                    LireArchiveRevocation(attribut.Values[0].RawData, crls, ocsps);
                    break;
            }
        }

        if (hash is not { } algorithme)
        {
            return new AnalyseCms(certificat, signed.Certificates, algorithmeEmpreinte, algorithmeSignature, attributsBruts is not null,
                null, null, heure, attributV2 is not null, v1, null, $"Algorithme d'empreinte non pris en charge ({info.DigestAlgorithm.Value}).");
        }
        var empreinte = empreinteContenu(algorithme);
        bool? empreinteConforme = attributsBruts is null ? null : empreinteDeclaree is not null && CryptographicOperations.FixedTimeEquals(empreinte, empreinteDeclaree);
        bool? valeurConforme = certificat is null || valeurSignature is null
            ? null
            : VerifierValeur(certificat, info.SignatureAlgorithm.Value, algorithme, attributsBruts, empreinte, valeurSignature);
        if (attributsBruts is null && valeurConforme is { } v)
        {
            // Without signed attributes the signature value is over the content's digest itself: it proves both.
            empreinteConforme = v;
        }
        bool? v2Conforme = attributV2 is null || certificat is null ? null : SigningCertificateV2Designe(attributV2, certificat);
        return new AnalyseCms(certificat, signed.Certificates, algorithmeEmpreinte, algorithmeSignature, attributsBruts is not null,
            empreinteConforme, valeurConforme, heure, attributV2 is not null, v1, v2Conforme, null)
        {
            Crls = crls,
            Ocsps = ocsps,
            JetonHorodatage = jeton,
            ValeurSignature = valeurSignature,
        };
    }

    /// <summary>A certificate whose fields all read (.NET parses them lazily and throws on the first use of a damaged one).</summary>
    private static bool Lisible(X509Certificate2 certificat)
    {
        try
        {
            _ = (certificat.NotBefore, certificat.NotAfter, certificat.Subject, certificat.Issuer, certificat.SerialNumber, certificat.Thumbprint);
            _ = certificat.PublicKey.ExportSubjectPublicKeyInfo();
            foreach (var extension in certificat.Extensions)
            {
                _ = extension.Oid;
            }
            foreach (var rdn in certificat.SubjectName.EnumerateRelativeDistinguishedNames())
            {
                _ = rdn.GetSingleElementValue();
            }
            return true;
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static AnalyseCms Echec(string erreur) =>
        new(null, [], "inconnu", "inconnu", false, null, null, null, false, false, null, erreur);

    private static bool VerifierValeur(X509Certificate2 certificat, string? oidSignature, HashAlgorithmName hash, byte[]? attributs, byte[] empreinte, byte[] valeur)
    {
        try
        {
            if (certificat.GetRSAPublicKey() is { } rsa)
            {
                using (rsa)
                {
                    var remplissage = oidSignature == "1.2.840.113549.1.1.10" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                    return attributs is null ? rsa.VerifyHash(empreinte, valeur, hash, remplissage) : rsa.VerifyData(attributs, valeur, hash, remplissage);
                }
            }
            if (certificat.GetECDsaPublicKey() is { } ec)
            {
                using (ec)
                {
                    return attributs is null
                        ? ec.VerifyHash(empreinte, valeur, DSASignatureFormat.Rfc3279DerSequence)
                        : ec.VerifyData(attributs, valeur, hash, DSASignatureFormat.Rfc3279DerSequence);
                }
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
        return false;
    }

    /// <summary>The first ESSCertIDv2 must be the signer's certificate: its hash, and its issuer and serial when given.</summary>
    private static bool SigningCertificateV2Designe(byte[] attribut, X509Certificate2 certificat)
    {
        try
        {
            var certs = new AsnReader(attribut, AsnEncodingRules.BER).ReadSequence().ReadSequence();
            var id = certs.ReadSequence();
            var hash = HashAlgorithmName.SHA256;
            if (id.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var algorithme = id.ReadSequence().ReadObjectIdentifier();
                hash = Algorithmes.Hash(algorithme) ?? throw new CryptographicException(algorithme);
            }
            var empreinte = id.ReadOctetString();
            using var calcul = IncrementalHash.CreateHash(hash);
            calcul.AppendData(certificat.RawData);
            if (!calcul.GetHashAndReset().AsSpan().SequenceEqual(empreinte))
            {
                return false;
            }
            if (id.HasData)
            {
                var issuerSerial = id.ReadSequence();
                issuerSerial.ReadEncodedValue();
                return issuerSerial.ReadIntegerBytes().Span.SequenceEqual(certificat.SerialNumberBytes.Span);
            }
            return true;
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRL, ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse, … }.</summary>
    private static void LireArchiveRevocation(byte[] valeur, List<byte[]> crls, List<byte[]> ocsps)
    {
        try
        {
            var archive = new AsnReader(valeur, AsnEncodingRules.BER).ReadSequence();
            while (archive.HasData)
            {
                var tag = archive.PeekTag();
                var contenu = archive.ReadSequence(tag);
                if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue > 1)
                {
                    continue;
                }
                var liste = contenu.ReadSequence();
                while (liste.HasData)
                {
                    (tag.TagValue == 0 ? crls : ocsps).Add(liste.ReadEncodedValue().ToArray());
                }
            }
        }
        catch (AsnContentException)
        {
            // unreadable revocation values prove nothing: the report says revocation was not checked
        }
    }

    /// <summary>The first SignerInfo's signed attributes as DER SET OF (the bytes its signature is over), its signature value, and the SignedData's CRLs.</summary>
    private static (byte[]? Attributs, byte[]? Valeur, List<byte[]> Crls) LireSignerInfo(byte[] cms)
    {
        var crls = new List<byte[]>();
        try
        {
            var contentInfo = new AsnReader(cms, AsnEncodingRules.BER).ReadSequence();
            contentInfo.ReadObjectIdentifier();
            var signedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
            signedData.ReadInteger();
            signedData.ReadSetOf();
            signedData.ReadSequence();
            while (signedData.PeekTag().TagClass == TagClass.ContextSpecific)
            {
                var tag = signedData.PeekTag();
                var valeur = signedData.ReadEncodedValue();
                if (tag.TagValue == 1)
                {
                    // crls [1] IMPLICIT RevocationInfoChoices: CertificateList SEQUENCEs, or [1] other formats (ignored)
                    var choix = new AsnReader(valeur, AsnEncodingRules.BER).ReadSetOf(tag);
                    while (choix.HasData)
                    {
                        var element = choix.ReadEncodedValue();
                        if (element.Span[0] == 0x30)
                        {
                            crls.Add(element.ToArray());
                        }
                    }
                }
            }
            var signerInfo = signedData.ReadSetOf().ReadSequence();
            signerInfo.ReadInteger();
            signerInfo.ReadEncodedValue();
            signerInfo.ReadSequence();
            byte[]? attributs = null;
            if (signerInfo.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                attributs = signerInfo.ReadEncodedValue().ToArray();
                attributs[0] = 0x31;
            }
            signerInfo.ReadSequence();
            return (attributs, signerInfo.ReadOctetString(), crls);
        }
        catch (AsnContentException)
        {
            return (null, null, crls);
        }
    }
}
