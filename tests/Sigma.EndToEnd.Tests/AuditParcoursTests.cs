using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// Issue 14 in a real browser: a bidder sends its answer; once the deadline has passed, an agent opens the plis; then
/// an auditor replays the response's history (every event, what each save changed field by field), reads the response
/// as it was just before the send in the bidder's read-only tabs (by the mouse and by the keyboard), and runs the
/// verification of the history's chain.
/// </summary>
public class AuditParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    private const string MotDePasseDemo = "Sigma-Demo-2026!";
    private const string Reference = "2027-PP-003";

    [Fact]
    public async Task An_auditor_replays_a_sent_and_opened_response_sees_it_as_it_was_before_the_send_and_runs_the_verification()
    {
        // 1. The bidder answers lot 1 and sends.
        await using var sessionSoumissionnaire = await sigma.NouvelleSessionAsync();
        var soumissionnaire = await Navigation.OuvrirAsync(sessionSoumissionnaire);
        await soumissionnaire.ConnecterAsync("admin.demo", MotDePasseDemo);
        var numero = await EnvoiReponse.EnvoyerLot1Async(soumissionnaire, Reference, "Projet Pro — Orientation professionnelle");

        // 2. The deadline passes (both modules' copies of it).
        await EnvoiReponse.DepasserDateLimiteAsync(sigma.Database.ConnectionString, Reference);

        // 3. The agent opens the plis: Back-office > Consultations > the consultation > « Ouverture des plis ».
        await using var sessionAgent = await sigma.NouvelleSessionAsync();
        var agent = await Navigation.OuvrirAsync(sessionAgent);
        var pageAgent = agent.Page;
        await agent.ConnecterAsync("agent.region", MotDePasseDemo);
        await EnvoiReponse.AllerAOuvertureAsync(agent, Reference);
        await EnvoiReponse.OuvrirLesPlisAsync(agent, Reference);
        var organisme = Navigation.Normaliser(await pageAgent.Locator("#plis tbody tr").Filter(new() { HasText = numero }).Locator("td").First.InnerTextAsync());

        // 4. The auditor: « Audit » > « Réponses », by the mouse.
        await using var sessionAuditeur = await sigma.NouvelleSessionAsync();
        var auditeur = await Navigation.OuvrirAsync(sessionAuditeur);
        var page = auditeur.Page;
        await auditeur.ConnecterAsync("auditeur", MotDePasseDemo);
        var menu = page.Locator("nav#navigation");
        await menu.GetByRole(AriaRole.Button, new() { Name = "Audit", Exact = true }).ClickAsync();
        await auditeur.CliquerAsync(menu.GetByRole(AriaRole.Link, new() { Name = "Réponses", Exact = true }));
        page.Url.ShouldEndWith("/audit/reponses");
        (await auditeur.TexteAsync("h1")).ShouldBe("Audit des réponses");
        var ligne = page.Locator("#reponses-audit tbody tr").Filter(new() { HasText = Reference }).Filter(new() { HasText = organisme });
        (await ligne.CountAsync()).ShouldBe(1);
        (await ligne.InnerTextAsync()).ShouldContain("Envoyée le");
        await SigmaEnLigne.CaptureAsync(page, "audit-1-reponses");

        // The response's history: every event, the send among them, and what each save changed, field by field.
        await auditeur.CliquerAsync(ligne.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Historique") }));
        page.Url.ShouldMatch(@"/audit/reponses/[0-9a-f-]{36}$");
        (await auditeur.TexteAsync("h1")).ShouldBe($"Historique de la réponse de {organisme}");
        (await auditeur.TexteAsync("main")).ShouldContain("Les plis sont ouverts : ce que chaque enregistrement a changé dans les formulaires est montré champ par champ.");
        var evenements = page.Locator("#historique tbody tr");
        var quoi = (await evenements.Locator("td:nth-child(3)").AllInnerTextsAsync()).Select(Navigation.Normaliser).ToList();
        quoi[0].ShouldBe("Réponse commencée");
        quoi.ShouldContain("Candidature enregistrée");
        quoi.ShouldContain("Offre créée");
        var envoi = quoi.IndexOf("Réponse envoyée");
        envoi.ShouldBeGreaterThan(0, $"Pas de « Réponse envoyée » dans l'historique : {string.Join(", ", quoi)}");
        (await evenements.Nth(envoi).InnerTextAsync()).ShouldContain(numero);
        var changements = (await page.Locator("#historique ul.sigma-changements li").AllInnerTextsAsync()).Select(Navigation.Normaliser).ToList();
        changements.ShouldContain(c => c.StartsWith("Candidat › Siège › Raison sociale : ", StringComparison.Ordinal) && c.EndsWith("→ « Formation Occitanie Avenir »", StringComparison.Ordinal));
        (await page.Locator("#historique").InnerTextAsync()).ShouldNotContain("{\"");
        await SigmaEnLigne.CaptureAsync(page, "audit-2-historique");

        // « État à ce moment » on the event just before the send: the response as it was then, not sent.
        var avantEnvoi = evenements.Nth(envoi - 1);
        var version = Navigation.Normaliser(await avantEnvoi.Locator("td").First.InnerTextAsync());
        await auditeur.CliquerAsync(avantEnvoi.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^État à ce moment") }));
        page.Url.ShouldEndWith($"?version={version}");
        (await auditeur.TexteAsync("#etat-titre")).ShouldBe($"État après l'événement n° {version}");
        var etat = await auditeur.TexteAsync("#etat");
        etat.ShouldContain("Non envoyée");
        etat.ShouldNotContain("Envoyée le", Case.Sensitive);
        (await page.Locator("#historique tbody tr[aria-current='true'] td").First.InnerTextAsync()).Trim().ShouldBe(version);
        var onglets = page.Locator("section#etat-onglets");
        await Assertions.Expect(onglets).ToBeVisibleAsync();
        (await auditeur.TexteAsync("#etat-onglets-titre")).ShouldBe($"La réponse telle qu'elle était après l'événement n° {version} (lecture seule)");
        var candidature = onglets.Locator("#onglets-candidature");
        await Assertions.Expect(candidature.Locator("#c-candidat-panel")).ToBeVisibleAsync();
        (await candidature.Locator("#c-candidat-panel").InnerTextAsync()).ShouldContain("Formation Occitanie Avenir");
        await Assertions.Expect(candidature.Locator("#c-sites-panel")).ToBeHiddenAsync();
        await SigmaEnLigne.CaptureAsync(page, "audit-3-etat-avant-envoi");

        // The tabs by the mouse: « Sites de réalisation ».
        var sites = candidature.GetByRole(AriaRole.Tab, new() { Name = "Sites de réalisation", Exact = true });
        await sites.ClickAsync();
        await Assertions.Expect(sites).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(candidature.Locator("#c-sites-panel")).ToBeVisibleAsync();
        await Assertions.Expect(candidature.Locator("#c-candidat-panel")).ToBeHiddenAsync();
        (await candidature.Locator("#c-sites-panel").InnerTextAsync()).ShouldContain("12 rue de la Loge");
        await SigmaEnLigne.CaptureAsync(page, "audit-4-onglet-sites");

        // And by the keyboard: the focus in the tab list, → selects the next tab, « Pièces jointes ».
        await sites.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var pieces = candidature.GetByRole(AriaRole.Tab, new() { Name = "Pièces jointes", Exact = true });
        await Assertions.Expect(pieces).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(pieces).ToBeFocusedAsync();
        await Assertions.Expect(candidature.Locator("#c-pieces-panel")).ToBeVisibleAsync();
        await Assertions.Expect(candidature.Locator("#c-sites-panel")).ToBeHiddenAsync();
        (await candidature.Locator("#c-pieces-panel").InnerTextAsync()).ShouldContain("Qualiopi.pdf");
        await SigmaEnLigne.CaptureAsync(page, "audit-5-onglet-pieces-clavier");

        // 5. « Audit » > « Intégrité de l'historique », « Lancer la vérification »: the history is intact.
        await menu.GetByRole(AriaRole.Button, new() { Name = "Audit", Exact = true }).ClickAsync();
        await auditeur.CliquerAsync(menu.GetByRole(AriaRole.Link, new() { Name = "Intégrité de l'historique", Exact = true }));
        page.Url.ShouldEndWith("/audit/verification");
        (await auditeur.TexteAsync("h1")).ShouldBe("Intégrité de l'historique");
        await auditeur.CliquerAsync(page.GetByRole(AriaRole.Link, new() { Name = "Lancer la vérification", Exact = true }));
        var verdict = await auditeur.TexteAsync("#verdict-chaine");
        verdict.ShouldStartWith("Historique intact");
        (await page.Locator("#verdict-chaine").GetAttributeAsync("class"))!.ShouldContain("fr-alert--success");
        var modules = (await page.Locator("#verification-modules tbody tr").AllInnerTextsAsync()).Select(Navigation.Normaliser).ToList();
        var reponses = modules.SingleOrDefault(m => m.StartsWith("Réponses ", StringComparison.Ordinal));
        reponses.ShouldNotBeNull($"Pas de module « Réponses » dans la vérification : {string.Join(" | ", modules)}");
        // Every module's badge says « Intact » (the badge shows it in capitals).
        reponses.ShouldContain("Intact", Case.Insensitive);
        (await page.Locator("#verification-modules tbody tr .fr-badge--success").CountAsync()).ShouldBe(modules.Count);
        (await page.Locator("#verification-modules tbody tr .fr-badge--error").CountAsync()).ShouldBe(0);
        await SigmaEnLigne.CaptureAsync(page, "audit-6-verification");

        soumissionnaire.Problemes.ShouldBeEmpty();
        agent.Problemes.ShouldBeEmpty();
        auditeur.Problemes.ShouldBeEmpty();
    }
}
