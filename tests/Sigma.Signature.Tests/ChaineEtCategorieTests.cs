using Microsoft.Extensions.Configuration;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature.Tests;

/// <summary>Chain rules that hold without a trusted root, the policy's warnings and failures, and the certificate's category.</summary>
public class ChaineEtCategorieTests
{
    private static readonly string SansRacine = Directory.CreateTempSubdirectory("sigma-sans-racine-").FullName;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_issuer_that_is_not_a_ca_makes_the_signature_invalid_with_or_without_a_trusted_root(bool racineConfiguree)
    {
        var pdf = Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireSousIntermediaireSansCa);

        var signature = Signatures.Verifier(pdf, racineConfiguree ? null : SansRacine).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("autorites").Detail.ShouldContain("« Certificat final détourné », qui a émis un certificat de la chaîne, n'est pas une autorité de certification");
        signature.Chaine.ShouldContain("Certificat final détourné");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_authority_without_key_cert_sign_makes_the_signature_invalid_with_or_without_a_trusted_root(bool racineConfiguree)
    {
        var pdf = Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireSousIntermediaireSansKeyCertSign);

        var signature = Signatures.Verifier(pdf, racineConfiguree ? null : SansRacine).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("autorites").Detail.ShouldContain("n'a pas l'usage de clé « signature de certificats » (keyCertSign)");
    }

    [Fact]
    public void A_sound_chain_passes_the_authority_check()
    {
        var signature = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique())).Signatures.Single();
        signature.Controle("autorites").Etat.ShouldBe(EtatControle.Reussi);
    }

    [Fact]
    public void Missing_non_repudiation_is_a_warning_by_default_and_a_failure_when_the_policy_requires_it()
    {
        var pdf = Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireSansNonRepudiation);

        var parDefaut = Signatures.Verificateur().Verifier(new FichierRecu("offre.pdf", pdf), null);
        parDefaut.Conclusion.ShouldBe(Verdict.Valide, parDefaut.Motif);
        parDefaut.Signatures[0].Controle("usage").Etat.ShouldBe(EtatControle.Avertissement);

        var exigeante = Signatures.Verificateur(politique: new Politique(NonRepudiationExigee: true)).Verifier(new FichierRecu("offre.pdf", pdf), null);
        exigeante.Conclusion.ShouldBe(Verdict.Invalide);
        exigeante.Signatures[0].Motif.ShouldContain("que la politique de validation de la plate-forme exige");
    }

    [Fact]
    public void The_policy_is_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signature:Politique:NonRepudiation"] = "Echec",
            ["Signature:Politique:CertificatQualifie"] = "Avertissement",
            ["Signature:Politique:Revocation"] = "échec",
        }).Build();
        Politique.Lire(configuration).ShouldBe(new Politique(NonRepudiationExigee: true, CertificatQualifieExige: false, RevocationExigee: true));
    }

    [Fact]
    public void A_qualified_certificate_on_a_qscd_is_reported_as_qualified()
    {
        var signature = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireQualifie)).Signatures.Single();

        signature.Conclusion.ShouldBe(Verdict.Valide, signature.Motif);
        var categorie = signature.Controle("qualifie");
        categorie.Etat.ShouldBe(EtatControle.Reussi);
        categorie.Detail.ShouldStartWith("Certificat qualifié de signature électronique");
        categorie.Detail.ShouldContain("signature qualifiée au sens du règlement eIDAS");
        signature.Signataire!.Categorie.ShouldBe("certificat qualifié, clé sur dispositif qualifié (QSCD)");
    }

    [Fact]
    public void A_qualified_certificate_without_qscd_and_a_qualified_seal_are_told_apart()
    {
        var logiciel = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireQualifieSansQscd)).Signatures.Single();
        logiciel.Controle("qualifie").Detail.ShouldContain("signature avancée reposant sur un certificat qualifié");
        logiciel.Signataire!.Categorie.ShouldBe("certificat qualifié");

        var cachet = Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique(), Pki.Instance.SignataireCachetQualifie)).Signatures.Single();
        cachet.Controle("qualifie").Detail.ShouldStartWith("Certificat qualifié de cachet électronique (personne morale)");
    }

    [Fact]
    public void A_certificate_without_qc_statements_is_not_qualified_a_warning_unless_the_policy_requires_it()
    {
        var pdf = Signatures.SignerPdf(PdfDeTest.Classique());

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Valide, signature.Motif);
        signature.Controle("qualifie").Etat.ShouldBe(EtatControle.Avertissement);
        signature.Controle("qualifie").Detail.ShouldBe("Le certificat n'est pas un certificat qualifié : il ne porte pas la déclaration QcCompliance. "
            + "L'arrêté du 22 mars 2019 demande une signature avancée reposant sur un certificat qualifié.");
        signature.Signataire!.Categorie.ShouldBe("certificat non qualifié");

        var exigeante = Signatures.Verificateur(politique: new Politique(CertificatQualifieExige: true)).Verifier(new FichierRecu("offre.pdf", pdf), null);
        exigeante.Conclusion.ShouldBe(Verdict.Invalide);
    }

    [Fact]
    public void Unchecked_revocation_is_indeterminate_only_when_the_policy_requires_revocation()
    {
        var pdf = Signatures.SignerPdf(PdfDeTest.Classique());
        Signatures.Verifier(pdf).Conclusion.ShouldBe(Verdict.Valide);

        var exigeante = Signatures.Verificateur(politique: new Politique(RevocationExigee: true)).Verifier(new FichierRecu("offre.pdf", pdf), null);
        exigeante.Conclusion.ShouldBe(Verdict.Indeterminee);
        exigeante.Signatures[0].Controle("revocation").Detail.ShouldEndWith("La politique de validation de la plate-forme exige que la révocation soit vérifiée.");

        var avecDonnees = Validation.AjouterDss(pdf, ocsps: [Validation.Ocsp(Pki.Instance.Signataire)]);
        Signatures.Verificateur(politique: new Politique(RevocationExigee: true)).Verifier(new FichierRecu("offre.pdf", avecDonnees), null)
            .Conclusion.ShouldBe(Verdict.Valide);
    }
}
