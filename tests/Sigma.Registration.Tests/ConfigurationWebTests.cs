using Microsoft.AspNetCore.Hosting;

namespace Sigma.Registration.Tests;

/// <summary>Links in mails never come from the request: a forged Host is refused, and the link is the public address's.</summary>
public class HoteForgeWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task A_request_with_a_forged_host_is_refused_before_anything_reads_it()
    {
        var client = sigma.Navigateur();
        var jeton = await client.JetonAsync("/mot-de-passe-oublie");
        using var requete = new HttpRequestMessage(HttpMethod.Post, "/mot-de-passe-oublie")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "admin.demo@formation-occitanie.test", ["__RequestVerificationToken"] = jeton }),
        };
        requete.Headers.Host = "attaquant.example";
        (await client.SendAsync(requete)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_reset_link_points_to_the_public_address_whatever_address_served_the_request()
    {
        var identifiant = Donnees.NouvelIdentifiant("adm");
        (await sigma.Navigateur().PosterAsync("/inscription", "/inscription", Donnees.Inscription(Donnees.NouveauSiret(), identifiant)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var client = sigma.Navigateur();
        await client.PosterAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = $"{identifiant}@cfp.test" });
        var courriel = await sigma.Smtp.AttendreAsync($"{identifiant}@cfp.test", c => c.Sujet.StartsWith("Réinitialisation"));
        courriel.Texte.ShouldContain($"{SigmaFactory.UrlPublique}/mot-de-passe/definir?compte=");
    }
}

/// <summary>Sigma in Production with part of its configuration missing: it must refuse to start and say why.</summary>
public sealed class SigmaMalConfigure(string cle) : SigmaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(cle, "");
    }
}

public class ConfigurationDeProductionTests
{
    [Theory]
    [InlineData("Sigma:UrlPublique", "Sigma:UrlPublique (variable Sigma__UrlPublique) est obligatoire")]
    [InlineData("Smtp:Host", "Smtp:Host (variable Smtp__Host) est obligatoire")]
    public async Task Production_refuses_to_start_without_its_public_address_or_a_real_smtp_server(string cle, string message)
    {
        var sigma = new SigmaMalConfigure(cle);
        await sigma.InitializeAsync();
        try
        {
            var erreur = Should.Throw<InvalidOperationException>(() => sigma.Server);
            erreur.Message.ShouldContain("Sigma ne peut pas démarrer en Production");
            erreur.Message.ShouldContain(message);
        }
        finally
        {
            await sigma.DisposeAsync();
        }
    }
}

/// <summary>Sigma with a per-client limit of 3 public form posts a minute.</summary>
public sealed class SigmaLimite : SigmaFactory
{
    protected override int LimiteParMinute => 3;
}

public class LimitesDebitWebTests(SigmaLimite sigma) : IClassFixture<SigmaLimite>
{
    [Fact]
    public async Task A_client_posting_public_forms_too_often_gets_a_french_429_whatever_account_it_names()
    {
        var client = sigma.Navigateur();
        for (var i = 0; i < 3; i++)
        {
            (await client.ConnecterAsync($"compte{i}", "mauvais-mot-de-passe-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var limite = await client.ConnecterAsync("admin.demo", Soumissionnaire.MotDePasse);
        limite.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limite.Headers.RetryAfter.ShouldNotBeNull();
        (await limite.Content.ReadAsStringAsync()).ShouldContain("Trop de tentatives");
        var reinitialisation = await client.PosterAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = "x@y.test" });
        reinitialisation.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Pages are still served: only the posts of public forms are counted.
        (await client.GetAsync("/connexion")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
