using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Pdf;
using Sigma.Signature.Infrastructure.Verification;
using Sigma.Signature.Tests;
using UglyToad.PdfPig.Tokens;

// Times the Signature module on this machine: verification of a 5 MB PDF carrying two time-stamped signatures with
// embedded revocation data (target under 50 ms), the same without them, and PAdES signing, small and 5 MB, as p50/p95
// over 50 runs after a warm-up; beside two reference figures of the same run (SHA-256 of 5 MB, RSA verifications).
const int Tours = 50;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var pki = Pki.Instance;
var dossier = Directory.CreateTempSubdirectory("sigma-bench-racines-").FullName;
File.WriteAllText(Path.Combine(dossier, "racine.pem"), pki.Racine.ExportCertificatePem());
var verificateur = new VerificateurSignatures(new RacinesDeConfiance(new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Signature:RacinesDeConfiance"] = dossier }).Build(),
    NullLogger<RacinesDeConfiance>.Instance), TimeProvider.System, Politique.Defaut);

byte[] Signer(byte[] pdf, X509Certificate2? signataire = null, Func<byte[], byte[]>? horodateur = null)
{
    signataire ??= pki.Signataire;
    return SignatairePades.Signer(pdf, signataire, pki.Autorites(signataire), DateTimeOffset.UtcNow, horodateur: horodateur).Pdf;
}

var petit = Pdf(pages: 2, octets: 20_000);
var gros = Pdf(pages: 20, octets: 5 * 1024 * 1024);
var grosDeuxSignatures = Signer(Signer(gros));
// The issue's case: two signatures, each time-stamped, then the validation data of both in a /DSS (PAdES B-LT).
var horodateur = Tsa.Horodateur();
var grosLt = AjouterDss(Signer(Signer(gros, pki.Signataire, horodateur), pki.SignataireQualifie, horodateur),
    [pki.Intermediaire.RawData, pki.Horodateur.RawData],
    [Crl()],
    [Ocsp(pki.Signataire), Ocsp(pki.SignataireQualifie)]);
foreach (var (pdf, niveau) in new[] { (grosDeuxSignatures, "PAdES B-B"), (grosLt, "PAdES B-LT") })
{
    var controle = verificateur.Verifier(new FichierRecu("mesure.pdf", pdf), null);
    if (controle.Conclusion != Verdict.Valide || controle.Signatures.Count != 2 || controle.Signatures.Any(s => s.Niveau?.StartsWith(niveau, StringComparison.Ordinal) != true))
    {
        throw new InvalidOperationException($"Le PDF de mesure devrait porter deux signatures {niveau} valides : {controle.Motif}");
    }
}

