using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;
using Sigma.Signature.Infrastructure.Certificats;
using BcCertificat = Org.BouncyCastle.X509.X509Certificate;

namespace Sigma.Signature.Infrastructure.Revocation;

/// <summary>What the embedded data says of one certificate: revoked (and when) or not, by which CRL or OCSP response.</summary>
internal sealed record StatutRevocation(string Source, string Emetteur, bool Revoque, DateTimeOffset? RevoqueLe, DateTimeOffset EmisLe);

/// <summary>
/// The CRLs and OCSP responses a file carries (/DSS, the CMS): parsed once, and trusted only when the issuer of the
/// certificate (or an OCSP responder it delegated to, with id-kp-OCSPSigning) signed them. No network.
/// </summary>
internal sealed class DonneesRevocation
{
    private const string OidSignatureOcsp = "1.3.6.1.5.5.7.3.9";
    private readonly List<X509Crl> _crls;
    private readonly List<BasicOcspResp> _ocsps;

    private DonneesRevocation(List<X509Crl> crls, List<BasicOcspResp> ocsps, int illisibles)
    {
        _crls = crls;
        _ocsps = ocsps;
        Illisibles = illisibles;
    }

    public static DonneesRevocation Aucune { get; } = new([], [], 0);

    public int Illisibles { get; }

    public int NombreCrls => _crls.Count;

    public int NombreOcsps => _ocsps.Count;

    public bool Vide => _crls.Count == 0 && _ocsps.Count == 0;

    public static DonneesRevocation Lire(IEnumerable<byte[]> crls, IEnumerable<byte[]> ocsps)
    {
        var (listeCrls, listeOcsps, illisibles) = (new List<X509Crl>(), new List<BasicOcspResp>(), 0);
        foreach (var crl in crls)
        {
            try
            {
                listeCrls.Add(new X509CrlParser().ReadCrl(crl) ?? throw new FormatException());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                illisibles++;
            }
        }
        foreach (var ocsp in ocsps)
        {
            try
            {
                var reponse = new OcspResp(ocsp);
                listeOcsps.Add(reponse.Status == OcspRespStatus.Successful && reponse.GetResponseObject() is BasicOcspResp basique ? basique : throw new FormatException());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                illisibles++;
            }
        }
        return new DonneesRevocation(listeCrls, listeOcsps, illisibles);
    }

    public DonneesRevocation Et(DonneesRevocation autre) =>
        autre.Vide && autre.Illisibles == 0 ? this : new([.. _crls, .. autre._crls], [.. _ocsps, .. autre._ocsps], Illisibles + autre.Illisibles);

