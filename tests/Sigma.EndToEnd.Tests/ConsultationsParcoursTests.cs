using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>A consultation from the agent's draft to the answer a bidder gets to their question, in a real browser.</summary>
public class ConsultationsParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    /// <summary>The password of the demonstration accounts every fresh database holds.</summary>
    private const string MotDePasseDemo = "Sigma-Demo-2026!";

    private const string EmailFormateur = "formateur.demo@organisme-demo.fr";

    /// <summary>A small PDF with the binary comment line real PDFs carry, so that a byte changed on the way would show.</summary>
    private static readonly byte[] Reglement =
    [
        .. "%PDF-1.4\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n',
        .. "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8,
    ];

    private static readonly byte[] Cctp = Encoding.UTF8.GetBytes("Cahier des clauses techniques particulières — Tarn.\nAteliers numériques à Albi et Castres.\n");

    private const string NomReglement = "Règlement de la consultation.pdf";
    private const string NomCctp = "CCTP.txt";

    [Fact]
    public async Task An_agent_publishes_a_consultation_a_bidder_finds_it_downloads_the_dce_and_gets_the_answer_to_a_question()
    {
        var suffixe = string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))));
        var reference = $"E2E-{suffixe.ToUpperInvariant()}";
        var intitule = $"Compétences numériques — Tarn {suffixe}";
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var dateLimite = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).Date.AddDays(30);
        const string question = "Les ateliers peuvent-ils se tenir à distance pour une partie des stagiaires ?";
        const string reponse = "Oui, dans la limite de 30 % des heures stagiaires, en classe virtuelle.";

        // The agent drafts the consultation, with two lots.
        await using var sessionAgent = await sigma.NouvelleSessionAsync();
        var agent = await Navigation.OuvrirAsync(sessionAgent);
        await agent.ConnecterAsync("agent.region", MotDePasseDemo);
        var menu = agent.Page.Locator("nav#navigation");
        await menu.GetByRole(AriaRole.Button, new() { Name = "Back-office", Exact = true }).ClickAsync();
        await agent.CliquerAsync(menu.GetByRole(AriaRole.Link, new() { Name = "Consultations", Exact = true }));
        agent.Page.Url.ShouldBe($"{sigma.Url}/back-office/consultations");
        await agent.CliquerAsync(agent.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Nouvelle consultation", Exact = true }));
        agent.Page.Url.ShouldBe($"{sigma.Url}/back-office/consultations/nouvelle");

        await agent.SaisirAsync("Référence", reference);
        await agent.SaisirAsync("Intitulé", intitule);
        await agent.SaisirAsync("Objet", "Ateliers d'initiation aux outils numériques pour les demandeurs d'emploi du Tarn.");
        await agent.Champ("Dispositif").SelectOptionAsync(new SelectOptionValue { Label = "COMPETENCES PLUS" });
        await agent.Champ("Procédure").SelectOptionAsync(new SelectOptionValue { Label = "Appel d'offres ouvert" });
        await agent.SaisirAsync("Date limite de remise des réponses", dateLimite.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await agent.SaisirAsync("Heure limite (Paris)", "17:00");
        await agent.SaisirAsync("Contact", "Direction de la formation — marches.formation@region.test");
        await Lot(agent.Page, 0).Numero.FillAsync("1");
        await Lot(agent.Page, 0).Intitule.FillAsync("Ateliers numériques Albi");
        await Lot(agent.Page, 0).Territoire.FillAsync("Tarn — Albi");
        await Lot(agent.Page, 0).Unite.SelectOptionAsync("Hsta");
        await Lot(agent.Page, 0).Volume.FillAsync("1 200");
        await agent.CliquerAsync(agent.Bouton("Ajouter un lot"));
        (await Lot(agent.Page, 0).Intitule.InputValueAsync()).ShouldBe("Ateliers numériques Albi");
        (await agent.Champ("Intitulé").InputValueAsync()).ShouldBe(intitule);
        (await Lot(agent.Page, 1).Numero.InputValueAsync()).ShouldBe("2");
        await Lot(agent.Page, 1).Intitule.FillAsync("Ateliers numériques Castres");
        await Lot(agent.Page, 1).Territoire.FillAsync("Tarn — Castres");
        await Lot(agent.Page, 1).Unite.SelectOptionAsync("Forp");
        await Lot(agent.Page, 1).Volume.FillAsync("40");
        await agent.CliquerAsync(agent.Bouton("Enregistrer le brouillon"));

        agent.Page.Url.ShouldMatch($"^{Regex.Escape(sigma.Url)}/back-office/consultations/[0-9a-f-]{{36}}$");
        var id = agent.Page.Url[(agent.Page.Url.LastIndexOf('/') + 1)..];
        var gestion = agent.Page.Url;
        (await StatutAsync(agent)).ShouldBe("Brouillon");
        (await agent.TexteAsync("h1")).ShouldBe(intitule);
        (await agent.TexteAsync("#date-limite")).ShouldBe($"{dateLimite:dd/MM/yyyy} à 17:00");

        // Nobody but the Region's agents sees a draft.
        await using (var sessionAnonyme = await sigma.NouvelleSessionAsync())
        {
            var anonyme = await Navigation.OuvrirAsync(sessionAnonyme);
            (await anonyme.AllerAsync($"/consultations/{id}", 404)).ShouldBe(404);
            (await anonyme.TexteAsync("main")).ShouldNotContain(intitule);
            anonyme.Problemes.ShouldBeEmpty();
        }

        // The agent deposits the DCE and publishes.
        await agent.Page.Locator("form#form-dce #fichiers").SetInputFilesAsync(
        [
            new FilePayload { Name = NomReglement, MimeType = "application/pdf", Buffer = Reglement },
            new FilePayload { Name = NomCctp, MimeType = "text/plain", Buffer = Cctp },
        ]);
        await agent.CliquerAsync(agent.Page.Locator("form#form-dce").GetByRole(AriaRole.Button, new() { Name = "Déposer", Exact = true }));
        agent.Page.Url.ShouldBe(gestion);
        (await agent.TexteAsync("#message")).ShouldBe("La version 1 du DCE est déposée.");
        var dceAgent = await agent.TexteAsync("main details");
        dceAgent.ShouldContain(NomReglement);
        dceAgent.ShouldContain(NomCctp);
        await agent.CliquerAsync(agent.Page.Locator("button#publier"));
        (await agent.TexteAsync("#message")).ShouldStartWith("La consultation est publiée");
        (await StatutAsync(agent)).ShouldBe("Publiée");

        // A bidder signs in, finds it by keywords typed without accents, and opens it.
        await using var sessionSoumissionnaire = await sigma.NouvelleSessionAsync();
        var soumissionnaire = await Navigation.OuvrirAsync(sessionSoumissionnaire);
        var page = soumissionnaire.Page;
        await soumissionnaire.ConnecterAsync("formateur.demo", MotDePasseDemo);
        var menuPublic = page.Locator("nav#navigation");
        await menuPublic.GetByRole(AriaRole.Button, new() { Name = "Annonces", Exact = true }).ClickAsync();
        await soumissionnaire.CliquerAsync(menuPublic.GetByRole(AriaRole.Link, new() { Name = "Consultations en cours", Exact = true }));
        page.Url.ShouldBe($"{sigma.Url}/consultations");
        // Scripts (htmx) attached before typing and clicking: a loaded machine once lost the search in between (60 s timeout in CI).
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#q").FillAsync($"competences numeriques tarn {suffixe}");
        await soumissionnaire.Bouton("Rechercher").ClickAsync();
        // The address (pushed by htmx, or loaded without it) first: the consultation may already be listed before the search.
        await page.WaitForURLAsync(new Regex(@"/consultations\?q=competences"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        var resultat = page.Locator("#resultats").GetByRole(AriaRole.Link, new() { Name = intitule, Exact = true });
        await resultat.WaitForAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#nombre-resultats")).ToContainTextAsync(" pour « ");
        (await soumissionnaire.TexteAsync("#nombre-resultats")).ShouldBe($"1 consultation pour « competences numeriques tarn {suffixe} »");
        var carte = Navigation.Normaliser(await page.Locator("#resultats .resultat").InnerTextAsync());
        carte.ShouldContain($"Référence {reference} — 2 lot(s)");
        carte.ShouldContain("COMPETENCES PLUS");
        carte.ShouldContain($"Date limite : {dateLimite:dd/MM/yyyy} à 17:00");
        await SigmaEnLigne.CaptureAsync(page, "consultations-recherche");

        await soumissionnaire.CliquerAsync(resultat);
        page.Url.ShouldBe($"{sigma.Url}/consultations/{id}");
        (await soumissionnaire.TexteAsync("h1")).ShouldBe(intitule);
        (await soumissionnaire.TexteAsync("#echeance")).ShouldContain($"{dateLimite:dd/MM/yyyy} à 17:00");
        var lots = page.Locator("table#lots tbody tr");
        (await lots.CountAsync()).ShouldBe(2);
        Navigation.Normaliser(await lots.Nth(0).InnerTextAsync()).ShouldBe("1 Ateliers numériques Albi Tarn — Albi HSTA — heure stagiaire 1 200");
        Navigation.Normaliser(await lots.Nth(1).InnerTextAsync()).ShouldBe("2 Ateliers numériques Castres Tarn — Castres FORP — forfait parcours 40");
        var fichiers = page.Locator("form#form-telechargement input[name='fichiers']");
        (await fichiers.CountAsync()).ShouldBe(2);
        var listeFichiers = await soumissionnaire.TexteAsync("form#form-telechargement");
        listeFichiers.ShouldContain(NomReglement);
        listeFichiers.ShouldContain(NomCctp);
        await SigmaEnLigne.CaptureAsync(page, "consultation-detail");

        // The whole DCE, as one zip holding the very bytes the agent deposited.
        var telechargement = await soumissionnaire.TelechargerAsync(page.Locator("button#telecharger"));
        telechargement.SuggestedFilename.ShouldBe($"DCE-{reference}-v1.zip");
        var zip = Path.Combine(Path.GetTempPath(), $"sigma-{Guid.NewGuid():N}.zip");
        try
        {
            await telechargement.SaveAsAsync(zip);
            using var archive = ZipFile.OpenRead(zip);
            archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ShouldBe(new[] { NomCctp, NomReglement }.Order(StringComparer.Ordinal));
            Contenu(archive, NomReglement).ShouldBe(Reglement);
            Contenu(archive, NomCctp).ShouldBe(Cctp);
        }
        finally
        {
            File.Delete(zip);
        }

        // The bidder asks a question, and cannot reach the back office.
        await page.Locator("textarea#question").FillAsync(question);
        await soumissionnaire.CliquerAsync(soumissionnaire.Bouton("Envoyer la question"));
        page.Url.ShouldBe($"{sigma.Url}/consultations/{id}");
        (await soumissionnaire.TexteAsync("#message")).ShouldStartWith("Votre question est envoyée");
        (await soumissionnaire.TexteAsync("#mes-questions")).ShouldBe($"{question} — en attente de réponse");
        (await soumissionnaire.AllerAsync("/back-office/consultations", 403)).ShouldBe(403);
        (await soumissionnaire.TexteAsync("main")).ShouldNotContain(reference);

        // The agent answers on the management page.
        await agent.AllerAsync(gestion);
        var carteQuestion = agent.Page.Locator(".question").Filter(new() { HasText = question });
        (await carteQuestion.CountAsync()).ShouldBe(1);
        (await carteQuestion.InnerTextAsync()).ShouldContain("formateur.demo");
        await carteQuestion.Locator("textarea[name='reponse']").FillAsync(reponse);
        await agent.CliquerAsync(carteQuestion.GetByRole(AriaRole.Button, new() { Name = "Publier la réponse", Exact = true }));
        agent.Page.Url.ShouldBe(gestion);
        (await agent.TexteAsync("#message")).ShouldStartWith("La réponse est publiée");
        (await agent.TexteAsync("main")).ShouldContain("1 retrait, dont 0 anonyme ; 1 entreprise identifiée alertée");
        await SigmaEnLigne.CaptureAsync(agent.Page, "consultation-gestion");

        // The answer is on the public page, without the author's name, and in the bidder's mailbox, once.
        await soumissionnaire.AllerAsync($"/consultations/{id}");
        var publiees = await soumissionnaire.TexteAsync("section#reponses-publiees");
        publiees.ShouldContain(question);
        publiees.ShouldContain(reponse);
        publiees.ShouldNotContain("formateur.demo");
        (await soumissionnaire.TexteAsync("#mes-questions")).ShouldBe($"{question} — répondue");
        await SigmaEnLigne.CaptureAsync(page, "consultation-detail-reponse");

        var sujet = $"Consultation {reference} : réponse à une question";
        var courriel = await sigma.Smtp.AttendreAsync(EmailFormateur, c => c.Sujet.StartsWith(sujet, StringComparison.Ordinal));
        courriel.Texte.ShouldContain(reponse);
        await Task.Delay(TimeSpan.FromSeconds(3));
        sigma.Smtp.Courriels.Count(c => c.A.Contains(EmailFormateur, StringComparison.OrdinalIgnoreCase) && c.Sujet.StartsWith(sujet, StringComparison.Ordinal))
            .ShouldBe(1);

        agent.Problemes.ShouldBeEmpty();
        soumissionnaire.Problemes.ShouldBeEmpty();
    }

    /// <summary>The status badge as written (the DSFR shows badges in capitals).</summary>
    private static async Task<string> StatutAsync(Navigation nav) => Navigation.Normaliser(await nav.Page.Locator("#statut").TextContentAsync() ?? "");

    private static (ILocator Numero, ILocator Intitule, ILocator Territoire, ILocator Unite, ILocator Volume) Lot(IPage page, int i) => (
        page.Locator($"input[name='Lots[{i}].Numero']"),
        page.Locator($"input[name='Lots[{i}].Intitule']"),
        page.Locator($"input[name='Lots[{i}].Territoire']"),
        page.Locator($"select[name='Lots[{i}].UniteOeuvre']"),
        page.Locator($"input[name='Lots[{i}].Volume']"));

    private static byte[] Contenu(ZipArchive archive, string nom)
    {
        using var flux = archive.GetEntry(nom)!.Open();
        using var copie = new MemoryStream();
        flux.CopyTo(copie);
        return copie.ToArray();
    }
}
