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

// Times the Signature module on this machine: verification of a 5 MB PDF carrying two signatures (target under
// 50 ms) and PAdES signing, small and 5 MB, as p50/p95 over 50 runs after a warm-up.
const int Tours = 50;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var maintenant = DateTimeOffset.UtcNow;
using var cleRacine = RSA.Create(2048);
var racineDemande = new CertificateRequest("CN=Racine de mesure, O=Sigma, C=FR", cleRacine, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
racineDemande.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
using var racine = racineDemande.CreateSelfSigned(maintenant.AddYears(-1), maintenant.AddYears(5));
using var cle = RSA.Create(2048);
var demande = new CertificateRequest("CN=Signataire de mesure, O=Sigma, C=FR", cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
demande.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
using var signataire = demande.Create(racine, maintenant.AddDays(-1), maintenant.AddYears(1), [1, 2, 3, 4]).CopyWithPrivateKey(cle);

var dossier = Directory.CreateTempSubdirectory("sigma-bench-racines-").FullName;
File.WriteAllText(Path.Combine(dossier, "racine.pem"), racine.ExportCertificatePem());
var verificateur = new VerificateurSignatures(new RacinesDeConfiance(new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Signature:RacinesDeConfiance"] = dossier }).Build(),
    NullLogger<RacinesDeConfiance>.Instance), TimeProvider.System, Politique.Defaut);

byte[] Signer(byte[] pdf) => SignatairePades.Signer(pdf, signataire, [], DateTimeOffset.UtcNow).Pdf;

var petit = Pdf(pages: 2, octets: 20_000);
var gros = Pdf(pages: 20, octets: 5 * 1024 * 1024);
var grosDeuxSignatures = Signer(Signer(gros));
var controle = verificateur.Verifier(new FichierRecu("mesure.pdf", grosDeuxSignatures), null);
if (controle.Conclusion != Verdict.Valide || controle.Signatures.Count != 2)
{
    throw new InvalidOperationException($"Le PDF de mesure devrait porter deux signatures valides : {controle.Motif}");
}

Console.WriteLine($"Machine : {Environment.ProcessorCount} cœurs, .NET {Environment.Version}, {(Debugger.IsAttached ? "débogueur" : "sans débogueur")}");
Console.WriteLine($"PDF de mesure : {grosDeuxSignatures.Length / 1024.0 / 1024:0.00} Mo, 20 pages, 2 signatures ; petit PDF : {petit.Length / 1024} ko");
Mesurer("Vérification, PDF 5 Mo à 2 signatures", () => verificateur.Verifier(new FichierRecu("mesure.pdf", grosDeuxSignatures), null));
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