    /// <summary>The status of <paramref name="certificat"/>: a revocation wins over any "good"; otherwise the latest "good".</summary>
    public StatutRevocation? Statut(X509Certificate2 certificat, X509Certificate2 emetteur)
    {
        if (Vide)
        {
            return null;
        }
        var parseur = new X509CertificateParser();
        var cert = parseur.ReadCertificate(certificat.RawData);
        var autorite = parseur.ReadCertificate(emetteur.RawData);
        var nomEmetteur = emetteur.GetNameInfo(X509NameType.SimpleName, false);
        var statuts = new List<StatutRevocation>();
        // Signatures are checked with .NET's keys: BouncyCastle validates each RSA public key it builds, some 10 ms apiece.
        foreach (var crl in _crls.Where(c => c.IssuerDN.Equivalent(autorite.SubjectDN) && Verifie(() => VerifieePar(c.GetTbsCertList(), c.GetSignature(), c.SigAlgOid, emetteur))))
        {
            try
            {
                var entree = crl.GetRevokedCertificate(cert.SerialNumber);
                statuts.Add(new StatutRevocation("CRL", nomEmetteur, entree is not null, entree is null ? null : Utc(entree.RevocationDate), Utc(crl.ThisUpdate)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // a malformed entry proves nothing
            }
        }
        foreach (var ocsp in _ocsps)
        {
            try
            {
                statuts.AddRange(StatutsOcsp(ocsp, cert, autorite, emetteur));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // a malformed response proves nothing
            }
        }
        return statuts.Where(s => s.Revoque).OrderBy(s => s.RevoqueLe).FirstOrDefault() ?? statuts.OrderByDescending(s => s.EmisLe).FirstOrDefault();
    }

    private static IEnumerable<StatutRevocation> StatutsOcsp(BasicOcspResp ocsp, BcCertificat cert, BcCertificat autorite, X509Certificate2 emetteur)
    {
        var reponses = ocsp.Responses.Where(r => r.GetCertID().SerialNumber.Equals(cert.SerialNumber) && DesigneEmetteur(r.GetCertID(), emetteur)).ToList();
        if (reponses.Count == 0 || Repondant(ocsp, autorite, emetteur) is not { } repondant)
        {
            yield break;
        }
        foreach (var reponse in reponses)
        {
            switch (reponse.GetCertStatus())
            {
                case null:
                    yield return new StatutRevocation("OCSP", repondant, false, null, Utc(reponse.ThisUpdate));
                    break;
                case RevokedStatus revoque:
                    yield return new StatutRevocation("OCSP", repondant, true, Utc(revoque.RevocationTime), Utc(reponse.ThisUpdate));
                    break;
            }
        }
    }

    /// <summary>Who signed the OCSP response, when it is the issuer or a responder the issuer delegated to.</summary>
    private static string? Repondant(BasicOcspResp ocsp, BcCertificat autorite, X509Certificate2 emetteur)
    {
        bool SigneePar(X509Certificate2 repondant) => Verifie(() => VerifieePar(ocsp.GetTbsResponseData(), ocsp.GetSignature(), OidSignature(ocsp), repondant));
        if (SigneePar(emetteur))
        {
            return Nom(autorite);
        }
        foreach (var delegue in ocsp.GetCerts() ?? [])
        {
            if (!delegue.IssuerDN.Equivalent(autorite.SubjectDN) || !(delegue.GetExtendedKeyUsage()?.Any(u => u.Id == OidSignatureOcsp) ?? false))
            {
                continue;
            }
            using var repondant = X509CertificateLoader.LoadCertificate(delegue.GetEncoded());
            if (ChaineCertificats.SignatureVerifiee(repondant, emetteur) && SigneePar(repondant))
            {
                return $"{Nom(delegue)} (répondeur OCSP délégué par {Nom(autorite)})";
            }
        }
        return null;
    }

    /// <summary>The CertID names this issuer: hashes of its name and of its public key (BouncyCastle's MatchesIssuer builds a key, slowly).</summary>
    private static bool DesigneEmetteur(CertificateID id, X509Certificate2 emetteur)
    {
        var hash = Cms.Algorithmes.Hash(id.HashAlgOid);
        if (hash is not { } h)
        {
            return false;
        }
        using var calcul = System.Security.Cryptography.IncrementalHash.CreateHash(h);
        calcul.AppendData(emetteur.SubjectName.RawData);
        var nom = calcul.GetHashAndReset();
        calcul.AppendData(emetteur.PublicKey.EncodedKeyValue.RawData);
        return nom.AsSpan().SequenceEqual(id.GetIssuerNameHash()) && calcul.GetHashAndReset().AsSpan().SequenceEqual(id.GetIssuerKeyHash());
    }

    /// <summary>BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature, certs }: the algorithm's OID.</summary>
    private static string OidSignature(BasicOcspResp ocsp)
    {
        var reponse = new System.Formats.Asn1.AsnReader(ocsp.GetEncoded(), System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        reponse.ReadEncodedValue();
        return reponse.ReadSequence().ReadObjectIdentifier();
    }

    private static bool VerifieePar(byte[] tbs, byte[] signature, string oid, X509Certificate2 emetteur) =>
        ChaineCertificats.SignatureVerifiee(tbs, signature, oid, null, emetteur);

    private static string Nom(BcCertificat certificat) =>
        certificat.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? certificat.SubjectDN.ToString();

    private static bool Verifie(Func<bool> verification)
    {
        try
        {
            return verification();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    private static DateTimeOffset Utc(DateTime date) => new(DateTime.SpecifyKind(date, DateTimeKind.Utc));
}
