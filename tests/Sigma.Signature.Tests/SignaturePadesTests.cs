using System.Text;
using Sigma.Signature.Domain;
using UglyToad.PdfPig;

namespace Sigma.Signature.Tests;

public class SignaturePadesTests
{
    [Fact]
    public void A_signed_pdf_is_a_valid_pades_signature_covering_the_whole_file()
    {
        var original = PdfDeTest.Classique(pages: 2);
        var signe = Signatures.SignerPdf(original);

        signe.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue("la mise à jour incrémentale garde le fichier d'origine intact");
        var rapport = Signatures.Verifier(signe);
        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
        var signature = rapport.Signatures.ShouldHaveSingleItem();
        signature.Format.ShouldBe(FormatSignature.PAdES);
        signature.AlgorithmeEmpreinte.ShouldBe("SHA-256");
        signature.Controle("perimetre").Detail.ShouldBe("La signature couvre l'intégralité du fichier.");
        signature.Controle("certificat").Etat.ShouldBe(EtatControle.Reussi);
        signature.Controle("revocation").Etat.ShouldBe(EtatControle.NonVerifie);
        signature.Signataire!.NomCommun.ShouldBe("Camille Martin");
        signature.Signataire.Organisation.ShouldBe("Formation Occitanie Avenir");
        signature.Signataire.Email.ShouldBe("camille.martin@cfp.test");
        signature.Chaine.ShouldBe(["Camille Martin", "AC intermédiaire de test", "Racine de test Sigma"]);
        signature.HeureSignature.ShouldNotBeNull().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
        using var lu = PdfDocument.Open(signe);
        lu.NumberOfPages.ShouldBe(2);
    }

    [Fact]
    public void Pdfsig_says_the_signature_is_valid()
    {
        var sortie = Signatures.Pdfsig(Signatures.SignerPdf(PdfDeTest.Classique()));

        sortie.ShouldContain("Signature Validation: Signature is Valid.");
        sortie.ShouldContain("Signature Type: ETSI.CAdES.detached");
        sortie.ShouldContain("Total document signed");
    }

    [Fact]
    public void A_pdf_with_an_object_stream_and_a_cross_reference_stream_is_signed_twice_and_both_signatures_hold()
    {
        var signe = Signatures.SignerPdf(Signatures.SignerPdf(PdfDeTest.AvecFluxObjets()));

        var rapport = Signatures.Verifier(signe);
        rapport.Signatures.Count.ShouldBe(2);
        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
        Encoding.Latin1.GetString(signe).ShouldContain("/Type /XRef");
        var pdfsig = Signatures.Pdfsig(signe);
        pdfsig.Split("Signature is Valid.").Length.ShouldBe(3, pdfsig);
        using var lu = PdfDocument.Open(signe);
        lu.GetPage(1).ShouldNotBeNull();
    }

