using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using UglyToad.PdfPig;

namespace Sigma.Signature.Tests;

/// <summary>Sigma with the test hierarchy's root as its trusted root.</summary>
public sealed class SignatureFactory : SigmaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Signature:RacinesDeConfiance", Signatures.DossierRacines);
    }
}

public partial class SignatureWebTests(SignatureFactory sigma) : IClassFixture<SignatureFactory>
{
    private static ByteArrayContent Fichier(byte[] octets, string type)
    {
        var contenu = new ByteArrayContent(octets);
        contenu.Headers.ContentType = new MediaTypeHeaderValue(type);
        return contenu;
    }

    private static async Task<HttpResponseMessage> Poster(HttpClient client, string page, Action<MultipartFormDataContent> remplir, string? accept = null)
    {
        using var formulaire = new MultipartFormDataContent { { new StringContent(await client.JetonAsync(page)), "__RequestVerificationToken" } };
        remplir(formulaire);
        using var requete = new HttpRequestMessage(HttpMethod.Post, page) { Content = formulaire };
        if (accept is not null)
        {
            requete.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        return await client.SendAsync(requete);
    }

    private static Task<HttpResponseMessage> Signer(HttpClient client, string motDePasse, params (string Nom, byte[] Octets)[] fichiers) =>
        Poster(client, "/signature/signer", f =>
        {
            foreach (var (nom, octets) in fichiers)
            {
                f.Add(Fichier(octets, "application/octet-stream"), "Fichiers", nom);
            }
            f.Add(Fichier(Pki.Instance.Pkcs12(Pki.Instance.Signataire), "application/x-pkcs12"), "Certificat", "camille.p12");
            f.Add(new StringContent(motDePasse), "MotDePasse");
        });

    private static Task<HttpResponseMessage> Verifier(HttpClient client, byte[] pdf, string? accept = null) =>
        Poster(client, "/signature/verifier", f => f.Add(Fichier(pdf, "application/pdf"), "Fichier", "Offre - Signature 1.pdf"), accept);

    [Fact]
    public async Task Both_tools_are_open_to_anyone()
    {
        var client = sigma.Navigateur();
        (await client.GetStringAsync("/signature/signer")).ShouldContain("<h1>Signer un document</h1>");
        (await client.GetStringAsync("/signature/verifier")).ShouldContain("<h1>Vérifier la signature</h1>");
    }

    [Fact]
    public async Task Signing_through_the_form_returns_the_pdf_named_after_the_original_with_signature_1()
    {
        var reponse = await Signer(sigma.Navigateur(), Pki.MotDePasse, ("Acte d'engagement.pdf", PdfDeTest.Classique()));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var nom = reponse.Content.Headers.ContentDisposition!.FileNameStar ?? reponse.Content.Headers.ContentDisposition.FileName!;
        nom.ShouldMatch(@"^Acte d'engagement - \d{8} \d{6} - Signature 1\.pdf$");
        var pdf = await reponse.Content.ReadAsByteArrayAsync();
        Signatures.Verifier(pdf).Conclusion.ShouldBe(Sigma.Signature.Domain.Verdict.Valide);
    }

    [Fact]
    public async Task Several_files_come_back_in_a_zip_a_pdf_in_pades_and_another_file_with_its_p7s()
    {
        var reponse = await Signer(sigma.Navigateur(), Pki.MotDePasse, ("offre.pdf", PdfDeTest.Classique()), ("memoire.docx", "mémoire"u8.ToArray()));

        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(await reponse.Content.ReadAsStreamAsync());
        zip.Entries.Select(e => e.Name).Count(n => Regex.IsMatch(n, @"^offre - \d{8} \d{6} - Signature 1\.pdf$")).ShouldBe(1);
        zip.Entries.Select(e => e.Name).Count(n => Regex.IsMatch(n, @"^memoire\.docx - \d{8} \d{6} - Signature 1\.p7s$")).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_certificate_password_is_shown_in_french_next_to_the_password_field()
    {
        var reponse = await Signer(sigma.Navigateur(), "pas-le-bon", ("offre.pdf", PdfDeTest.Classique()));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await reponse.Content.ReadAsStringAsync();
        html.ShouldContain("fr-input-group--error");
        Regex.IsMatch(html, "<p class=\"fr-message fr-message--error\" id=\"MotDePasse-erreur\">Le certificat ne peut pas être ouvert : vérifiez le mot de passe")
            .ShouldBeTrue(html);
        html.ShouldNotContain("pas-le-bon");
    }

    [Fact]
    public async Task Signing_without_files_asks_for_them_next_to_the_field()
    {
        var html = await (await Signer(sigma.Navigateur(), Pki.MotDePasse)).Content.ReadAsStringAsync();
        html.ShouldContain("id=\"Fichiers-erreur\">Choisissez au moins un fichier à signer.</p>");
    }

    [Fact]
    public async Task The_verification_page_shows_a_valid_report_for_each_signature()
    {
        var html = WebUtility.HtmlDecode(await (await Verifier(sigma.Navigateur(), Signatures.SignerPdf(PdfDeTest.Classique()))).Content.ReadAsStringAsync());

        html.ShouldContain("<h3 class=\"fr-alert__title\">Signature valide</h3>");
        html.ShouldContain("Signature 1 — Signature1");
        html.ShouldContain("Camille Martin");
        html.ShouldContain("Racine de test Sigma");
        html.ShouldContain("La révocation du certificat (CRL, OCSP) n'est pas vérifiée");
        html.ShouldContain("Télécharger le rapport (PDF)");
    }

    [Fact]
    public async Task The_same_report_comes_as_json_when_the_client_asks_for_it()
    {
        var reponse = await Verifier(sigma.Navigateur(), Signatures.SignerPdf(Signatures.SignerPdf(PdfDeTest.Classique())), "application/json");

        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = await reponse.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("conclusion").GetString().ShouldBe("Valide");
        json.GetProperty("fichier").GetString().ShouldBe("Offre - Signature 1.pdf");
        var signatures = json.GetProperty("signatures");
        signatures.GetArrayLength().ShouldBe(2);
        signatures[0].GetProperty("format").GetString().ShouldBe("PAdES");
        signatures[0].GetProperty("signataire").GetProperty("nomCommun").GetString().ShouldBe("Camille Martin");
        signatures[0].GetProperty("controles").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "perimetre")
            .GetProperty("etat").GetString().ShouldBe("Information");
    }

    [Fact]
    public async Task The_report_downloads_as_a_pdf_from_the_page_and_on_request()
    {
        var client = sigma.Navigateur();
        var signe = Signatures.SignerPdf(PdfDeTest.Classique());
        var page = await (await Verifier(client, signe)).Content.ReadAsStringAsync();
        var jeton = WebUtility.HtmlDecode(Regex.Match(page, "name=\"rapport\" value=\"([^\"]+)\"").Groups[1].Value);
        var antiforgery = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

        var telechargement = await client.PostAsync("/signature/verifier/rapport.pdf",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["rapport"] = jeton, ["__RequestVerificationToken"] = antiforgery }));
        telechargement.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using (var rapport = PdfDocument.Open(await telechargement.Content.ReadAsByteArrayAsync()))
        {
            var texte = string.Join(" ", rapport.GetPages().Select(p => p.Text));
            texte.ShouldContain("Rapport de vérification de signature électronique");
            texte.ShouldContain("Conclusion : Signature valide");
            texte.ShouldContain("Camille Martin");
        }

        var direct = await Verifier(client, signe, "application/pdf");
        direct.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (direct.Content.Headers.ContentDisposition!.FileNameStar ?? direct.Content.Headers.ContentDisposition.FileName!).ShouldContain("Rapport de vérification");
    }

    [Fact]
    public async Task A_tampered_report_token_is_refused()
    {
        var client = sigma.Navigateur();
        var reponse = await client.PosterAsync("/signature/verifier", "/signature/verifier/rapport.pdf", new Dictionary<string, string> { ["rapport"] = "faux" });
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("Ce rapport a expiré");
    }

    [Fact]
    public async Task A_pdf_without_signature_is_reported_as_such()
    {
        var html = await (await Verifier(sigma.Navigateur(), PdfDeTest.Classique())).Content.ReadAsStringAsync();
        html.ShouldContain("Le fichier ne comporte aucune signature électronique.");
        html.ShouldContain("Ce PDF ne contient aucun champ de signature signé.");
    }
}
