using System.Text;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature.Tests;

public class CadesTests
{
    private static readonly byte[] Fichier = Encoding.UTF8.GetBytes("Mémoire technique de l'offre, lot 3.");

    private static byte[] Signer(byte[] fichier) =>
        ConstructeurCms.Signer(fichier, Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), DateTimeOffset.UtcNow);

    [Fact]
    public void A_detached_cades_signature_of_a_file_is_valid_with_its_signing_time()
    {
        var rapport = Signatures.Verificateur().Verifier(new FichierRecu("memoire.docx", Fichier), new FichierRecu("memoire.docx.p7s", Signer(Fichier)));

        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
        var signature = rapport.Signatures.Single();
        signature.Format.ShouldBe(FormatSignature.CAdES);
        signature.HeureSignature.ShouldNotBeNull();
        signature.Controle("certificat").Etat.ShouldBe(EtatControle.Reussi);
    }

    [Fact]
    public void A_file_changed_after_its_detached_signature_is_invalid()
    {
        var p7s = Signer(Fichier);
        var modifie = Encoding.UTF8.GetBytes("Mémoire technique de l'offre, lot 4.");

        var rapport = Signatures.Verificateur().Verifier(new FichierRecu("memoire.docx", modifie), new FichierRecu("memoire.docx.p7s", p7s));
        rapport.Conclusion.ShouldBe(Verdict.Invalide);
        rapport.Signatures.Single().Controle("empreinte").Etat.ShouldBe(EtatControle.Echec);
    }

    [Fact]
    public void A_pem_encoded_detached_signature_is_read_too()
    {
        var pem = Encoding.ASCII.GetBytes($"-----BEGIN PKCS7-----\n{Convert.ToBase64String(Signer(Fichier), Base64FormattingOptions.InsertLineBreaks)}\n-----END PKCS7-----\n");
        Signatures.Verificateur().Verifier(new FichierRecu("memoire.docx", Fichier), new FichierRecu("memoire.p7s", pem)).Conclusion.ShouldBe(Verdict.Valide);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_without_its_signature_gets_a_report_asking_for_it()
    {
        var rapport = Signatures.Verificateur().Verifier(new FichierRecu("memoire.docx", Fichier), null);
        rapport.Signatures.ShouldBeEmpty();
        rapport.Remarques[0].ShouldContain("joignez aussi sa signature détachée (.p7s)");
    }
}
