using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Sigma.Responses.Domain;
using UglyToad.PdfPig;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>The editions printed from validated forms, sealed in the pli, and the bidder's download of everything sent (real Chromium, PostgreSQL).</summary>
public partial class EditionsWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task A_validated_candidature_offers_its_editions_and_a_change_puts_them_away()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        (await client.GetStringAsync($"/reponses/{id}/candidature/candidat")).ShouldContain("sont générées quand le formulaire est validé");

        await ValiderCandidatureAsync(client, id);
        var page = await client.GetStringAsync($"/reponses/{id}/candidature/candidat");
        var liens = Liens(page);
        liens.Keys.ShouldBe(["Fiche de présentation de l'organisme", "DC1 — Lettre de candidature", "DC2 — Déclaration du candidat"], ignoreOrder: true,
            customMessage: Section(page));

        var dc1 = await client.GetAsync(liens["DC1 — Lettre de candidature"]);
        dc1.StatusCode.ShouldBe(HttpStatusCode.OK);
        dc1.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        dc1.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var texte = Texte(await dc1.Content.ReadAsByteArrayAsync());
        texte.ShouldContain("A — Identification de l'acheteur");
        texte.ShouldContain("Formation Occitanie Avenir");
        texte.ShouldContain("2027-PP-003");
        texte.ShouldContain("Le candidat se présente seul");
        (await client.GetAsync(liens["DC1 — Lettre de candidature"] + "?apercu=true")).Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");

        // Nobody outside the organisation reads them.
        var (autre, _) = await NouvelOrganismeAsync(sigma);
        (await autre.GetAsync(liens["DC1 — Lettre de candidature"])).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A change puts the form back to draft and its editions away.
        (await OngletAsync(client, $"/reponses/{id}/candidature/sites", new() { ["Sites[0].Nom"] = "3 place de la Comédie", ["Sites[0].CodePostal"] = "34000",
            ["Sites[0].Commune"] = "Montpellier" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await client.GetStringAsync($"/reponses/{id}/candidature/candidat");
        Liens(page).ShouldBeEmpty();
        (await client.GetAsync(liens["DC1 — Lettre de candidature"])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sending_seals_the_editions_in_the_pli_and_the_bidder_downloads_every_file_as_the_receipt_says()
    {
        var (client, id, offre) = await PreteAEnvoyerAsync(sigma);
        var offrePage = await client.GetStringAsync($"/reponses/{id}/offres/{offre}/offre");
        Liens(offrePage).Keys.ShouldBe(["Annexe pédagogique", "Fiche récapitulative de l'offre", "Acte d'engagement (ATTRI1)"], ignoreOrder: true);
        var acte = Texte(await client.GetByteArrayAsync(Liens(offrePage)["Acte d'engagement (ATTRI1)"]));
        acte.ShouldContain("FORP — forfait parcours");
        acte.ShouldContain("Le titulaire demande l'avance");
        acte.ShouldContain("2 400");
        acte.ShouldContain("FR76 3000 6000 0112 3456 7890 189");

        (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var accuse = await client.GetStringAsync($"/reponses/{id}/accuse");
        foreach (var edition in new[] { "DC1 — Lettre de candidature", "Fiche de présentation", "DC2 — Déclaration du candidat", "Annexe pédagogique", "Acte d'engagement (ATTRI1)" })
        {
            WebUtility.HtmlDecode(accuse).ShouldContain($"Édition — {edition}");
        }
        var recus = Regex.Matches(accuse, "<tr><td>([^<]+)</td><td>[^<]+</td><td>([^<]+)</td><td>[^<]+</td><td><code[^>]*>([0-9a-f]{64})</code>")
            .Select(m => (Chemin: WebUtility.HtmlDecode($"{m.Groups[1].Value}/{m.Groups[2].Value}"), Sha: m.Groups[3].Value)).ToList();
        recus.Count.ShouldBe(3 + 3 + 3 + 4);

        var zip = await client.GetAsync($"/reponses/{id}/pli.zip");
        zip.StatusCode.ShouldBe(HttpStatusCode.OK);
        zip.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()));
        foreach (var (chemin, sha) in recus)
        {
            var entree = archive.GetEntry(chemin).ShouldNotBeNull(chemin);
            await using var flux = entree.Open();
            Convert.ToHexString(await SHA256.HashDataAsync(flux)).ToLowerInvariant().ShouldBe(sha, chemin);
        }
        archive.Entries.ShouldContain(e => e.FullName.StartsWith("Accusé de réception AR-", StringComparison.Ordinal));

        // The download is in the response's history; nobody else can download the pli.
        await using var session = sigma.Services.GetRequiredService<Sigma.Responses.Infrastructure.IResponsesStore>().QuerySession();
        (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<PliTelecharge>().ShouldHaveSingleItem().Par.ShouldNotBeNullOrEmpty();
        var (autre, _) = await NouvelOrganismeAsync(sigma);
        (await autre.GetAsync($"/reponses/{id}/pli.zip")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string Section(string html) => html.Contains("id=\"editions\"", StringComparison.Ordinal)
        ? html[html.IndexOf("id=\"editions\"", StringComparison.Ordinal)..][..Math.Min(2000, html.Length - html.IndexOf("id=\"editions\"", StringComparison.Ordinal))] : "pas de section des éditions";

    private static Dictionary<string, string> Liens(string html) => LienEdition().Matches(html)
        .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[2].Value.Trim()), m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static string Texte(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [GeneratedRegex("<a [^>]*href=\"([^\"]+/editions/[0-9a-f-]{36})\"[^>]*>Télécharger<span class=\"fr-sr-only\"> ([^<]+)</span>")]
    private static partial Regex LienEdition();
}