    [Fact]
    public void A_pdf_written_by_pdfsharp_is_signed_and_read_back_by_pdfpig_and_pdfsig()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.ParPdfSharp());

        Signatures.Verifier(signe).Conclusion.ShouldBe(Verdict.Valide);
        Signatures.Pdfsig(signe).ShouldContain("Signature Validation: Signature is Valid.");
        using var lu = PdfDocument.Open(signe);
        lu.NumberOfPages.ShouldBe(2);
    }

    [Fact]
    public void A_second_signature_keeps_the_first_valid_and_says_it_only_added_a_signature()
    {
        var une = Signatures.SignerPdf(PdfDeTest.Classique());
        var deux = Signatures.SignerPdf(une, Pki.Instance.SignataireSansNonRepudiation);

        var rapport = Signatures.Verifier(deux);
        rapport.Signatures.Count.ShouldBe(2);
        var premiere = rapport.Signatures[0];
        premiere.Conclusion.ShouldBe(Verdict.Valide, premiere.Motif);
        premiere.Controle("perimetre").Etat.ShouldBe(EtatControle.Information);
        premiere.Controle("perimetre").Detail.ShouldContain("ne font qu'ajouter une signature");
        var seconde = rapport.Signatures[1];
        seconde.Nom.ShouldBe("Signature2");
        seconde.Conclusion.ShouldBe(Verdict.Valide, seconde.Motif);
        seconde.Controle("usage").Etat.ShouldBe(EtatControle.Avertissement);
        Signatures.Pdfsig(deux).Split("Signature is Valid.").Length.ShouldBe(3);
    }

    [Fact]
    public void Flipping_one_byte_inside_the_signed_range_makes_the_signature_invalid()
    {
        var signe = PdfDeTest.Remplacer(Signatures.SignerPdf(PdfDeTest.Classique()), "0 0 1 rg", "1 0 0 rg");

        var signature = Signatures.Verifier(signe).Signatures.ShouldHaveSingleItem();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("empreinte").Etat.ShouldBe(EtatControle.Echec);
        signature.Motif.ShouldContain("Les données ont été modifiées après la signature");
    }

    [Fact]
    public void A_page_appended_after_signing_is_flagged_and_invalidates_the_signature()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var n = PdfDeTest.ProchainNumero(signe);
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string>
        {
            [2] = $"<< /Type /Pages /Kids [3 0 R {n} 0 R] /Count 2 >>",
            [n] = $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {n + 1} 0 R >>",
            [n + 1] = "<< /Length 26 >>\nstream\n1 0 0 rg 0 0 595 842 re f\nendstream",
        });

        var signature = Signatures.Verifier(modifie).Signatures.ShouldHaveSingleItem();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        var perimetre = signature.Controle("perimetre");
        perimetre.Etat.ShouldBe(EtatControle.Echec);
        perimetre.Detail.ShouldContain("1 page ajoutée après la signature");
        perimetre.Detail.ShouldContain("arborescence des pages modifiée");
        signature.Controle("empreinte").Etat.ShouldBe(EtatControle.Reussi);
    }

    [Fact]
    public void A_content_stream_replaced_after_signing_is_flagged()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string> { [4] = "<< /Length 27 >>\nstream\n1 0 0 rg 50 700 200 50 re f\nendstream" });

        var perimetre = Signatures.Verifier(modifie).Signatures.Single().Controle("perimetre");
        perimetre.Etat.ShouldBe(EtatControle.Echec);
        perimetre.Detail.ShouldContain("flux de contenu modifié (objet 4)");
    }

    [Fact]
    public void A_byte_range_that_does_not_start_at_the_beginning_of_the_file_is_invalid()
    {
        var signe = Signatures.ResignerAvecPlage(Signatures.SignerPdf(PdfDeTest.Classique()), p => [10, p[1] - 10, p[2], p[3]]);

        var signature = Signatures.Verifier(signe).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Motif.ShouldContain("ne part pas du début du fichier");
    }

    [Fact]
    public void A_byte_range_that_leaves_more_than_the_signature_value_uncovered_is_invalid()
    {
        var signe = Signatures.ResignerAvecPlage(Signatures.SignerPdf(PdfDeTest.Classique()), p => [0, p[1] - 12, p[2], p[3]]);

        var signature = Signatures.Verifier(signe).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Motif.ShouldContain("n'est pas seulement la valeur /Contents");
    }

    [Fact]
    public void Bytes_appended_without_forming_an_update_are_reported_as_uncovered()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var allonge = signe.Concat(Encoding.ASCII.GetBytes("% des octets hors signature\n")).ToArray();

        var perimetre = Signatures.Verifier(allonge).Signatures.Single().Controle("perimetre");
        perimetre.Etat.ShouldBe(EtatControle.Avertissement);
        perimetre.Detail.ShouldContain("ne sont pas couverts par la signature");
    }

    [Fact]
    public void A_pdf_without_signature_gets_a_report_saying_so()
    {
        var rapport = Signatures.Verifier(PdfDeTest.Classique());

        rapport.Signatures.ShouldBeEmpty();
        rapport.Conclusion.ShouldBe(Verdict.Invalide);
        rapport.Motif.ShouldBe("Le fichier ne comporte aucune signature électronique.");
        rapport.Remarques[0].ShouldBe("Ce PDF ne contient aucun champ de signature signé.");
    }
}
