using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BcCertificat = Org.BouncyCastle.X509.X509Certificate;

namespace Sigma.Signature.Tests;

/// <summary>Validation data made by the tests' CA: CRLs, OCSP responses, a /DSS appended to a PDF, document time-stamps.</summary>
public static class Validation
{
    private static readonly X509CertificateParser Parseur = new();

    /// <summary>A CRL of the intermediate CA listing <paramref name="revoques"/> with their revocation times.</summary>
    public static byte[] Crl(DateTimeOffset? emiseLe = null, params (X509Certificate2 Certificat, DateTimeOffset Le)[] revoques)
    {
        var constructeur = new CertificateRevocationListBuilder();
        foreach (var (certificat, le) in revoques)
        {
            constructeur.AddEntry(certificat, le, X509RevocationReason.KeyCompromise);
        }
        using var autorite = Pki.Instance.Intermediaire.CopyWithPrivateKey(Pki.Instance.CleIntermediaire);
        var emise = emiseLe ?? DateTimeOffset.UtcNow;
        return constructeur.Build(autorite, 1, emise.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, emise);
    }

    /// <summary>
    /// An OCSP response on <paramref name="certificat"/> (issued by the intermediate CA), signed by the CA itself or by
    /// another key (<paramref name="cleSignature"/>) to make a forged one; revoked at <paramref name="revoqueLe"/> when given.
    /// </summary>
    public static byte[] Ocsp(X509Certificate2 certificat, DateTimeOffset? revoqueLe = null, DateTimeOffset? emiseLe = null, RSA? cleSignature = null)
    {
        var emetteur = Parseur.ReadCertificate(Pki.Instance.Intermediaire.RawData);
        var cle = DotNetUtilities.GetRsaKeyPair(cleSignature ?? Pki.Instance.CleIntermediaire).Private;
        var generateur = new BasicOcspRespGenerator(new RespID(emetteur.SubjectDN));
        var id = new CertificateID(CertificateID.DigestSha1, emetteur, Parseur.ReadCertificate(certificat.RawData).SerialNumber);
        var emise = (emiseLe ?? DateTimeOffset.UtcNow).UtcDateTime;
        generateur.AddResponse(id, revoqueLe is { } le ? new RevokedStatus(le.UtcDateTime, CrlReason.KeyCompromise) : CertificateStatus.Good, emise, emise.AddDays(1), null);
        var basique = generateur.Generate(new Asn1SignatureFactory("SHA256WITHRSA", cle), new BcCertificat[] { emetteur }, emise);
        return new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basique).GetEncoded();
    }

    /// <summary>Appends a /DSS (as a validation-data update does): streams for each item, the DSS dictionary, the catalog pointing to it.</summary>
    public static byte[] AjouterDss(byte[] pdf, IEnumerable<byte[]>? certificats = null, IEnumerable<byte[]>? crls = null, IEnumerable<byte[]>? ocsps = null)
    {
        var n = PdfDeTest.ProchainNumero(pdf);
        var objets = new Dictionary<int, string>();
        string Liste(IEnumerable<byte[]>? elements)
        {
            var references = new List<string>();
            foreach (var octets in elements ?? [])
            {
                objets[n] = $"<< /Length {octets.Length} >>\nstream\n{Encoding.Latin1.GetString(octets)}\nendstream";
                references.Add($"{n++} 0 R");
            }
            return $"[{string.Join(' ', references)}]";
        }
        var dss = $"<< /Type /DSS /Certs {Liste(certificats)} /CRLs {Liste(crls)} /OCSPs {Liste(ocsps)} >>";
        objets[n] = dss;
        objets[1] = PdfDeTest.AvecEntree(PdfDeTest.Objet(pdf, 1), "DSS", $"{n} 0 R");
        return PdfDeTest.AjouterMiseAJour(pdf, objets);
    }

    /// <summary>Appends a document time-stamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) in a new invisible field of page 3.</summary>
    public static byte[] AjouterHorodatageDocument(byte[] pdf, DateTimeOffset? heure = null)
    {
        var n = PdfDeTest.ProchainNumero(pdf);
        var (formulaire, champs) = PdfDeTest.Formulaire(pdf);
        var page = Regex.Replace(PdfDeTest.Objet(pdf, 3), @"/Annots\s*\[([^\]]*)\]", $"/Annots [$1 {n + 1} 0 R]");
        return Signatures.SignerMiseAJour(pdf, new Dictionary<int, string>
        {
            [n] = $"<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 {Signatures.Emplacement} >>",
            [n + 1] = $"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Horodatage{n}) /V {n} 0 R /F 132 /Rect [0 0 0 0] /P 3 0 R >>",
            [formulaire] = $"<< /Fields [{string.Join(' ', champs)} {n + 1} 0 R] /SigFlags 3 >>",
            [3] = page,
        }, cms: donnees => Tsa.Jeton(donnees, heure));
    }
}