Console.WriteLine($"Machine : {Environment.ProcessorCount} cœurs, .NET {Environment.Version}, {(Debugger.IsAttached ? "débogueur" : "sans débogueur")}");
Console.WriteLine($"PDF de mesure : {grosLt.Length / 1024.0 / 1024:0.00} Mo, 20 pages, 2 signatures horodatées et données de révocation (/DSS : 2 OCSP, 1 CRL) ; petit PDF : {petit.Length / 1024} ko");
Mesurer("Référence : SHA-256 de 5 Mo", () => SHA256.HashData(gros));
using (var cle = RSA.Create(2048))
{
    var signatureRsa = cle.SignData(petit, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    Mesurer("Référence : 100 vérifications RSA-2048", () =>
    {
        for (var i = 0; i < 100; i++)
        {
            cle.VerifyData(petit, signatureRsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    });
}
Mesurer("Vérification, PDF 5 Mo, 2 signatures B-B", () => verificateur.Verifier(new FichierRecu("mesure.pdf", grosDeuxSignatures), null));
Mesurer("Vérification, PDF 5 Mo, 2 signatures B-LT", () => verificateur.Verifier(new FichierRecu("mesure.pdf", grosLt), null));
Mesurer("Signature PAdES, petit PDF", () => Signer(petit));
Mesurer("Signature PAdES, PDF 5 Mo", () => Signer(gros));
Mesurer("Signature PAdES, 2e signature d'un PDF 5 Mo", () => Signer(grosDeuxSignatures));
Directory.Delete(dossier, recursive: true);

static void Mesurer(string nom, Action action)
{
    for (var i = 0; i < 5; i++)
    {
        action();
    }
    var durees = new List<double>();
    var avant = GC.GetTotalAllocatedBytes(precise: true);
    for (var i = 0; i < Tours; i++)
    {
        var chrono = Stopwatch.StartNew();
        action();
        durees.Add(chrono.Elapsed.TotalMilliseconds);
    }
    var alloue = (GC.GetTotalAllocatedBytes(precise: true) - avant) / Tours / 1024.0 / 1024;
    durees.Sort();
    double Centile(double p) => durees[(int)Math.Ceiling(p * durees.Count) - 1];
    Console.WriteLine($"{nom,-48} p50 {Centile(0.50),7:0.0} ms   p95 {Centile(0.95),7:0.0} ms   max {durees[^1],7:0.0} ms   {alloue,6:0.0} Mo alloués/opération");
}

// A PDF of the given pages whose content streams add up to about the given size (vector drawing and comments).
static byte[] Pdf(int pages, int octets)
{
    using var ms = new MemoryStream();
    void Ecrire(string s) => ms.Write(Encoding.Latin1.GetBytes(s));
    Ecrire("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    var positions = new List<long> { ms.Position };
    Ecrire($"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    positions.Add(ms.Position);
    Ecrire($"2 0 obj\n<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{3 + 2 * i} 0 R"))}] /Count {pages} >>\nendobj\n");
    var ligne = "0.2 0.3 0.8 rg 10 10 20 20 re f % " + new string('x', 40) + "\n";
    var parPage = string.Concat(Enumerable.Repeat(ligne, octets / pages / ligne.Length));
    for (var i = 0; i < pages; i++)
    {
        positions.Add(ms.Position);
        Ecrire($"{3 + 2 * i} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R >>\nendobj\n");
        positions.Add(ms.Position);
        Ecrire($"{4 + 2 * i} 0 obj\n<< /Length {parPage.Length} >>\nstream\n{parPage}\nendstream\nendobj\n");
    }
    var xref = ms.Position;
    var table = new StringBuilder($"xref\n0 {positions.Count + 1}\n0000000000 65535 f\r\n");
    positions.ForEach(p => table.Append(CultureInfo.InvariantCulture, $"{p:D10} 00000 n\r\n"));
    Ecrire($"{table}trailer\n<< /Size {positions.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    return ms.ToArray();
}

// Appends a /DSS holding certificates, CRLs and OCSP responses, as a validation-data update does.
static byte[] AjouterDss(byte[] pdf, IEnumerable<byte[]> certificats, IEnumerable<byte[]> crls, IEnumerable<byte[]> ocsps)
{
    var structure = StructurePdf.Ouvrir(pdf);
    using (structure.Document)
    {
        var maj = new MiseAJourIncrementale(pdf, structure);
        ArrayToken Flux(IEnumerable<byte[]> elements)
        {
            var references = new List<IToken>();
            foreach (var octets in elements)
            {
                var reference = maj.NouvelObjet();
                maj.Debut(reference);
                maj.Ecrire($"<< /Length {octets.Length} >>\nstream\n{Encoding.Latin1.GetString(octets)}\nendstream");
                maj.Fin();
                references.Add(new IndirectReferenceToken(reference));
            }
            return new ArrayToken(references);
        }
        var (listeCertificats, listeCrls, listeOcsps) = (Flux(certificats), Flux(crls), Flux(ocsps));
        var dss = maj.NouvelObjet();
        maj.Objet(dss, new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Type")] = NameToken.Create("DSS"),
            [NameToken.Create("Certs")] = listeCertificats,
            [NameToken.Create("CRLs")] = listeCrls,
            [NameToken.Create("OCSPs")] = listeOcsps,
        }));
        maj.Objet(structure.Racine, structure.Catalogue.With("DSS", new IndirectReferenceToken(dss)));
        return maj.Terminer();
    }
}

// The intermediate CA's CRL, revoking nobody.
static byte[] Crl()
{
    using var autorite = Pki.Instance.Intermediaire.CopyWithPrivateKey(Pki.Instance.CleIntermediaire);
    var maintenant = DateTimeOffset.UtcNow;
    return new CertificateRevocationListBuilder().Build(autorite, 1, maintenant.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, maintenant);
}

// A "good" OCSP response of the intermediate CA on a signer it issued.
static byte[] Ocsp(X509Certificate2 certificat)
{
    var parseur = new Org.BouncyCastle.X509.X509CertificateParser();
    var emetteur = parseur.ReadCertificate(Pki.Instance.Intermediaire.RawData);
    var generateur = new Org.BouncyCastle.Ocsp.BasicOcspRespGenerator(new Org.BouncyCastle.Ocsp.RespID(emetteur.SubjectDN));
    var maintenant = DateTime.UtcNow;
    generateur.AddResponse(new Org.BouncyCastle.Ocsp.CertificateID(Org.BouncyCastle.Ocsp.CertificateID.DigestSha1, emetteur, parseur.ReadCertificate(certificat.RawData).SerialNumber),
        Org.BouncyCastle.Ocsp.CertificateStatus.Good, maintenant, maintenant.AddDays(1), null);
    var cle = Org.BouncyCastle.Security.DotNetUtilities.GetRsaKeyPair(Pki.Instance.CleIntermediaire).Private;
    var basique = generateur.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHRSA", cle), [emetteur], maintenant);
    return new Org.BouncyCastle.Ocsp.OCSPRespGenerator().Generate(Org.BouncyCastle.Ocsp.OCSPRespGenerator.Successful, basique).GetEncoded();
}
