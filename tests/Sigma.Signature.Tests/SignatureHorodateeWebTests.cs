using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Sigma.Signature.Domain;

namespace Sigma.Signature.Tests;

/// <summary>Sigma configured with a time-stamp authority (<c>Signature:Horodatage:Url</c>): the test TSA on loopback.</summary>
public sealed class SignatureHorodateeFactory : SigmaFactory
{
    public ServeurTsa Tsa { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Signature:RacinesDeConfiance", Signatures.DossierRacines);
        builder.UseSetting("Signature:Horodatage:Url", Tsa.Url);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Tsa.Dispose();
    }
}

public class SignatureHorodateeWebTests(SignatureHorodateeFactory sigma) : IClassFixture<SignatureHorodateeFactory>
{
    private static async Task<HttpResponseMessage> Poster(HttpClient client, string page, Action<MultipartFormDataContent> remplir)
    {
        using var formulaire = new MultipartFormDataContent { { new StringContent(await client.JetonAsync(page)), "__RequestVerificationToken" } };
        remplir(formulaire);
        return await client.PostAsync(page, formulaire);
    }

    private static ByteArrayContent Fichier(byte[] octets, string type)
    {
        var contenu = new ByteArrayContent(octets);
        contenu.Headers.ContentType = new MediaTypeHeaderValue(type);
        return contenu;
    }

    [Fact]
    public async Task With_a_time_stamp_authority_configured_the_signing_form_gives_pades_b_t_and_the_report_says_so()
    {
        var client = sigma.Navigateur();
        var avant = sigma.Tsa.Requetes;
        var signe = await Poster(client, "/signature/signer", f =>
        {
            f.Add(Fichier(PdfDeTest.Classique(), "application/pdf"), "Fichiers", "offre.pdf");
            f.Add(Fichier(Pki.Instance.Pkcs12(Pki.Instance.Signataire), "application/x-pkcs12"), "Certificat", "camille.p12");
            f.Add(new StringContent(Pki.MotDePasse), "MotDePasse");
        });
        signe.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = await signe.Content.ReadAsByteArrayAsync();
        sigma.Tsa.Requetes.ShouldBe(avant + 1);
        Signatures.Verifier(pdf).Signatures.Single().Niveau.ShouldBe("PAdES B-T : signature horodatée, sans données de révocation embarquées.");

        var verification = await Poster(client, "/signature/verifier", f => f.Add(Fichier(pdf, "application/pdf"), "Fichier", "offre.pdf"));
        var html = System.Net.WebUtility.HtmlDecode(await verification.Content.ReadAsStringAsync());
        html.ShouldContain("<h3 class=\"fr-alert__title\">Signature valide</h3>");
        html.ShouldContain("(prouvée par horodatage)");
        html.ShouldContain("PAdES B-T");
        html.ShouldContain("<th scope=\"row\">Catégorie du certificat</th><td>certificat non qualifié</td>");
        html.ShouldContain("Jeton RFC 3161 de « Horodatage de test Sigma »");
    }

    [Fact]
    public async Task A_verification_of_a_garbled_pdf_with_a_dss_answers_with_a_report_not_an_error()
    {
        var pdf = Validation.AjouterDss(Signatures.SignerPdf(PdfDeTest.Classique()), crls: [[0x30, 0x80, 0xFF]], ocsps: [[0x01, 0x02]]);
        var tronque = pdf[..(pdf.Length - 40)];

        foreach (var fichier in new[] { pdf, tronque })
        {
            var reponse = await Poster(sigma.Navigateur(), "/signature/verifier", f => f.Add(Fichier(fichier, "application/pdf"), "Fichier", "offre.pdf"));
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reponse.Content.ReadAsStringAsync()).ShouldContain("Rapport de vérification");
        }
        Signatures.Verifier(pdf).Conclusion.ShouldBe(Verdict.Valide);
    }
}
