using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Domain;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Horodatage;
using Sigma.Signature.Infrastructure.Pdf;

namespace Sigma.Signature.Tests;

/// <summary>RFC 3161 time-stamps: signing in B-T against a TSA on loopback, the proven time in the report, document time-stamps.</summary>
public class HorodatageTests
{
    private static AutoriteHorodatage Autorite(string? url) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Signature:Horodatage:Url"] = url }).Build());

    private static byte[] SignerHorodate(byte[] pdf, X509Certificate2? signataire = null, DateTimeOffset? heure = null, Func<byte[], byte[]>? horodateur = null)
    {
        var certificat = signataire ?? Pki.Instance.Signataire;
        return SignatairePades.Signer(pdf, certificat, Pki.Instance.Autorites(certificat), heure ?? DateTimeOffset.UtcNow,
            horodateur: horodateur ?? Tsa.Horodateur(heure)).Pdf;
    }

    [Fact]
    public void With_a_configured_time_stamp_authority_sigma_signs_in_pades_b_t()
    {
        using var serveur = new ServeurTsa();
        var autorite = Autorite(serveur.Url);
        autorite.Horodateur.ShouldNotBeNull();

        var pdf = SignatairePades.Signer(PdfDeTest.Classique(), Pki.Instance.Signataire, Pki.Instance.Autorites(Pki.Instance.Signataire), DateTimeOffset.UtcNow,
            horodateur: autorite.Horodateur).Pdf;

        serveur.Requetes.ShouldBe(1);
        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Valide, signature.Motif);
        signature.Controle("horodatage").Etat.ShouldBe(EtatControle.Reussi);
        signature.Controle("horodatage").Detail.ShouldContain("Jeton RFC 3161 de « Horodatage de test Sigma »");
        signature.Niveau.ShouldBe("PAdES B-T : signature horodatée, sans données de révocation embarquées.");
        signature.HeureProuvee.ShouldBeTrue();
        signature.Controle("heure").Detail.ShouldContain("prouvée par l'horodatage de « Horodatage de test Sigma »");
        Signatures.Pdfsig(pdf).ShouldContain("Signature is Valid.");
    }

    [Fact]
    public void Without_a_configured_authority_signatures_stay_b_b()
    {
        Autorite(null).Horodateur.ShouldBeNull();
        Autorite("pas une adresse").Horodateur.ShouldBeNull();
        Signatures.Verifier(Signatures.SignerPdf(PdfDeTest.Classique())).Signatures.Single().Niveau.ShouldBe("PAdES B-B : signature de base, sans horodatage.");
    }

    [Fact]
    public void An_authority_that_does_not_answer_is_a_french_refusal_not_a_crash()
    {
        using var serveur = new ServeurTsa();
        var url = serveur.Url;
        serveur.Dispose();

        var refus = Should.Throw<DomainException>(() => SignatairePades.Signer(PdfDeTest.Classique(), Pki.Instance.Signataire, [], DateTimeOffset.UtcNow,
            horodateur: Autorite(url).Horodateur));
        refus.Message.ShouldContain("L'autorité d'horodatage ne répond pas");
    }

    [Fact]
    public void A_certificate_expired_after_the_time_stamp_leaves_the_signature_valid()
    {
        var ilYaDeuxAns = DateTimeOffset.UtcNow.AddYears(-2);
        var pdf = SignerHorodate(PdfDeTest.Classique(), Pki.Instance.SignataireExpire, ilYaDeuxAns);

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Valide, signature.Motif);
        signature.Controle("validite").Detail.ShouldContain("était en vigueur à l'heure prouvée par horodatage");
        signature.Controle("validite").Detail.ShouldContain("ce qui ne retire rien à la signature");
        signature.HeureSignature!.Value.ShouldBe(ilYaDeuxAns, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_time_stamp_over_other_data_proves_nothing_and_leaves_the_level_at_b_b()
    {
        var autreJeton = Tsa.Horodateur();
        var pdf = SignerHorodate(PdfDeTest.Classique(), horodateur: valeur => autreJeton([.. valeur, 1]));

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Controle("horodatage").Etat.ShouldBe(EtatControle.Avertissement);
        signature.Controle("horodatage").Detail.ShouldContain("l'empreinte que porte l'horodatage ne correspond pas aux données horodatées");
        signature.Niveau!.ShouldStartWith("PAdES B-B");
        signature.HeureProuvee.ShouldBeFalse();
    }

    [Fact]
    public void A_time_stamp_from_an_untrusted_authority_proves_nothing()
    {
        var pdf = SignerHorodate(PdfDeTest.Classique(), horodateur: Tsa.Horodateur(autorite: Pki.Instance.HorodateurNonReconnu));

        var signature = Signatures.Verifier(pdf).Signatures.Single();
        signature.Controle("horodatage").Detail.ShouldContain("ne remonte à aucune autorité de confiance configurée");
        signature.HeureProuvee.ShouldBeFalse();
    }

    [Fact]
    public void A_document_time_stamp_is_verified_and_gives_the_signature_before_it_a_proven_time()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var horodate = Validation.AjouterHorodatageDocument(signe);

        var rapport = Signatures.Verifier(horodate);
        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
        rapport.Signatures.Count.ShouldBe(2);
        var signature = rapport.Signatures[0];
        signature.Controle("perimetre").Detail.ShouldContain("ne font qu'ajouter un horodatage du document");
        signature.Controle("horodatage-document").Detail.ShouldContain("« Horodatage de test Sigma »");
        signature.Niveau!.ShouldStartWith("PAdES B-T");
        var document = rapport.Signatures[1];
        document.Format.ShouldBe(FormatSignature.Horodatage);
        document.Controle("horodatage").Etat.ShouldBe(EtatControle.Reussi);
        document.HeureProuvee.ShouldBeTrue();
    }

    [Fact]
    public void A_document_changed_after_its_document_time_stamp_breaks_the_time_stamp()
    {
        var horodate = Validation.AjouterHorodatageDocument(Signatures.SignerPdf(PdfDeTest.Classique()));
        var modifie = PdfDeTest.Remplacer(horodate, "0 0 1 rg", "1 0 0 rg");

        var document = Signatures.Verifier(modifie).Signatures[1];
        document.Conclusion.ShouldBe(Verdict.Invalide);
        document.Motif.ShouldContain("l'empreinte que porte l'horodatage ne correspond pas aux données horodatées");
    }

    [Fact]
    public void Algorithm_strength_is_judged_at_the_proven_time_not_at_a_declared_one()
    {
        var en2009 = new DateTimeOffset(2009, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Sigma.Signature.Infrastructure.Cms.Algorithmes.Faiblesse("SHA-1", "RSA", 1024, en2009).ShouldBeNull();
        Sigma.Signature.Infrastructure.Cms.Algorithmes.Faiblesse("SHA-1", "RSA", 1024).ShouldBe(
            "l'empreinte SHA-1 n'est plus sûre ; une clé RSA de 1024 bits est trop courte (2048 bits au moins)");
        Sigma.Signature.Infrastructure.Cms.Algorithmes.Faiblesse("SHA-1", "RSA", 2048, en2009.AddYears(3)).ShouldBe("l'empreinte SHA-1 n'est plus sûre");
        Sigma.Signature.Infrastructure.Cms.Algorithmes.Faiblesse("MD5", "RSA", 2048, en2009).ShouldBe("l'empreinte MD5 n'est plus sûre");
    }

    [Fact]
    public void A_document_time_stamp_made_after_the_certificate_expired_proves_nothing_of_the_signing_time()
    {
        var signe = SignatairePades.Signer(PdfDeTest.Classique(), Pki.Instance.SignataireExpire, Pki.Instance.Autorites(Pki.Instance.SignataireExpire),
            DateTimeOffset.UtcNow.AddYears(-2)).Pdf;
        var horodate = Validation.AjouterHorodatageDocument(signe);

        var signature = Signatures.Verifier(horodate).Signatures[0];
        signature.Conclusion.ShouldBe(Verdict.Indeterminee);
        signature.Controle("validite").Detail.ShouldContain("le plus ancien horodatage qui couvre la signature");
    }
}
