using System.Text;
using System.Text.RegularExpressions;
using Sigma.Signature.Domain;
using UglyToad.PdfPig;

namespace Sigma.Signature.Tests;

/// <summary>
/// What ordinary PDF software does after a signature, each built as one incremental update appended to a PDF signed
/// by the tests' CA: the earlier signature stays intact and the report names what changed, metadata apart.
/// </summary>
public class MisesAJourTests
{
    private static RapportSignature Premiere(byte[] pdf)
    {
        var rapport = Signatures.Verifier(pdf);
        var premiere = rapport.Signatures[0];
        premiere.Conclusion.ShouldBe(Verdict.Valide, premiere.Motif);
        premiere.Controle("empreinte").Etat.ShouldBe(EtatControle.Reussi);
        return premiere;
    }

    [Fact]
    public void The_info_dictionary_rewritten_by_another_writer_leaves_the_signature_valid_and_is_named_as_metadata()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var n = PdfDeTest.ProchainNumero(signe);
        var modifie = PdfDeTest.AjouterMiseAJour(signe,
            new Dictionary<int, string> { [n] = "<< /Producer (Autre logiciel 2.0) /ModDate (D:20261201120000Z) >>" }, $"/Info {n} 0 R ");

        var perimetre = Premiere(modifie).Controle("perimetre");
        perimetre.Etat.ShouldBe(EtatControle.Information);
        perimetre.Detail.ShouldContain("ne font que modifier les métadonnées du document (dictionnaire d'informations du document (/Info) réécrit");
        perimetre.Detail.ShouldContain("sans changer les pages ni le contenu signés");
        Premiere(modifie).Controle("metadonnees").Detail.ShouldContain("/Info");
    }

    [Fact]
    public void An_info_dictionary_rewritten_in_place_is_metadata_too()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.AvecMetadonnees());
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string> { [5] = "<< /Producer (Autre logiciel 2.0) /ModDate (D:20261201120000Z) >>" }, "/Info 5 0 R ");

        Premiere(modifie).Controle("metadonnees").Detail.ShouldContain("dictionnaire d'informations du document (/Info) réécrit (objet 5)");
    }

    [Fact]
    public void The_xmp_metadata_rewritten_is_not_called_a_content_change()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.AvecMetadonnees());
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string> { [6] = PdfDeTest.Xmp("Autre logiciel 2.0") }, "/Info 5 0 R ");

        var premiere = Premiere(modifie);
        premiere.Controle("perimetre").Detail.ShouldNotContain("flux de contenu");
        premiere.Controle("metadonnees").Detail.ShouldContain("métadonnées XMP réécrites (objet 6)");
    }

    [Fact]
    public void The_catalog_gaining_a_new_xmp_stream_with_a_new_info_is_metadata_only()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var n = PdfDeTest.ProchainNumero(signe);
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string>
        {
            [1] = PdfDeTest.AvecEntree(PdfDeTest.Objet(signe, 1), "Metadata", $"{n} 0 R"),
            [n] = PdfDeTest.Xmp("Autre logiciel 2.0"),
            [n + 1] = "<< /Producer (Autre logiciel 2.0) >>",
        }, $"/Info {n + 1} 0 R ");

        var premiere = Premiere(modifie);
        premiere.Controle("perimetre").Etat.ShouldBe(EtatControle.Information);
        premiere.Controle("metadonnees").Detail.ShouldContain($"métadonnées XMP réécrites (objet {n})");
        premiere.Controle("metadonnees").Detail.ShouldContain("/Info");
    }

    [Fact]
    public void A_content_stream_passed_off_as_the_xmp_metadata_is_still_a_content_change()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var catalogue = PdfDeTest.AvecEntree(PdfDeTest.Objet(signe, 1), "Metadata", "4 0 R");
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string>
        {
            [1] = catalogue,
            [4] = "<< /Type /Metadata /Subtype /XML /Length 27 >>\nstream\n1 0 0 rg 50 700 200 50 re f\nendstream",
        });

        var signature = Signatures.Verifier(modifie).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("perimetre").Detail.ShouldContain("flux de contenu modifié (objet 4)");
    }

    [Fact]
    public void The_catalog_gaining_an_extensions_entry_is_metadata()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var catalogue = PdfDeTest.AvecEntree(PdfDeTest.Objet(signe, 1), "Extensions", "<< /ESIC << /BaseVersion /1.7 /ExtensionLevel 2 >> >>");
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string> { [1] = catalogue });

        var premiere = Premiere(modifie);
        premiere.Controle("perimetre").Etat.ShouldBe(EtatControle.Information);
        premiere.Controle("metadonnees").Detail.ShouldContain("déclaration d'extensions du catalogue (/Extensions) modifiée");
    }

    [Fact]
    public void The_catalog_gaining_an_open_action_is_still_a_content_change()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var n = PdfDeTest.ProchainNumero(signe);
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string>
        {
            [1] = PdfDeTest.AvecEntree(PdfDeTest.Objet(signe, 1), "OpenAction", $"{n} 0 R"),
            [n] = "<< /S /JavaScript /JS (app.alert\\('bonjour'\\)) >>",
        });

        var signature = Signatures.Verifier(modifie).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("perimetre").Detail.ShouldContain("catalogue du document modifié (entrée /OpenAction");
    }

    [Fact]
    public void An_object_nothing_refers_to_is_only_an_information()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var n = PdfDeTest.ProchainNumero(signe);
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string> { [n] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" });

        var perimetre = Premiere(modifie).Controle("perimetre");
        perimetre.Etat.ShouldBe(EtatControle.Information);
        perimetre.Detail.ShouldContain($"ajouter des objets que rien n'utilise (objet {n}), sans effet sur l'affichage");
    }

    [Fact]
    public void A_document_prepared_with_two_empty_signature_fields_is_signed_in_both_and_both_signatures_hold()
    {
        var prepare = PdfDeTest.AvecChampsSignature("Titulaire", "Acheteur");
        var une = Signatures.SignerPdf(prepare);
        var deux = Signatures.SignerPdf(une, Pki.Instance.SignataireSansNonRepudiation);

        var rapport = Signatures.Verifier(deux);
        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
        rapport.Signatures.Select(s => s.Nom).ShouldBe(["Titulaire", "Acheteur"]);
        var perimetre = rapport.Signatures[0].Controle("perimetre");
        perimetre.Etat.ShouldBe(EtatControle.Information);
        perimetre.Detail.ShouldContain("ne font qu'ajouter une signature (dans le champ prévu « Acheteur »)");
        using var lu = PdfDocument.Open(deux);
        lu.GetPage(1).GetAnnotations().Count().ShouldBe(2, "aucun champ n'a été ajouté");
        Encoding.Latin1.GetString(deux[une.Length..]).ShouldContain("/Subtype /Form", Case.Sensitive, "le champ signé reçoit une apparence");
        Signatures.Pdfsig(deux).Split("Signature is Valid.").Length.ShouldBe(3);
    }

    [Fact]
    public void Signatures_are_numbered_in_signing_order_not_in_the_order_of_the_form()
    {
        var prepare = PdfDeTest.AvecChampsSignature("Titulaire", "Acheteur");
        var deux = Signatures.SignerPdf(Signatures.SignerPdf(prepare, champ: "Acheteur"), champ: "Titulaire");

        var rapport = Signatures.Verifier(deux);
        rapport.Signatures.Select(s => (s.Numero, s.Nom)).ShouldBe([(1, "Acheteur"), (2, "Titulaire")]);
        rapport.Signatures[0].Controle("perimetre").Detail.ShouldContain("« Titulaire »");
    }

    [Fact]
    public void A_signed_field_whose_appearance_is_changed_afterwards_is_a_content_change()
    {
        var une = Signatures.SignerPdf(PdfDeTest.AvecChampsSignature("Titulaire"));
        var n = PdfDeTest.ProchainNumero(une);
        var modifie = PdfDeTest.AjouterMiseAJour(une, new Dictionary<int, string>
        {
            [5] = PdfDeTest.AvecEntree(PdfDeTest.Objet(une, 5), "AP", $"<< /N {n} 0 R >>"),
            [n] = "<< /Type /XObject /Subtype /Form /BBox [0 0 200 50] /Length 20 >>\nstream\n0 1 0 rg 0 0 200 50 re f\nendstream",
        });

        var signature = Signatures.Verifier(modifie).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("perimetre").Detail.ShouldContain("champ de signature « Titulaire » modifié");
    }

    [Fact]
    public void A_second_signer_adding_a_field_through_new_indirect_annots_and_fields_arrays_keeps_the_first_signature_valid()
    {
        var une = Signatures.SignerPdf(PdfDeTest.Classique());
        var (formulaire, champs) = PdfDeTest.Formulaire(une);
        var n = PdfDeTest.ProchainNumero(une);
        var page = Regex.Replace(PdfDeTest.Objet(une, 3), @"/Annots\s*\[[^\]]*\]", $"/Annots {n + 2} 0 R");
        var deux = Signatures.SignerMiseAJour(une, new Dictionary<int, string>
        {
            [n] = $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20261201120000Z) {Signatures.Emplacement} >>",
            [n + 1] = $"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature2) /V {n} 0 R /F 132 /Rect [0 0 0 0] /P 3 0 R >>",
            [n + 2] = $"[{string.Join(' ', champs)} {n + 1} 0 R]",
            [n + 3] = $"[{string.Join(' ', champs)} {n + 1} 0 R]",
            [3] = page,
            [formulaire] = $"<< /Fields {n + 3} 0 R /SigFlags 3 >>",
        });

        var rapport = Signatures.Verifier(deux);
        rapport.Signatures.Count.ShouldBe(2);
        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
        rapport.Signatures[0].Controle("perimetre").Detail.ShouldContain("ne font qu'ajouter une signature sans changer les pages ni le contenu signés");
    }

    [Fact]
    public void A_new_indirect_annots_array_that_brings_a_link_besides_the_widget_is_a_content_change()
    {
        var une = Signatures.SignerPdf(PdfDeTest.Classique());
        var n = PdfDeTest.ProchainNumero(une);
        var (_, champs) = PdfDeTest.Formulaire(une);
        var modifie = PdfDeTest.AjouterMiseAJour(une, new Dictionary<int, string>
        {
            [3] = Regex.Replace(PdfDeTest.Objet(une, 3), @"/Annots\s*\[[^\]]*\]", $"/Annots {n} 0 R"),
            [n] = $"[{string.Join(' ', champs)} {n + 1} 0 R]",
            [n + 1] = "<< /Type /Annot /Subtype /Link /Rect [50 700 250 750] /A << /S /URI /URI (https://exemple.test) >> >>",
        });

        var signature = Signatures.Verifier(modifie).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("perimetre").Detail.ShouldContain("annotation Link ajoutée sur la page 1");
    }

    [Fact]
    public void An_update_that_frees_the_page_content_in_a_classic_table_is_a_content_change()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var xref = signe.Length;
        var mise = $"xref\n4 1\n0000000000 00001 f\r\ntrailer\n<< /Size {PdfDeTest.ProchainNumero(signe)} /Root 1 0 R /Prev {Sigma.Signature.Infrastructure.Pdf.StructurePdf.DernierStartxref(signe)} >>\nstartxref\n{xref}\n%%EOF\n";
        var modifie = signe.Concat(Encoding.ASCII.GetBytes(mise)).ToArray();

        var signature = Signatures.Verifier(modifie).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("perimetre").Detail.ShouldContain("flux de contenu supprimé (objet 4)");
    }

    [Fact]
    public void An_update_that_frees_the_page_in_a_cross_reference_stream_is_a_content_change()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.AvecFluxObjets());
        var n = PdfDeTest.ProchainNumero(signe);
        var position = signe.Length;
        byte[] lignes = [0, 0, 0, 0, 0, 0, 1, 1, (byte)(position >> 24), (byte)(position >> 16), (byte)(position >> 8), (byte)position, 0, 0];
        var entete = $"{n} 0 obj\n<< /Type /XRef /Size {n + 1} /W [1 4 2] /Index [3 1 {n} 1] /Root 1 0 R /Prev {Sigma.Signature.Infrastructure.Pdf.StructurePdf.DernierStartxref(signe)} /Length {lignes.Length} >>\nstream\n";
        var modifie = signe.Concat(Encoding.ASCII.GetBytes(entete)).Concat(lignes).Concat(Encoding.ASCII.GetBytes($"\nendstream\nendobj\nstartxref\n{position}\n%%EOF\n")).ToArray();

        var signature = Signatures.Verifier(modifie).Signatures.Single();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Controle("perimetre").Detail.ShouldContain("page supprimée (objet 3)");
    }

    [Fact]
    public void An_update_that_changes_nothing_says_so()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var modifie = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string> { [4] = PdfDeTest.Objet(signe, 4) });

        Premiere(modifie).Controle("perimetre").Detail.ShouldEndWith("elles ne modifient aucun objet du document signé.");
    }
}
