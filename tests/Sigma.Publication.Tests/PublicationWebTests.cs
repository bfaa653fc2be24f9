using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Sigma.Publication.Decp;
using Sigma.Publication.Lheo;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Publication.Tests;

/// <summary>Sigma with the Région's publication settings (the public of the demo's dispositifs, its SIRET) and no CARIF-OREF endpoint.</summary>
public sealed class SigmaPublication : SigmaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Publication:PublicsVises:PROJET PRO", "80056");
        builder.UseSetting("Sigma:Acheteur:Siret", "20005372600019");
    }
}

/// <summary>From the notification of a lot to the agent's publication page, the pull flux and the essential data, on real PostgreSQL.</summary>
public sealed partial class PublicationWebTests(SigmaPublication sigma) : IClassFixture<SigmaPublication>
{
    private static readonly XNamespace L = "http://lheo.gouv.fr/2.3";

    [Fact]
    public async Task A_notified_lot_is_listed_on_the_agents_page_served_by_the_flux_and_leaves_it_when_withdrawn()
    {
        var (client1, id1, _) = await PreteAEnvoyerAsync(sigma);
        var (client2, id2, _) = await PreteAEnvoyerAsync(sigma);
        (await EnvoyerAsync(client1, id1)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EnvoyerAsync(client2, id2)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consultation = await ConsultationAsync(client1);
        var agent = await ConnecteAsync(sigma, "agent.region");
        var anonyme = sigma.Navigateur();
        var fluxAvant = await anonyme.GetAsync("/flux/lheo");
        fluxAvant.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etagAvant = fluxAvant.Headers.ETag!;

        Guid offre1;
        await using (var depassee = await DateLimite.DepasseeAsync(sigma, id1))
        {
            var page = $"/back-office/ouvertures/{consultation}";
            (await agent.PosterAsync(page, $"{page}/ouvrir", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            Reponse r1, r2;
            await using (var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession())
            {
                r1 = (await session.LoadAsync<Reponse>(id1))!;
                r2 = (await session.LoadAsync<Reponse>(id2))!;
            }
            offre1 = r1.Offres.Single(o => o.Lot == 1).Id;
            var offre2 = r2.Offres.Single(o => o.Lot == 1).Id;
            var juges = await agent.PosterAsync(page, $"{page}/lots/1/decisions", new Dictionary<string, string>
            {
                ["Decisions[0].ReponseId"] = id1.ToString(), ["Decisions[0].OffreId"] = offre1.ToString(), ["Decisions[0].Decision"] = "retenue", ["Decisions[0].Motif"] = "Meilleure offre",
                ["Decisions[1].ReponseId"] = id2.ToString(), ["Decisions[1].OffreId"] = offre2.ToString(), ["Decisions[1].Decision"] = "non-retenue", ["Decisions[1].Motif"] = "Prix plus élevé",
            });
            juges.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var notifie = await agent.PosterAsync(page, $"{page}/lots/1/notifier", new Dictionary<string, string>());
            WebUtility.HtmlDecode(await agent.GetStringAsync(notifie.Headers.Location!.ToString())).ShouldContain("Publication des offres retenues au CARIF-OREF");
            // The pli shows the fields added for the CARIF-OREF, read-only.
            var pli = WebUtility.HtmlDecode(await agent.GetStringAsync($"{page}/plis/{id1}"));
            pli.ShouldContain("76 34 01234 34");
            pli.ShouldContain("Référent handicap : Paul Martin");
            pli.ShouldContain("rythme : Temps plein, 35 h par semaine");
        }

        // The outbox delivers the award to the Publication module: the agent's page lists it, the push is off (no endpoint).
        var publications = $"/back-office/publications/{consultation}";
        string html = "";
        for (var essai = 0; essai < 100 && !html.Contains($"publication-{offre1}", StringComparison.Ordinal); essai++)
        {
            await Task.Delay(100);
            html = WebUtility.HtmlDecode(await agent.GetStringAsync(publications));
        }
        html.ShouldContain($"publication-{offre1}");
        html.ShouldContain("La transmission au CARIF-OREF est désactivée");
        html.ShouldContain("Publiée dans le flux");
        html.ShouldNotContain("Champs requis par LHÉO absents");
        var xml = await agent.GetStringAsync($"{publications}/{offre1}/lheo.xml");
        DocumentLheo.Valider(xml).ShouldBeEmpty();

        // The pull flux serves it, valid, and says « not modified » to a harvester that has it already.
        var flux = await anonyme.GetAsync("/flux/lheo");
        flux.StatusCode.ShouldBe(HttpStatusCode.OK);
        flux.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var document = await flux.Content.ReadAsStringAsync();
        DocumentLheo.Valider(document).ShouldBeEmpty();
        var lheo = XDocument.Parse(document);
        lheo.Root!.Attribute("horodatage-export").ShouldNotBeNull();
        var formation = lheo.Descendants(L + "formation").Single(f => f.Attribute("numero")!.Value.StartsWith(offre1.ToString("N"), StringComparison.Ordinal));
        formation.Element(L + "intitule-formation")!.Value.ShouldBe("Projet professionnel");
        formation.Descendants(L + "numero-activite").Single().Value.ShouldBe("76340123434");
        formation.Descendants(L + "transport").Single().Value.ShouldContain("Tram 1");
        var etag = flux.Headers.ETag!;
        etag.ShouldNotBe(etagAvant);
        using (var requete = new HttpRequestMessage(HttpMethod.Get, "/flux/lheo"))
        {
            requete.Headers.IfNoneMatch.Add(etag);
            (await anonyme.SendAsync(requete)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }
        using (var requete = new HttpRequestMessage(HttpMethod.Get, "/flux/lheo"))
        {
            requete.Headers.IfModifiedSince = flux.Content.Headers.LastModified;
            (await anonyme.SendAsync(requete)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        // The essential data of the contract: for the agent, and as open data once at or above 40 000 € HT, valid against both schemas.
        var decpJson = await agent.GetStringAsync($"{publications}/donnees-essentielles.json");
        FormatsDecp.ValiderJson(decpJson).ShouldBeEmpty();
        decpJson.ShouldContain("\"acheteur\"");
        FormatsDecp.ValiderXml(await agent.GetStringAsync($"{publications}/donnees-essentielles.xml")).ShouldBeEmpty();
        var ouvertes = await anonyme.GetStringAsync("/donnees-essentielles");
        FormatsDecp.ValiderJson(ouvertes).ShouldBeEmpty();
        // 2 400 € HT per parcours (FORP) for the lot's 600 parcours.
        ouvertes.ShouldContain("\"montant\": 1440000");
        ouvertes.ShouldContain("\"id\": \"20005372600019\"");
        FormatsDecp.ValiderXml(await anonyme.GetStringAsync("/donnees-essentielles.xml")).ShouldBeEmpty();

        // « Retirer »: the offer leaves the flux, whose ETag changes.
        var retrait = await agent.PosterAsync(publications, $"{publications}/{offre1}/retirer", new Dictionary<string, string>());
        retrait.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await agent.GetStringAsync(retrait.Headers.Location!.ToString())).ShouldContain("L'offre est retirée de la diffusion");
        var apres = await anonyme.GetAsync("/flux/lheo");
        (await apres.Content.ReadAsStringAsync()).ShouldNotContain(offre1.ToString("N"));
        apres.Headers.ETag.ShouldNotBe(etag);
        var encore = await agent.PosterAsync(publications, $"{publications}/{offre1}/retirer", new Dictionary<string, string>());
        WebUtility.HtmlDecode(await agent.GetStringAsync(encore.Headers.Location!.ToString())).ShouldContain("Cette offre est déjà retirée de la diffusion.");
        // A bidder is no agent.
        (await client1.GetAsync(publications)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_activity_number_is_refused_next_to_the_field_in_french()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        var champs = Candidat(siret: NouveauSiret());
        champs["Candidat.NumeroDeclarationActivite"] = "12 34";
        var r = await OngletAsync(client, $"/reponses/{id}/candidature/candidat", champs);
        var html = WebUtility.HtmlDecode(r.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(r.Headers.Location!.ToString()) : await r.Content.ReadAsStringAsync());
        ((int)r.StatusCode).ShouldBeLessThan(500);
        html.ShouldContain("Le numéro de déclaration d'activité compte 11 chiffres");
        html.ShouldHaveField("Candidat.NumeroDeclarationActivite", "12 34");
    }
}

/// <summary>The deadline of a consultation, as the Responses module knows it, put in the past for a test and restored after.</summary>
internal sealed class DateLimite(IResponsesStore store, Guid consultationId) : IAsyncDisposable
{
    public static async Task<DateLimite> DepasseeAsync(SigmaFactory sigma, Guid reponseId)
    {
        var store = sigma.Services.GetRequiredService<IResponsesStore>();
        await using var session = store.LightweightSession();
        var consultationId = (await session.LoadAsync<Reponse>(reponseId))!.ConsultationId;
        await FixerAsync(session, consultationId, DateTimeOffset.UtcNow.AddSeconds(-1));
        return new DateLimite(store, consultationId);
    }

    public async ValueTask DisposeAsync()
    {
        await using var session = store.LightweightSession();
        await FixerAsync(session, consultationId, DateTimeOffset.UtcNow.AddDays(20));
    }

    private static async Task FixerAsync(IDocumentSession session, Guid consultationId, DateTimeOffset date)
    {
        var consultation = await session.LoadAsync<ConsultationConnue>(consultationId);
        consultation!.DateLimite = date;
        session.Store(consultation);
        await session.SaveChangesAsync();
    }
}
