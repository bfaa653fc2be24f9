using System.Text.RegularExpressions;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>The auditors' replay of a response: every event with who, when and its operation, and the state at any version — never a sealed content.</summary>
public partial class AuditWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task An_auditor_replays_a_sent_response_event_by_event_and_sees_its_state_before_sending_without_its_sealed_contents()
    {
        var marque = "Zorglub" + Guid.NewGuid().ToString("N")[..8];
        var (client, id, offre) = await PreteAEnvoyerAsync(sigma);
        var champs = Candidat();
        champs["Candidat.Signataire.Qualite"] = marque;
        (await OngletAsync(client, $"/reponses/{id}/candidature/candidat", champs, "valider")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auditeur = await ConnecteAsync(sigma, "auditeur");

        (await auditeur.GetStringAsync("/audit/reponses")).ShouldContain($"/audit/reponses/{id}");
        var historique = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}"));
        foreach (var quoi in new[] { "Réponse commencée", "Candidature enregistrée", "Candidature validée", "Offre créée", "Pièce déposée", "Éditions générées", "Offre validée", "Réponse envoyée" })
        {
            historique.ShouldContain($"<td>{quoi}</td>");
        }
        historique.ShouldContain("« Pouvoirs.pdf » (Pouvoirs");
        historique.ShouldNotContain(marque);
        // Every event of the send carries the same operation id (correlation), as recorded by Marten.
        var versions = Regex.Matches(historique, "<tr[^>]*>\\s*<td>(\\d+)</td>").Count;
        versions.ShouldBeGreaterThan(10);
        Correlation().Matches(historique).Select(m => m.Groups[1].Value).Where(c => c.Length > 0).ShouldNotBeEmpty();

        // The state just before the send: validated, not sent.
        var avant = versions - 1;
        var etat = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}?version={avant}"));
        etat.ShouldContain($"État après l'événement n° {avant}");
        etat.ShouldContain("Non envoyée");
        etat.ShouldContain("Candidature : Validé");
        etat.ShouldNotContain(marque);
        var premier = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}?version=1"));
        premier.ShouldContain("Candidature : non saisie");

        // Time travel by time (Paris): now, the state after the last event; before the response existed, a French message by the field.
        var maintenant = Sigma.BuildingBlocks.Time.ParisTime.ToParis(DateTimeOffset.UtcNow.AddMinutes(1)).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var aLaDate = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}?le={maintenant}"));
        aLaDate.ShouldContain($"État après l'événement n° {versions}");
        aLaDate.ShouldContain("Envoyée le");
        var tropTot = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}?le=2020-01-15T10:00"));
        tropTot.ShouldContain("id=\"le-erreur\">La réponse n'existait pas encore le 15/01/2020");
        var illisible = await auditeur.GetAsync($"/audit/reponses/{id}?le=demain");
        illisible.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refus = WebUtility.HtmlDecode(await illisible.Content.ReadAsStringAsync());
        refus.ShouldContain("id=\"le-erreur\">Indiquez une date et une heure");
        refus.ShouldContain("value=\"demain\"");

        // Exported whole, as JSON and as a PDF: the same lines.
        var json = System.Text.Json.JsonDocument.Parse(await auditeur.GetStringAsync($"/audit/reponses/{id}/historique.json"));
        json.RootElement.GetProperty("evenements").GetArrayLength().ShouldBe(versions);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await auditeur.GetByteArrayAsync($"/audit/reponses/{id}/historique.pdf")))
        {
            var texte = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            texte.ShouldContain("Historique d'une réponse");
            texte.ShouldContain("Réponse envoyée");
            texte.ShouldNotContain(marque);
        }

        // The consultation's history: its own events, and the deposit as the registry recorded it.
        var consultation = await ConsultationAsync(client);
        var numero = Regex.Match(await client.GetStringAsync($"/reponses/{id}/accuse"), "id=\"numero-accuse\">([^<]+)<").Groups[1].Value;
        string histoire = "";
        for (var essai = 0; essai < 50 && !histoire.Contains(numero, StringComparison.Ordinal); essai++)
        {
            histoire = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/consultations/{consultation}"));
            await Task.Delay(100);
        }
        foreach (var quoi in new[] { "Consultation créée", "DCE déposé", "Consultation publiée", "Pli reçu" })
        {
            histoire.ShouldContain($"<td>{quoi}</td>");
        }
        histoire.ShouldContain($"accusé {numero}");
        histoire.ShouldNotContain(marque);
        (await auditeur.GetStringAsync("/audit/consultations")).ShouldContain($"/audit/consultations/{consultation}");

        // Read-only for auditors; no bidder reads it.
        (await client.GetAsync($"/audit/reponses/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var principal = historique[historique.IndexOf("<main", StringComparison.Ordinal)..historique.IndexOf("</main>", StringComparison.Ordinal)];
        // Read-only: the only form is the GET of the state at a date.
        principal.ShouldNotContain("method=\"post\"", Case.Insensitive);
        principal.ShouldContain("<form method=\"get\"");
        historique.ShouldNotContain($"/reponses/{id}/offres/{offre}");
    }

    [GeneratedRegex("<code>([0-9a-zA-Z-]*)</code>")]
    private static partial Regex Correlation();
}

