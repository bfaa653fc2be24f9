using Sigma.BuildingBlocks.Domain;
using Sigma.Signature.Domain;

namespace Sigma.Signature.Tests;

/// <summary>
/// Certification signatures (DocMDP P=1, 2, 3) and field locks (FieldMDP), written by hand as other software writes
/// them on the form of <see cref="PdfDeTest.AvecFormulaire"/>, then changed as the certification allows or forbids.
/// </summary>
public class CertificationTests
{
    private static string DocMdp(int p) => $"<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P {p} /V /1.2 >> >>";

    private const string VerrouPrix = "<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams << /Type /TransformParams /Action /Include /Fields [(Prix)] /V /1.2 >> >>";

    /// <summary>The author's signature over the prepared form: certifying (catalog /Perms /DocMDP) or approving, with its /Reference.</summary>
    private static byte[] SignerAuteur(string references, bool certifier)
    {
        var prepare = PdfDeTest.AvecFormulaire();
        var n = PdfDeTest.ProchainNumero(prepare);
        var perms = certifier ? $" /Perms << /DocMDP {n} 0 R >>" : "";
        return Signatures.SignerMiseAJour(prepare, new Dictionary<int, string>
        {
            [n] = $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20261201090000Z) /Reference [{references}] {Signatures.Emplacement} >>",
            [n + 1] = $"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Auteur) /V {n} 0 R /F 132 /Rect [0 0 0 0] /P 3 0 R >>",
            [1] = $"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R 7 0 R {n + 1} 0 R] /SigFlags 3 >>{perms} >>",
            [3] = $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R 6 0 R 7 0 R {n + 1} 0 R] >>",
        });
    }

    /// <summary>Fills a text field as a form filler does: a value and a new appearance stream.</summary>
    private static byte[] Remplir(byte[] pdf, int champ, string valeur)
    {
        var n = PdfDeTest.ProchainNumero(pdf);
        var dessin = $"BT /Helv 10 Tf 2 20 Td ({valeur}) Tj ET";
        var texte = PdfDeTest.AvecEntree(PdfDeTest.AvecEntree(PdfDeTest.Objet(pdf, champ), "V", $"({valeur})"), "AP", $"<< /N {n} 0 R >>");
        return PdfDeTest.AjouterMiseAJour(pdf, new Dictionary<int, string>
        {
            [champ] = texte,
            [n] = $"<< /Type /XObject /Subtype /Form /BBox [0 0 200 50] /Length {dessin.Length} >>\nstream\n{dessin}\nendstream",
        });
    }

    private static byte[] Annoter(byte[] pdf)
    {
        var n = PdfDeTest.ProchainNumero(pdf);
        var page = System.Text.RegularExpressions.Regex.Replace(PdfDeTest.Objet(pdf, 3), @"/Annots\s*\[([^\]]*)\]", $"/Annots [$1 {n} 0 R]");
        return PdfDeTest.AjouterMiseAJour(pdf, new Dictionary<int, string>
        {
            [3] = page,
            [n] = "<< /Type /Annot /Subtype /Text /Rect [300 700 320 720] /Contents (Prix à revoir) /P 3 0 R >>",
        });
    }

    private static RapportSignature Auteur(byte[] pdf) => Signatures.Verifier(pdf).Signatures[0];

    [Fact]
    public void A_certification_without_later_change_is_reported_with_its_level()
    {
        var auteur = Auteur(SignerAuteur(DocMdp(1), certifier: true));
        auteur.Conclusion.ShouldBe(Verdict.Valide, auteur.Motif);
        auteur.Controle("certification").Detail.ShouldBe("Signature de certification (niveau P=1 : aucune modification n'est permise) ; le document n'a pas été modifié depuis.");
    }

    [Fact]
    public void A_signature_added_to_a_p1_certified_document_makes_the_certification_invalid()
    {
        var certifie = SignerAuteur(DocMdp(1), certifier: true);
        var n = PdfDeTest.ProchainNumero(certifie);
        var signe = Signatures.SignerMiseAJour(certifie, new Dictionary<int, string>
        {
            [n] = $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20261201100000Z) {Signatures.Emplacement} >>",
            [7] = PdfDeTest.AvecEntree(PdfDeTest.Objet(certifie, 7), "V", $"{n} 0 R"),
        });

        var rapport = Signatures.Verifier(signe);
        rapport.Conclusion.ShouldBe(Verdict.Invalide);
        var auteur = rapport.Signatures[0];
        auteur.Controle("empreinte").Etat.ShouldBe(EtatControle.Reussi);
        auteur.Controle("certification").Etat.ShouldBe(EtatControle.Echec);
        auteur.Motif.ShouldContain("d'une façon que la certification interdit : une signature ajoutée");
        rapport.Signatures[1].Conclusion.ShouldBe(Verdict.Valide, rapport.Signatures[1].Motif);
    }

    [Fact]
    public void Sigma_refuses_to_sign_a_p1_certified_document()
    {
        var refus = Should.Throw<DomainException>(() => Signatures.SignerPdf(SignerAuteur(DocMdp(1), certifier: true)));
        refus.Message.ShouldContain("certifié par son auteur sans aucune modification permise");
    }

    [Fact]
    public void Metadata_rewritten_after_a_p1_certification_is_allowed()
    {
        var certifie = SignerAuteur(DocMdp(1), certifier: true);
        var n = PdfDeTest.ProchainNumero(certifie);
        var modifie = PdfDeTest.AjouterMiseAJour(certifie, new Dictionary<int, string> { [n] = "<< /Producer (Autre logiciel) >>" }, $"/Info {n} 0 R ");

        var auteur = Auteur(modifie);
        auteur.Conclusion.ShouldBe(Verdict.Valide, auteur.Motif);
        auteur.Controle("certification").Detail.ShouldContain("seules des données de validation ou des métadonnées ont été ajoutées depuis");
    }

    [Fact]
    public void Form_filling_of_a_p1_certified_document_is_forbidden()
    {
        var auteur = Auteur(Remplir(SignerAuteur(DocMdp(1), certifier: true), 5, "1 234,00"));
        auteur.Conclusion.ShouldBe(Verdict.Invalide);
        auteur.Controle("certification").Detail.ShouldContain("champ « Prix » rempli");
    }

    [Fact]
    public void Form_filling_and_signing_a_p2_certified_document_are_allowed_and_said_so()
    {
        var rempli = Remplir(SignerAuteur(DocMdp(2), certifier: true), 5, "1 234,00");
        var signe = Signatures.SignerPdf(rempli);

        var rapport = Signatures.Verifier(signe);
        rapport.Conclusion.ShouldBe(Verdict.Valide, rapport.Motif);
        var auteur = rapport.Signatures[0];
        auteur.Controle("certification").Detail.ShouldContain("les modifications faites depuis sont de celles qu'elle permet : remplissage du formulaire (champ « Prix ») ; une signature ajoutée");
        auteur.Controle("perimetre").Etat.ShouldBe(EtatControle.Information);
        auteur.Controle("perimetre").Detail.ShouldContain("remplir le formulaire (champ « Prix »)");
        rapport.Signatures[1].Nom.ShouldBe("Titulaire");
    }

    [Fact]
    public void An_annotation_added_to_a_p2_certified_document_is_forbidden()
    {
        var auteur = Auteur(Annoter(SignerAuteur(DocMdp(2), certifier: true)));
        auteur.Conclusion.ShouldBe(Verdict.Invalide);
        auteur.Controle("certification").Detail.ShouldContain("annotation Text ajoutée sur la page 1");
    }

    [Fact]
    public void An_annotation_added_to_a_p3_certified_document_is_allowed()
    {
        var auteur = Auteur(Annoter(SignerAuteur(DocMdp(3), certifier: true)));
        auteur.Conclusion.ShouldBe(Verdict.Valide, auteur.Motif);
        auteur.Controle("certification").Detail.ShouldContain("annotations (annotation Text ajoutée sur la page 1");
    }

    [Fact]
    public void A_page_content_changed_in_a_p3_certified_document_is_still_forbidden()
    {
        var certifie = SignerAuteur(DocMdp(3), certifier: true);
        var modifie = PdfDeTest.AjouterMiseAJour(certifie, new Dictionary<int, string> { [4] = "<< /Length 26 >>\nstream\n1 0 0 rg 50 700 200 50 re f\nendstream" });

        var auteur = Auteur(modifie);
        auteur.Conclusion.ShouldBe(Verdict.Invalide);
        auteur.Controle("certification").Detail.ShouldContain("flux de contenu modifié (objet 4)");
    }

    [Fact]
    public void Form_filling_after_an_approval_signature_is_a_warning_not_tampering()
    {
        var auteur = Auteur(Remplir(SignerAuteur("", certifier: false), 6, "30 jours"));
        auteur.Conclusion.ShouldBe(Verdict.Valide, auteur.Motif);
        auteur.Controles.ShouldNotContain(c => c.Code == "certification");
        auteur.Controle("perimetre").Etat.ShouldBe(EtatControle.Avertissement);
        auteur.Controle("perimetre").Detail.ShouldContain("ne font que remplir le formulaire (champ « Delai »)");
    }

    [Fact]
    public void A_field_locked_by_the_signature_cannot_be_filled_afterwards_but_the_others_can()
    {
        var verrouille = SignerAuteur(VerrouPrix, certifier: false);

        var prix = Auteur(Remplir(verrouille, 5, "999,00"));
        prix.Conclusion.ShouldBe(Verdict.Invalide);
        prix.Controle("verrous").Detail.ShouldBe("La signature verrouille les champs « Prix », mais le champ « Prix » a été modifié après elle.");

        var delai = Auteur(Remplir(verrouille, 6, "30 jours"));
        delai.Conclusion.ShouldBe(Verdict.Valide, delai.Motif);
        delai.Controle("verrous").Etat.ShouldBe(EtatControle.Reussi);
    }
}
