using Microsoft.AspNetCore.Hosting;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>Sigma on a server where Chromium is missing: printing says so in French, nothing typed is lost, never a 500.</summary>
public class SansChromiumFactory : SigmaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:Chromium", "/nulle/part/chromium");
    }
}

public class SansChromiumWebTests(SansChromiumFactory sigma) : IClassFixture<SansChromiumFactory>
{
    [Fact]
    public async Task Validating_without_chromium_saves_the_tab_keeps_the_draft_and_says_why_in_french()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        (await OngletAsync(client, $"/reponses/{id}/candidature/candidat", Candidat(siret: NouveauSiret()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OngletAsync(client, $"/reponses/{id}/candidature/sites", SiteDeCandidature)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var piece in new[] { "Pouvoirs", "BilanDreets", "Qualiopi" })
        {
            (await DeposerAsync(client, id, null, piece, $"{piece}.pdf", Pdf(piece))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var champs = new Dictionary<string, string>(SiteDeCandidature) { ["Sites[0].Commune"] = "Montpellier-Centre" };
        var validation = await OngletAsync(client, $"/reponses/{id}/candidature/sites", champs, "valider");
        validation.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await validation.Content.ReadAsStringAsync());
        page.ShouldContain("Le formulaire est enregistré mais reste en brouillon : La génération des documents PDF est indisponible : le navigateur Chromium est introuvable");
        page.ShouldContain("Vos saisies sont conservées");
        page.ShouldHaveField("Sites[0].Commune", "Montpellier-Centre");

        var relu = await client.GetStringAsync($"/reponses/{id}/candidature/sites");
        relu.ShouldHaveField("Sites[0].Commune", "Montpellier-Centre");
        relu.ShouldContain("Brouillon");
        relu.ShouldNotContain("/editions/");
    }
}