/// <summary>After the opening, the auditor reads the contents: what each save changed, field by field, and the state at any point in the bidder's tabs.</summary>
public class AuditApresOuvertureWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task After_the_opening_the_auditor_sees_each_change_and_the_response_as_it_was_before_sending_in_read_only_tabs()
    {
        var marque = "Zorglub" + Guid.NewGuid().ToString("N")[..8];
        var (client, id, _) = await PreteAEnvoyerAsync(sigma);
        var champs = Candidat();
        champs["Candidat.Signataire.Qualite"] = marque;
        (await OngletAsync(client, $"/reponses/{id}/candidature/candidat", champs, "valider")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consultation = await ConsultationAsync(client);
        var auditeur = await ConnecteAsync(sigma, "auditeur");
        var versions = System.Text.RegularExpressions.Regex.Matches(await auditeur.GetStringAsync($"/audit/reponses/{id}"), "<tr[^>]*>\\s*<td>(\\d+)</td>").Count;
        (await auditeur.GetStringAsync($"/audit/reponses/{id}?version={versions - 1}")).ShouldNotContain(marque);

        await using var depassee = await DateLimite.DepasseeAsync(sigma, id);
        var agent = await ConnecteAsync(sigma, "agent.region");
        (await agent.PosterAsync($"/back-office/ouvertures/{consultation}", $"/back-office/ouvertures/{consultation}/ouvrir", new Dictionary<string, string>()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var historique = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}"));
        historique.ShouldContain("Les plis sont ouverts");
        historique.ShouldContain($"<strong>Candidat › Signataire › Qualité</strong> : « Directrice » → « {marque} »");
        historique.ShouldContain("<strong>Candidat › Siège › Raison sociale</strong> : « Centre de Formation Pyrénées » → « Formation Occitanie Avenir »");
        historique.ShouldContain("<strong>Candidat › Type</strong> : (vide) → « Seul »");

        var avant = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}?version={versions - 1}"));
        avant.ShouldContain($"La réponse telle qu'elle était après l'événement n° {versions - 1} (lecture seule)");
        avant.ShouldContain("Non envoyée");
        avant.ShouldContain("id=\"onglets-candidature\"");
        avant.ShouldContain(marque);
        avant.ShouldContain("Offre — lot 1");
        // Before the candidature was saved again with the marker, the tabs show what it said then.
        var index = historique.IndexOf(marque, StringComparison.Ordinal);
        var ligne = System.Text.RegularExpressions.Regex.Matches(historique[..index], "<tr[^>]*>\\s*<td>(\\d+)</td>").Last().Groups[1].Value;
        var page = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/reponses/{id}?version={int.Parse(ligne) - 1}"));
        var plusTot = page[page.IndexOf("id=\"etat-onglets\"", StringComparison.Ordinal)..page.IndexOf("id=\"historique\"", StringComparison.Ordinal)];
        plusTot.ShouldNotContain(marque);
        plusTot.ShouldContain("Directrice");
    }
}
