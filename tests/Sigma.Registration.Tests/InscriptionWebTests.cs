namespace Sigma.Registration.Tests;

public class InscriptionWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task Registering_an_organisation_creates_its_administrator_and_sends_a_welcome_mail()
    {
        var client = sigma.Navigateur();
        var identifiant = Donnees.NouvelIdentifiant("admin");
        var siret = Donnees.NouveauSiret();

        var reponse = await client.PosterAsync("/inscription", "/inscription", Donnees.Inscription(siret, identifiant));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reponse.Headers.Location!.ToString().ShouldBe("/inscription/confirmation");
        var bienvenue = await sigma.Smtp.AttendreAsync($"{identifiant}@cfp.test");
        bienvenue.Sujet.ShouldBe("Votre organisme Centre de Formation Pyrénées est inscrit sur Sigma");
        bienvenue.Texte.ShouldContain($"Votre compte administrateur « {identifiant} » est créé");
        bienvenue.Texte.ShouldContain($"{SigmaFactory.UrlPublique}/connexion");

        (await client.ConnecterAsync(identifiant, Donnees.MotDePasse)).Headers.Location!.ToString().ShouldBe("/organisation/comptes");
        var comptes = await client.GetStringAsync("/organisation/comptes");
        comptes.ShouldContain(siret);
        comptes.ShouldContain("APE 85.59A");
        comptes.ShouldContain("Administrateur de l&#x27;organisme");
    }

    [Fact]
    public async Task A_siren_alone_gets_a_french_message_next_to_the_field_and_keeps_what_was_typed()
    {
        var client = sigma.Navigateur();
        var champs = Donnees.Inscription("732829320", Donnees.NouvelIdentifiant());
        champs["CodeNaf"] = "9999Z";

        var reponse = await client.PosterAsync("/inscription", "/inscription", champs);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await reponse.Content.ReadAsStringAsync();
        html.ShouldContain("<p class=\"fr-message fr-message--error\" id=\"Siret-erreur\">Le SIREN seul ne suffit pas pour créer un compte");
        html.ShouldContain("id=\"CodeNaf-erreur\">Ce code APE/NAF n&#x27;existe pas dans la nomenclature NAF rév. 2");
        html.ShouldHaveField("RaisonSociale", "Centre de Formation Pyrénées");
        html.ShouldHaveField("Siret", "732829320");
        html.ShouldHaveField("Ville", "Toulouse");
    }

    [Fact]
    public async Task A_second_organisation_with_the_same_siret_is_refused_and_pointed_to_inscrit_simple()
    {
        var client = sigma.Navigateur();
        var siret = Donnees.NouveauSiret();
        (await client.PosterAsync("/inscription", "/inscription", Donnees.Inscription(siret, Donnees.NouvelIdentifiant())))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var doublon = await client.PosterAsync("/inscription", "/inscription", Donnees.Inscription(siret, Donnees.NouvelIdentifiant()));

        doublon.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await doublon.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"Siret-erreur\">Un organisme est déjà inscrit avec ce SIRET");
        html.ShouldContain($"/inscription-simple?siret={siret}");
    }

    [Fact]
    public async Task An_inscrit_simple_with_an_unknown_siret_is_told_to_register_the_organisation_first()
    {
        var reponse = await sigma.Navigateur().PosterAsync("/inscription-simple", "/inscription-simple", new Dictionary<string, string>
        {
            ["Siret"] = Donnees.NouveauSiret(), ["Prenom"] = "Paul", ["Nom"] = "Simple", ["Email"] = "paul@cfp.test",
            ["Identifiant"] = Donnees.NouvelIdentifiant(), ["MotDePasse"] = Donnees.MotDePasse, ["ConfirmationMotDePasse"] = Donnees.MotDePasse,
        });
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("id=\"Siret-erreur\">Aucun organisme n&#x27;est inscrit avec ce SIRET");
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        var reponse = await sigma.Navigateur().PostAsync("/inscription",
            new FormUrlEncodedContent(Donnees.Inscription(Donnees.NouveauSiret(), Donnees.NouvelIdentifiant())));
        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("Requête invalide");
    }

    [Theory]
    [InlineData("/courriels")]
    [InlineData("/hangfire")]
    public async Task A_bidder_cannot_reach_agent_pages(string page)
    {
        var client = sigma.Navigateur();
        await client.ConnecterAsync("admin.demo", "Sigma-Demo-2026!");
        var reponse = await client.GetAsync(page);
        reponse.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_for_the_accounts_page()
    {
        var reponse = await sigma.Navigateur().GetAsync("/organisation/comptes");
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reponse.Headers.Location!.ToString().ShouldContain("/connexion?retour=%2Forganisation%2Fcomptes");
    }

    [Fact]
    public async Task A_user_of_an_organisation_cannot_manage_its_accounts()
    {
        var client = sigma.Navigateur();
        await client.ConnecterAsync("formateur.demo", "Sigma-Demo-2026!");
        (await client.GetAsync("/organisation/comptes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_health_endpoint_answers_when_postgresql_and_hangfire_are_up()
    {
        var reponse = await sigma.Navigateur().GetAsync("/health");
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_are_french_with_security_headers_and_no_stack_trace()
    {
        var reponse = await sigma.Navigateur().GetAsync("/une-page-qui-n-existe-pas");
        reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await reponse.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"fr\"");
        html.ShouldContain("Page non trouvée");
        reponse.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        reponse.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        reponse.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
    }
}

public class AideWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task Without_configuration_the_assistance_page_says_whom_to_write_to() =>
        System.Net.WebUtility.HtmlDecode(await sigma.Navigateur().GetStringAsync("/aide/assistance"))
            .ShouldContain("écrivez au contact indiqué sur la page de la consultation");

    [Theory]
    [InlineData("/aide/guide", "Étape 1 : inscription (à effectuer le plus tôt possible)")]
    [InlineData("/aide/faq", "Que faire en cas de mot de passe oublié ?")]
    [InlineData("/aide/assistance", "Assistance téléphonique")]
    public async Task Help_pages_drawn_from_the_guide_are_reachable_anonymously(string page, string texte) =>
        (await sigma.Navigateur().GetStringAsync(page)).ShouldContain(texte);
}

/// <summary>Sigma with its support number configured.</summary>
public sealed class SigmaAvecAssistance : SigmaFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sigma:Assistance:Telephone", "04 67 22 80 00");
        builder.UseSetting("Sigma:Assistance:Horaires", "de 8h30 à 18h00 du lundi au vendredi");
    }
}

public class AssistanceWebTests(SigmaAvecAssistance sigma) : IClassFixture<SigmaAvecAssistance>
{
    [Fact]
    public async Task The_assistance_page_shows_the_configured_number_and_hours() =>
        (await sigma.Navigateur().GetStringAsync("/aide/assistance")).ShouldContain("04 67 22 80 00</a>, de 8h30 à 18h00 du lundi au vendredi");
}

