using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Pdf;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature.Tests;

/// <summary>Signing and verifying as the module does, with the test hierarchy's root as the only trusted root.</summary>
public static class Signatures
{
    public static readonly string DossierRacines = Pki.DossierRacines(Pki.Instance.Racine);

    internal static VerificateurSignatures Verificateur(string? dossier = null, Politique? politique = null) =>
        new(new RacinesDeConfiance(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { ["Signature:RacinesDeConfiance"] = dossier ?? DossierRacines }).Build(), NullLogger<RacinesDeConfiance>.Instance), TimeProvider.System,
            politique ?? Politique.Defaut);

    public static byte[] SignerPdf(byte[] pdf, X509Certificate2? signataire = null, string? champ = null)
    {
        signataire ??= Pki.Instance.Signataire;
        return SignatairePades.Signer(pdf, signataire, Pki.Instance.Autorites(signataire), DateTimeOffset.UtcNow, champ).Pdf;
    }

    /// <summary>Where a signature dictionary written by hand puts its /ByteRange and /Contents, filled by <see cref="SignerMiseAJour"/>.</summary>
    public static readonly string Emplacement = $"/ByteRange [0 0000000000 0000000000 0000000000] /Contents <{new string('0', 16384)}>";

    /// <summary>
    /// Appends an update written by hand (as other PDF software writes them) whose signature dictionary holds
    /// <see cref="Emplacement"/>, then fills its byte range and signs it: a real signature of that revision.
    /// </summary>
    public static byte[] SignerMiseAJour(byte[] pdf, IReadOnlyDictionary<int, string> objets, string trailer = "", X509Certificate2? signataire = null,
        Func<byte[], byte[]>? cms = null)
    {
        signataire ??= Pki.Instance.Signataire;
        var avec = PdfDeTest.AjouterMiseAJour(pdf, objets, trailer);
        var position = avec.AsSpan().LastIndexOf(Encoding.ASCII.GetBytes(Emplacement));
        position.ShouldBeGreaterThan(pdf.Length, "l'emplacement de la signature est absent de la mise à jour");
        var crochet = position + "/ByteRange ".Length;
        var debut = position + Emplacement.Length - 16384 - 2;
        var fin = debut + 16384 + 2;
        var plage = $"[0 {debut} {fin} {avec.Length - fin}]".PadRight("[0 0000000000 0000000000 0000000000]".Length);
        Encoding.ASCII.GetBytes(plage).CopyTo(avec, crochet);
        var donnees = avec.AsSpan(0, debut).ToArray().Concat(avec.AsSpan(fin).ToArray()).ToArray();
        var signature = cms?.Invoke(donnees) ?? ConstructeurCms.Signer(donnees, signataire, Pki.Instance.Autorites(signataire), null);
        Encoding.ASCII.GetBytes(Convert.ToHexString(signature)).CopyTo(avec, debut + 1);
        return avec;
    }

    public static RapportVerification Verifier(byte[] pdf, string? dossier = null) =>
        Verificateur(dossier).Verifier(new FichierRecu("offre.pdf", pdf), null);

    public static Controle Controle(this RapportSignature signature, string code) => signature.Controles.Single(c => c.Code == code);

    /// <summary>Rewrites the last signature's /ByteRange and signs the new range again: a signer that excludes what it wants.</summary>
    public static byte[] ResignerAvecPlage(byte[] signe, Func<long[], long[]> modifier)
    {
        var (plage, position, longueur) = PdfDeTest.DerniereByteRange(signe);
        var nouvelle = modifier(plage);
        var copie = signe.ToArray();
        Encoding.ASCII.GetBytes($"/ByteRange [{string.Join(' ', nouvelle)}]".PadRight(longueur)).CopyTo(copie, position);
        var donnees = copie.AsSpan((int)nouvelle[0], (int)nouvelle[1]).ToArray().Concat(copie.AsSpan((int)nouvelle[2], (int)nouvelle[3]).ToArray()).ToArray();
        var cms = ConstructeurCms.Signer(donnees, Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), null);
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(copie, plage[1] + 1);
        return copie;
    }

    /// <summary>Debian's pdfsig (poppler), an independent reader of the signature.</summary>
    public static string Pdfsig(byte[] pdf)
    {
        var fichier = Path.Combine(Path.GetTempPath(), $"sigma-pdfsig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(fichier, pdf);
        try
        {
            using var processus = Process.Start(new ProcessStartInfo("pdfsig", [fichier]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var sortie = processus.StandardOutput.ReadToEnd() + processus.StandardError.ReadToEnd();
            processus.WaitForExit();
            return sortie;
        }
        finally
        {
            File.Delete(fichier);
        }
    }
}
