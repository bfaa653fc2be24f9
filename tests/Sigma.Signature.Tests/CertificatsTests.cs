using Sigma.BuildingBlocks.Domain;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Certificats;

namespace Sigma.Signature.Tests;

public class CertificatsTests
{
    private static DomainException Refus(System.Security.Cryptography.X509Certificates.X509Certificate2 certificat, string motDePasse = Pki.MotDePasse) =>
        Should.Throw<DomainException>(() => CertificatSignataire.Ouvrir(Pki.Instance.Pkcs12(certificat), motDePasse, DateTimeOffset.UtcNow));

    [Fact]
    public void An_expired_certificate_is_refused()
    {
        var refus = Refus(Pki.Instance.SignataireExpire);
        refus.Champ.ShouldBe("Certificat");
        refus.Message.ShouldStartWith("Ce certificat a expiré le");
    }

    [Fact]
    public void A_certificate_not_yet_valid_is_refused() =>
        Refus(Pki.Instance.SignataireFutur).Message.ShouldStartWith("Ce certificat n'est pas encore valide");

    [Fact]
    public void A_certificate_without_a_signing_key_usage_is_refused() =>
        Refus(Pki.Instance.SignataireChiffrementSeul).Message.ShouldContain("ni « signature numérique » ni « non-répudiation »");

    [Fact]
    public void A_wrong_password_is_refused_next_to_the_password_field()
    {
        var refus = Refus(Pki.Instance.Signataire, "pas le bon");
        refus.Champ.ShouldBe("MotDePasse");
        refus.Message.ShouldContain("vérifiez le mot de passe");
    }

    [Fact]
    public void The_pkcs12_gives_the_signer_with_its_key_and_the_intermediate_authority()
    {
        using var ouvert = CertificatSignataire.Ouvrir(Pki.Instance.Pkcs12(Pki.Instance.Signataire), Pki.MotDePasse, DateTimeOffset.UtcNow);
        ouvert.Certificat.HasPrivateKey.ShouldBeTrue();
        ouvert.Autorites.Select(a => a.Subject).ShouldBe([Pki.Instance.Intermediaire.Subject]);
    }

    [Fact]
    public void A_signature_by_an_expired_certificate_is_invalid_at_its_signing_time()
    {
        var signature = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireExpire)).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("validite").Detail.ShouldContain("n'était pas en vigueur à l'heure de signature");
    }

    [Fact]
    public void A_signer_under_an_untrusted_root_of_the_same_name_is_indeterminate()
    {
        var signature = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireNonReconnu)).Signatures.Single();
        signature.Controle("empreinte").Etat.ShouldBe(EtatControle.Reussi);
        signature.Conclusion.ShouldBe(Verdict.Indeterminee);
        signature.Controle("chaine").Detail.ShouldContain("ne remonte à aucune autorité de confiance configurée");
    }

    [Fact]
    public void A_root_reissued_with_the_same_key_is_trusted_by_its_key()
    {
        var dossier = Pki.DossierRacines(Pki.Instance.RacineReemise);
        Pki.Instance.RacineReemise.SerialNumber.ShouldNotBe(Pki.Instance.Racine.SerialNumber);

        var rapport = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique()), dossier);
        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
    }

    [Fact]
    public void Without_any_trusted_root_the_signature_is_indeterminate()
    {
        var vide = Directory.CreateTempSubdirectory("sigma-vide-").FullName;
        var rapport = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique()), vide);
        rapport.Conclusion.ShouldBe(Verdict.Indeterminee);
        rapport.Signatures.Single().Controle("chaine").Detail.ShouldBe("Aucune autorité de confiance n'est configurée sur cette plate-forme.");
    }

    [Fact]
    public void An_rsa_key_under_2048_bits_is_flagged_as_weak()
    {
        var signature = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireCleFaible)).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Indeterminee);
        signature.Controle("algorithmes").Detail.ShouldContain("une clé RSA de 1024 bits est trop courte");
    }
}
