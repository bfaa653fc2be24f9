using System.Text;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature.Tests;

/// <summary>Damaged files never make the verifier throw: each comes back as a report (the page never answers 5xx).</summary>
public class EntreesAbimeesTests
{
    private static byte[] Abimer(byte[] octets, Random hasard, int debut)
    {
        var copie = octets.ToArray();
        for (var i = 0; i < 8; i++)
        {
            copie[hasard.Next(debut, copie.Length)] = (byte)hasard.Next(256);
        }
        return copie;
    }

    [Fact]
    public void A_time_stamped_detached_signature_damaged_anywhere_gives_a_report()
    {
        var fichier = Encoding.UTF8.GetBytes("Mémoire technique de l'offre, lot 3.");
        var p7s = ConstructeurCms.Signer(fichier, Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), DateTimeOffset.UtcNow, Tsa.Horodateur());
        Signatures.Verificateur().Verifier(new FichierRecu("memoire.docx", fichier), new FichierRecu("memoire.docx.p7s", p7s)).Signatures.Single()
            .Niveau.ShouldBe("CAdES B-T : signature horodatée, sans données de révocation embarquées.");
        var hasard = new Random(11);

        for (var essai = 0; essai < 300; essai++)
        {
            var abime = Abimer(p7s, hasard, 0);
            var rapport = Should.NotThrow(() => Signatures.Verificateur().Verifier(new FichierRecu("memoire.docx", fichier), new FichierRecu("memoire.docx.p7s", abime)));
            rapport.Signatures.Count.ShouldBe(1, string.Join(" ", rapport.Remarques));
            rapport.Signatures[0].Controles.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void A_b_lt_pdf_damaged_in_its_later_updates_gives_a_report()
    {
        var signe = SignaturePades(PdfDeTest.Classique());
        var lt = Validation.AjouterDss(signe, certificats: [Pki.Instance.Intermediaire.RawData], ocsps: [Validation.Ocsp(Pki.Instance.Signataire)], crls: [Validation.Crl()]);
        var hasard = new Random(7);

        for (var essai = 0; essai < 150; essai++)
        {
            var abime = Abimer(lt, hasard, signe.Length / 2);
            var rapport = Should.NotThrow(() => Signatures.Verifier(abime));
            (rapport.Signatures.Count > 0 || rapport.Remarques.Count > 0).ShouldBeTrue();
            rapport.Conclusion.ShouldBeOneOf(Verdict.Valide, Verdict.Invalide, Verdict.Indeterminee);
        }
    }

    private static byte[] SignaturePades(byte[] pdf) =>
        Sigma.Signature.Infrastructure.Pdf.SignatairePades.Signer(pdf, Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), DateTimeOffset.UtcNow,
            horodateur: Tsa.Horodateur()).Pdf;
}
