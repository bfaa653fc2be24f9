using System.Text;
using System.Text.RegularExpressions;
using Sigma.Signature.Domain;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Sigma.Signature.Tests;

/// <summary>Signature wrapping: a signature dictionary whose /ByteRange excludes another /Contents than its own.</summary>
public partial class EmballageTests
{
    [Fact]
    public void A_second_signature_dictionary_borrowing_the_first_ones_byte_range_and_value_is_invalid()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var (plage, _, _) = PdfDeTest.DerniereByteRange(signe);
        var valeur = Encoding.ASCII.GetString(signe, (int)plage[1], (int)(plage[2] - plage[1]));
        var (formulaire, champs) = Formulaire(signe);
        var n = PdfDeTest.ProchainNumero(signe);
        var faux = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string>
        {
            [n] = $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [{string.Join(' ', plage)}] /Contents {valeur} >>",
            [n + 1] = $"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Fausse) /V {n} 0 R /F 132 /Rect [0 0 0 0] >>",
            [formulaire] = $"<< /Fields [{champs} {n + 1} 0 R] /SigFlags 3 >>",
        });

        var rapport = Signatures.Verifier(faux);
        rapport.Signatures.Count.ShouldBe(2);
        var fausse = rapport.Signatures[1];
        fausse.Conclusion.ShouldBe(Verdict.Invalide);
        fausse.Motif.ShouldContain("tentative d'emballage de signature");
        rapport.Conclusion.ShouldBe(Verdict.Invalide);
    }

    [Fact]
    public void A_signature_dictionary_moved_to_a_later_update_is_invalid()
    {
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var texte = Encoding.Latin1.GetString(signe);
        var objet = ObjetSignature().Match(texte);
        objet.Success.ShouldBeTrue();
        var deplace = PdfDeTest.AjouterMiseAJour(signe, new Dictionary<int, string>
        {
            [int.Parse(objet.Groups[1].Value)] = objet.Groups[2].Value,
        });

        var signature = Signatures.Verifier(deplace).Signatures.ShouldHaveSingleItem();
        signature.Conclusion.ShouldBe(Verdict.Invalide);
        signature.Motif.ShouldContain("n'appartient pas à l'objet de cette signature");
    }

    private static (int Numero, string Champs) Formulaire(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalogue = (DictionaryToken)document.Structure.GetObject(document.Structure.Trailer.Root).Data;
        var reference = ((IndirectReferenceToken)catalogue.Data["AcroForm"]).Data;
        var formulaire = (DictionaryToken)document.Structure.GetObject(reference).Data;
        var champs = ((ArrayToken)formulaire.Data["Fields"]).Data.Cast<IndirectReferenceToken>().Select(r => $"{r.Data.ObjectNumber} 0 R");
        return ((int)reference.ObjectNumber, string.Join(' ', champs));
    }

    [GeneratedRegex(@"\n(\d+) 0 obj\n(<< /Type /Sig .*? >>)\nendobj", RegexOptions.Singleline)]
    private static partial Regex ObjetSignature();
}
