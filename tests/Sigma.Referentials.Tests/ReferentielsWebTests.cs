using System.Net.Http.Json;
using Sigma.Referentials.Contracts;

namespace Sigma.Referentials.Tests;

public class ReferentielsWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private static HttpRequestMessage Demande(string url, string? accept = null)
    {
        var demande = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            demande.Headers.Accept.ParseAdd(accept);
        }
        return demande;
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_the_best_matches_as_json()
    {
        var reponse = await sigma.Navigateur().SendAsync(Demande("/referentiels/formacode?q=maco", "application/json"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var entrees = (await reponse.Content.ReadFromJsonAsync<List<EntreeReferentiel>>())!;
        entrees[0].ShouldBe(new EntreeReferentiel("22334", "maçonnerie", null));
        entrees.Count.ShouldBeLessThanOrEqualTo(15);
        reponse.Headers.CacheControl!.Public.ShouldBeTrue();
    }

    [Fact]
    public async Task Htmx_gets_the_options_of_a_datalist()
    {
        var reponse = await sigma.Navigateur().SendAsync(Demande("/referentiels/formacode?q=15062"));

        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await reponse.Content.ReadAsStringAsync()).ShouldBe("<option value=\"15062\">15062 — orientation professionnelle</option>\n");
    }

    [Fact]
    public async Task The_text_can_come_under_the_name_of_the_form_field_as_htmx_sends_it()
    {
        var html = await sigma.Navigateur().GetStringAsync("/referentiels/rncp?champ=Lots%5B0%5D.Certification&Lots%5B0%5D.Certification=formateur%20adultes");
        html.ShouldBe("<option value=\"RNCP37275\">RNCP37275 — TP - Formateur professionnel d&#x27;adultes (niveau 5)</option>\n");
    }

    [Fact]
    public async Task Fewer_than_three_characters_return_an_empty_list()
    {
        var client = sigma.Navigateur();
        var json = await client.SendAsync(Demande("/referentiels/rome?q=ma", "application/json"));
        (await json.Content.ReadFromJsonAsync<List<EntreeReferentiel>>()).ShouldBeEmpty();
        (await client.GetStringAsync("/referentiels/rome?q=ma")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_nomenclature_is_not_found() =>
        (await sigma.Navigateur().SendAsync(Demande("/referentiels/inconnue?q=maco", "application/json"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
}
