using System.Net.Http.Headers;
using System.Text;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>Each class of bad input the security review found: a French 4xx, never a 5xx, and nothing lost.</summary>
public class EntreesInvalidesWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private static void PasDe5xx(HttpResponseMessage r, string quoi) =>
        ((int)r.StatusCode).ShouldBeInRange(200, 499, $"{quoi} → {(int)r.StatusCode}");

    private async Task<(HttpClient Client, Guid Reponse)> BrouillonAsync()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        return (client, id);
    }

    [Theory]
    [InlineData("a[")]
    [InlineData("x[0")]
    [InlineData("]")]
    [InlineData("Candidat[Type")]
    public async Task Form_keys_the_binder_cannot_parse_never_answer_500(string cle)
    {
        var (client, id) = await BrouillonAsync();
        var page = $"/reponses/{id}/candidature/candidat";
        var r = await OngletAsync(client, page, new Dictionary<string, string> { [cle] = "1", ["Candidat.Siege.RaisonSociale"] = "Clé tordue" });
        PasDe5xx(r, cle);
        (await client.GetStringAsync(page)).ShouldContain("Clé tordue");
    }

    [Theory]
    [InlineData("/reponses/pas-un-guid/candidature/candidat")]
    [InlineData("/reponses/00000000-0000-0000-0000-000000000000")]
    [InlineData("/reponses/00000000-0000-0000-0000-000000000000/candidature/candidat")]
    [InlineData("/consultations/12")]
    [InlineData("/signature/demandes/pas-un-guid")]
    public async Task Ids_that_are_not_guids_or_are_empty_answer_404(string chemin)
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        (await client.GetAsync(chemin)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Empty_or_malformed_guids_in_forms_and_unknown_tabs_and_negative_rows_are_refused_in_french()
    {
        var (client, id) = await BrouillonAsync();
        var page = $"/reponses/{id}/candidature/sites";
        var site = new Dictionary<string, string>(SiteDeCandidature) { ["Sites[0].Nom"] = "12 rue gardée" };
        var enregistre = await OngletAsync(client, page, site);
        enregistre.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", Erreurs(await enregistre.Content.ReadAsStringAsync())));

        PasDe5xx(await client.PosterAsync("/consultations", "/reponses/commencer", new Dictionary<string, string> { ["consultationId"] = "pas-un-guid" }), "commencer");
        PasDe5xx(await client.PosterAsync("/consultations", "/reponses/commencer", new Dictionary<string, string> { ["consultationId"] = Guid.Empty.ToString() }), "commencer vide");
        foreach (var action in new[] { "retirer-site--1", "retirer-site-2147483647", "retirer-membre--5", "retirer-site-x" })
        {
            PasDe5xx(await OngletAsync(client, page, site, action), action);
        }
        (await client.GetStringAsync(page)).ShouldContain("12 rue gardée");
        var inconnu = await client.PostAsync($"/reponses/{id}/candidature/inexistant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.JetonAsync(page),
        }));
        inconnu.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await inconnu.Content.ReadAsStringAsync()).ShouldContain("Page non trouvée");
        (await client.GetAsync($"/reponses/{id}/candidature/inexistant")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/consultations?page=2147483647")]
    [InlineData("/consultations?page=-2147483648")]
    [InlineData("/consultations/cloturees?page=99999999")]
    [InlineData("/consultations?q=forma%00tion")]
    [InlineData("/consultations?dispositif=%00")]
    [InlineData("/consultations?q=%zz")]
    public async Task Paging_and_search_parameters_are_clamped_and_cleaned(string chemin) =>
        (await sigma.Navigateur().GetAsync(chemin)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Theory]
    [InlineData("/erreur/0", 404)]
    [InlineData("/erreur/101", 404)]
    [InlineData("/erreur/7", 404)]
    [InlineData("/erreur/500", 404)]
    [InlineData("/erreur/abc", 404)]
    [InlineData("/erreur/403", 403)]
    public async Task The_error_page_never_takes_an_invalid_status_from_its_address(string chemin, int attendu)
    {
        var r = await sigma.Navigateur().GetAsync(chemin);
        ((int)r.StatusCode).ShouldBe(attendu);
        (await r.Content.ReadAsStringAsync()).ShouldContain("lang=\"fr\"");
    }

    [Fact]
    public async Task A_code_field_posted_to_the_error_page_changes_nothing()
    {
        var r = await sigma.Navigateur().PostAsync("/erreur/500", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "7" }));
        ((int)r.StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task Truncated_multipart_bodies_and_uploads_without_token_answer_400_in_french_and_store_nothing()
    {
        var (client, id) = await BrouillonAsync();
        var page = $"/reponses/{id}/candidature/pieces";
        var jeton = await client.JetonAsync(page);
        static HttpContent Multipart(string corps) => new ByteArrayContent(Encoding.UTF8.GetBytes(corps))
        {
            Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XX") },
        };
        var sansJeton = "--XX\r\nContent-Disposition: form-data; name=\"categorie\"\r\n\r\nQualiopi\r\n"
            + "--XX\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 abc\r\n--XX--\r\n";
        var tronque = $"--XX\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{jeton}\r\n"
            + "--XX\r\nContent-Disposition: form-data; name=\"categorie\"\r\n\r\nQualiopi\r\n"
            + "--XX\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 abc";
        foreach (var (chemin, corps) in new[]
        {
            ($"/reponses/{id}/pieces", sansJeton), ($"/reponses/{id}/pieces", tronque),
            ("/signature/verifier", sansJeton), ("/signature/verifier", tronque.Replace("fichier", "Fichier")),
            ("/signature/signer", sansJeton.Replace("fichier", "Fichiers")),
        })
        {
            var r = await client.PostAsync(chemin, Multipart(corps));
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, chemin + " " + corps[..40]);
            (await r.Content.ReadAsStringAsync()).ShouldContain("Requête invalide");
        }
        (await client.GetStringAsync(page)).ShouldNotContain("a.pdf");
    }

    [Fact]
    public async Task Saving_a_draft_after_the_deadline_is_refused_with_the_deadline_message_and_keeps_the_input()
    {
        var (client, id) = await BrouillonAsync();
        var page = $"/reponses/{id}/candidature/candidat";
        await using (await DateLimite.DepasseeAsync(sigma, id))
        {
            var refus = await OngletAsync(client, page, new Dictionary<string, string> { ["Candidat.Siege.RaisonSociale"] = "Saisie tardive" });
            refus.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await refus.Content.ReadAsStringAsync());
            html.ShouldContain("est passée : la réponse ne peut plus être modifiée ni envoyée.");
            html.ShouldContain("Saisie tardive");
            (await DeposerAsync(client, id, null, "Qualiopi", "qualiopi.pdf", Pdf("tard"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await client.GetStringAsync($"/reponses/{id}/candidature/pieces")).ShouldNotContain("qualiopi.pdf");
        }
    }

    [Theory]
    [InlineData("rapport.pdf", "rapport.pdf")]
    [InlineData("facture\u202Efdp.exe", "facturefdp.exe")]
    [InlineData("..\\..\\etc/passwd", "passwd")]
    [InlineData("a\u0000b\u200Bc.pdf", "abc.pdf")]
    [InlineData("   ", "fichier")]
    public void File_names_lose_folders_controls_and_format_characters(string nom, string attendu) =>
        Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur(nom).ShouldBe(attendu);

    [Fact]
    public void A_very_long_extension_is_cut_with_the_name_and_a_short_one_is_kept()
    {
        var longue = Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur("a." + new string('x', 300));
        longue.Length.ShouldBe(Sigma.BuildingBlocks.Stockage.NomsDeFichiers.LongueurMax);
        var courte = Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur(new string('n', 400) + ".pdf");
        courte.Length.ShouldBe(Sigma.BuildingBlocks.Stockage.NomsDeFichiers.LongueurMax);
        courte.ShouldEndWith(".pdf");
    }
}
