using System.IO.Compression;
using MediatR;
using Sigma.BuildingBlocks.Messaging;
using Sigma.Consultations.Contracts;
using Sigma.Consultations.Infrastructure;

namespace Sigma.Consultations.Tests;

public class ConsultationsWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.4 règlement"u8.ToArray();

    private static string Suffixe() => Guid.NewGuid().ToString("N")[..8];

    private async Task<(HttpClient Agent, Guid Id, string Reference)> PublierAsync(string intitule, string? objet = null)
    {
        var agent = await Agent.ConnecteAsync(sigma);
        var reference = "T-" + Suffixe();
        var id = await Agent.CreerAsync(agent, reference, intitule, objet);
        (await Agent.DeposerAsync(agent, id, null, ("RC.pdf", Pdf), ("CCTP.txt", "cahier technique"u8.ToArray()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Agent.PublierAsync(agent, id);
        return (agent, id, reference);
    }

    private static async Task<HttpResponseMessage> TelechargerAsync(HttpClient client, Guid id, Dictionary<string, string>? renseignements = null, int? seulement = null)
    {
        var page = await client.GetStringAsync($"/consultations/{id}");
        var ids = Agent.IdsFichiersPublics(page);
        var champs = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await client.JetonAsync($"/consultations/{id}")) };
        champs.AddRange((seulement is { } i ? [ids[i]] : ids).Select(f => new KeyValuePair<string, string>("fichiers", f)));
        champs.AddRange(renseignements ?? []);
        return await client.PostAsync($"/consultations/{id}/dce", new FormUrlEncodedContent(champs));
    }

    [Fact]
    public async Task Search_ignores_accents_and_case_and_separates_open_from_closed()
    {
        var suffixe = Suffixe();
        await PublierAsync($"COMPÉTENCES Numérique Tarn {suffixe}");
        var client = sigma.Navigateur();

        (await client.GetStringAsync($"/consultations?q=competences+numerique+{suffixe}")).ShouldContain($"COMPÉTENCES Numérique Tarn {suffixe}");
        (await client.GetStringAsync($"/consultations?q=Compétences+{suffixe}")).ShouldContain("1 consultation pour");
        (await client.GetStringAsync($"/consultations/cloturees?q={suffixe}")).ShouldContain("0 consultation pour");
        (await client.GetStringAsync("/consultations/cloturees")).ShouldContain("E2C — École de la deuxième chance 2026");
    }

    [Fact]
    public async Task Search_results_are_ranked_title_first()
    {
        var mot = "zorglub" + Suffixe();
        await PublierAsync("Formation générale", objet: $"Le mot {mot} n'apparaît que dans l'objet.");
        await PublierAsync($"Formation {mot}");
        var html = await sigma.Navigateur().GetStringAsync($"/consultations?q={mot}");
        html.ShouldContain("2 consultations");
        html.IndexOf($"Formation {mot}", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("Formation générale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_without_a_dce_is_refused_in_french_next_to_the_publication()
    {
        var agent = await Agent.ConnecteAsync(sigma);
        var id = await Agent.CreerAsync(agent, "SANS-DCE-" + Suffixe(), "Consultation sans DCE");
        var refus = await agent.PosterAsync($"/back-office/consultations/{id}", $"/back-office/consultations/{id}/publier", new Dictionary<string, string>());
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = System.Net.WebUtility.HtmlDecode(await refus.Content.ReadAsStringAsync());
        html.ShouldContain("DCE");
        html.ShouldContain("Le formulaire contient des erreurs");
    }

    [Fact]
    public async Task A_dce_whose_reference_has_accents_downloads_with_its_name_in_the_header()
    {
        var agent = await Agent.ConnecteAsync(sigma);
        var reference = "ÉTÉ-" + Suffixe();
        var id = await Agent.CreerAsync(agent, reference, "Référence accentuée");
        (await Agent.DeposerAsync(agent, id, null, ("RC.pdf", Pdf))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Agent.PublierAsync(agent, id);
        var reponse = await TelechargerAsync(sigma.Navigateur(), id);
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        reponse.Content.Headers.ContentDisposition.FileNameStar.ShouldBe($"DCE-{reference}-v1.zip");
    }

    [Fact]
    public async Task A_question_typed_as_a_spreadsheet_formula_is_exported_as_text()
    {
        var (agent, id, _) = await PublierAsync("Formule " + Suffixe());
        var bidder = sigma.Navigateur();
        await bidder.ConnecterAsync("formateur.demo", Agent.MotDePasse);
        foreach (var formule in new[] { "=HYPERLINK(\"http://pirate.test\";\"clic\")", "+1+1", "-2+3", "@SUM(A1)" })
        {
            (await bidder.PosterAsync($"/consultations/{id}", $"/consultations/{id}/questions", new Dictionary<string, string> { ["question"] = formule }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var csv = await agent.GetStringAsync($"/back-office/consultations/{id}/registres/questions.csv");
        using var lecteur = new CsvHelper.CsvReader(new StringReader(csv),
            new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture) { Delimiter = ";" });
        var questions = new List<string>();
        lecteur.Read();
        while (lecteur.Read())
        {
            questions.Add(lecteur.GetField(3)!);
        }
        questions.ShouldBe(["'=HYPERLINK(\"http://pirate.test\";\"clic\")", "'+1+1", "'-2+3", "'@SUM(A1)"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_anonymous_visitor_downloads_the_whole_dce_as_a_zip_and_is_counted_as_anonymous()
    {
        var (agent, id, _) = await PublierAsync("Téléchargement anonyme " + Suffixe());
        var reponse = await TelechargerAsync(sigma.Navigateur(), id);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(await reponse.Content.ReadAsStreamAsync());
        zip.Entries.Select(e => e.FullName).ShouldBe(["RC.pdf", "CCTP.txt"], ignoreOrder: true);
        await using var rc = zip.GetEntry("RC.pdf")!.Open();
        using var copie = new MemoryStream();
        await rc.CopyToAsync(copie);
        copie.ToArray().ShouldBe(Pdf);

        var registre = await agent.GetStringAsync($"/back-office/consultations/{id}/registres/retraits");
        registre.ShouldContain("1 retrait, dont 1 anonyme");
    }

    [Fact]
    public async Task A_partial_download_holds_only_the_chosen_file_and_the_registry_says_so()
    {
        var (agent, id, _) = await PublierAsync("Téléchargement partiel " + Suffixe());
        var reponse = await TelechargerAsync(sigma.Navigateur(), id, new() { ["nom"] = "Jean Dupont", ["email"] = "jean@of.test", ["organisme"] = "OF Test" }, seulement: 1);
        using var zip = new ZipArchive(await reponse.Content.ReadAsStreamAsync());
        zip.Entries.ShouldHaveSingleItem().FullName.ShouldBe("CCTP.txt");

        var csv = await agent.GetStringAsync($"/back-office/consultations/{id}/registres/retraits.csv");
        csv.ShouldContain(";1;non;CCTP.txt;Jean Dupont;jean@of.test;OF Test;non");
    }

    [Fact]
    public async Task A_new_dce_version_alerts_each_identified_downloader_exactly_once_even_when_the_event_is_delivered_twice()
    {
        var (agent, id, reference) = await PublierAsync("Alerte DCE " + Suffixe());
        var email = $"alerte.{Suffixe()}@of.test";
        (await TelechargerAsync(sigma.Navigateur(), id, new() { ["nom"] = "Inès", ["email"] = email })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TelechargerAsync(sigma.Navigateur(), id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Agent.DeposerAsync(agent, id, "Le CCTP précise les plateaux techniques", ("Annexe.pdf", Pdf))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var alerte = await sigma.Smtp.AttendreAsync(email);
        alerte.Sujet.ShouldBe($"Consultation {reference} : le DCE a été modifié (version 2)");
        alerte.Texte.ShouldContain("Ce qui change : Le CCTP précise les plateaux techniques");
        alerte.Texte.ShouldContain($"{SigmaFactory.UrlPublique}/consultations/{id}");

        // The outbox is at-least-once: deliver the same integration event again.
        await using (var session = sigma.Services.GetRequiredService<IConsultationsStore>().QuerySession())
        {
            var messages = await session.Query<OutboxMessage>().ToListAsync();
            var message = messages.Single(m => m.Type.Contains(nameof(DceModifieIntegrationEvent)) && m.Payload.Contains(id.ToString()));
            var evenement = (DceModifieIntegrationEvent)System.Text.Json.JsonSerializer.Deserialize(message.Payload, typeof(DceModifieIntegrationEvent))!;
            using var scope = sigma.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(evenement);
        }
        await Task.Delay(2500);
        sigma.Smtp.Courriels.Count(c => c.A.Contains(email)).ShouldBe(1);
    }

    [Fact]
    public async Task An_agent_sees_a_french_message_next_to_the_deadline_and_keeps_what_was_typed()
    {
        var agent = await Agent.ConnecteAsync(sigma);
        var champs = Agent.Formulaire("T-" + Suffixe(), "Intitulé gardé", DateTime.Today.AddDays(-2));
        champs["Lots[0].Volume"] = "beaucoup";
        var reponse = await agent.PosterAsync("/back-office/consultations/nouvelle", "/back-office/consultations/nouvelle", champs);
        var html = await reponse.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"DateLimite-erreur\">La date limite de remise des réponses doit être dans le futur.");
        html.ShouldContain("id=\"Lots_0__Volume-erreur\">Le volume est un nombre positif");
        html.ShouldContain("value=\"Intitulé gardé\"");
        html.ShouldContain("value=\"Électricien\"");
    }

    [Theory]
    [InlineData("vide.pdf", 0, "est vide")]
    [InlineData("../../etc/passwd", 10, "contient des caractères interdits")]
    public async Task Bad_dce_files_are_refused_with_a_french_message(string nom, int taille, string message)
    {
        var agent = await Agent.ConnecteAsync(sigma);
        var id = await Agent.CreerAsync(agent, "T-" + Suffixe(), "Fichiers refusés");
        var reponse = await Agent.DeposerAsync(agent, id, null, (nom, new byte[taille]));
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reponse.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task A_draft_is_invisible_to_bidders_and_anonymous_visitors()
    {
        var agent = await Agent.ConnecteAsync(sigma);
        var id = await Agent.CreerAsync(agent, "T-" + Suffixe(), "Brouillon secret");
        (await sigma.Navigateur().GetAsync($"/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bidder = sigma.Navigateur();
        await bidder.ConnecterAsync("formateur.demo", Agent.MotDePasse);
        (await bidder.GetAsync($"/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await agent.GetAsync($"/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/back-office/consultations")]
    [InlineData("/back-office/consultations/nouvelle")]
    public async Task Bidders_cannot_reach_the_back_office_and_anonymous_visitors_are_asked_to_sign_in(string page)
    {
        var bidder = sigma.Navigateur();
        await bidder.ConnecterAsync("admin.demo", Agent.MotDePasse);
        (await bidder.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var anonyme = await sigma.Navigateur().GetAsync(page);
        anonyme.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonyme.Headers.Location!.ToString().ShouldContain("/connexion");
    }

    [Fact]
    public async Task A_signed_in_bidder_asks_a_question_and_gets_the_published_answer_by_mail()
    {
        var (agent, id, reference) = await PublierAsync("Questions " + Suffixe());
        var bidder = sigma.Navigateur();
        await bidder.ConnecterAsync("formateur.demo", Agent.MotDePasse);
        var pose = await bidder.PosterAsync($"/consultations/{id}", $"/consultations/{id}/questions", new Dictionary<string, string> { ["question"] = "Faut-il un site par lot ?" });
        pose.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await bidder.GetStringAsync($"/consultations/{id}")).ShouldContain("Faut-il un site par lot ? — <em>en attente de réponse</em>");

        var gestion = await agent.GetStringAsync($"/back-office/consultations/{id}");
        var questionId = System.Text.RegularExpressions.Regex.Match(gestion, "/questions/([0-9a-f-]{36})/reponse").Groups[1].Value;
        (await agent.PosterAsync($"/back-office/consultations/{id}", $"/back-office/consultations/{id}/questions/{questionId}/reponse",
            new Dictionary<string, string> { ["reponse"] = "Non, un site peut servir plusieurs lots." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var publique = await sigma.Navigateur().GetStringAsync($"/consultations/{id}");
        publique.ShouldContain("Non, un site peut servir plusieurs lots.");
        publique.ShouldNotContain("formateur.demo");
        var courriel = await sigma.Smtp.AttendreAsync("formateur.demo@organisme-demo.fr", c => c.Sujet == $"Consultation {reference} : réponse à une question");
        courriel.Texte.ShouldContain("Réponse : Non, un site peut servir plusieurs lots.");
        (await agent.GetStringAsync($"/back-office/consultations/{id}/registres/questions.csv")).ShouldContain("Faut-il un site par lot ?");
    }

    [Fact]
    public async Task An_empty_question_is_refused_next_to_the_field()
    {
        var (_, id, _) = await PublierAsync("Question vide " + Suffixe());
        var bidder = sigma.Navigateur();
        await bidder.ConnecterAsync("formateur.demo", Agent.MotDePasse);
        var reponse = await bidder.PosterAsync($"/consultations/{id}", $"/consultations/{id}/questions", new Dictionary<string, string> { ["question"] = "  " });
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("id=\"question-erreur\">Écrivez votre question.");
    }

    [Fact]
    public async Task Extending_the_deadline_alerts_subscribers()
    {
        var (agent, id, reference) = await PublierAsync("Prorogation " + Suffixe());
        var email = $"prorog.{Suffixe()}@of.test";
        await TelechargerAsync(sigma.Navigateur(), id, new() { ["email"] = email });
        var nouvelle = DateTime.Today.AddDays(60);
        (await agent.PosterAsync($"/back-office/consultations/{id}", $"/back-office/consultations/{id}/proroger", new Dictionary<string, string>
        {
            ["nouvelleDate"] = nouvelle.ToString("yyyy-MM-dd"), ["nouvelleHeure"] = "16:00", ["motif"] = "Nombreuses questions",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var courriel = await sigma.Smtp.AttendreAsync(email);
        courriel.Sujet.ShouldBe($"Consultation {reference} : nouvelle date limite le {nouvelle:dd/MM/yyyy} à 16:00");
    }

    [Fact]
    public async Task A_refused_extension_shows_its_message_next_to_the_date_and_keeps_what_was_typed()
    {
        var (agent, id, _) = await PublierAsync("Prorogation refusée " + Suffixe());
        var refus = await agent.PosterAsync($"/back-office/consultations/{id}", $"/back-office/consultations/{id}/proroger", new Dictionary<string, string>
        {
            ["nouvelleDate"] = "2020-01-01", ["nouvelleHeure"] = "10:00", ["motif"] = "Nombreuses questions",
        });
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refus.Content.ReadAsStringAsync();
        page.ShouldContain("<p class=\"fr-message fr-message--error\" id=\"NouvelleDate-erreur\">La nouvelle date limite doit être postérieure");
        page.ShouldContain("value=\"2020-01-01\"");
        page.ShouldContain("value=\"10:00\"");
        page.ShouldContain("value=\"Nombreuses questions\"");
        page.ShouldContain("Registre des questions : 0 question, 0 répondue");
    }
}
