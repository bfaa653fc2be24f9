using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>
/// Sigma behind a reverse proxy at 127.0.0.1 (every test request comes from it), listed in Sigma:ProxysDeConfiance,
/// with the limit of 3 public form posts a minute per client.
/// </summary>
public sealed class SigmaDerriereProxy : SigmaFactory
{
    protected override int LimiteParMinute => 3;

    protected override void Configurer(IWebHostBuilder builder)
    {
        builder.UseSetting("Sigma:ProxysDeConfiance:0", "127.0.0.1");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ConnexionDuProxy>());
    }
}

/// <summary>
/// The test server has no connection: each request is given the proxy's address, as Kestrel would see it, or the one
/// the test names in <c>X-Test-Connexion</c> (a client reaching Sigma directly, not through the proxy).
/// </summary>
internal sealed class ConnexionDuProxy : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, suite) =>
        {
            http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue("X-Test-Connexion", out var directe) ? IPAddress.Parse(directe.ToString()) : IPAddress.Loopback;
            return suite(http);
        });
        next(app);
    };
}

public class ProxysDeConfianceWebTests(SigmaDerriereProxy sigma) : IClassFixture<SigmaDerriereProxy>
{
    private static HttpRequestMessage Connexion(string jeton, string client, string? schema = null, string? connexionDirecte = null)
    {
        var requete = new HttpRequestMessage(HttpMethod.Post, "/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = jeton, ["Identifiant"] = "compte-inconnu", ["MotDePasse"] = "mauvais-mot-de-passe-1",
            }),
        };
        requete.Headers.Add("X-Forwarded-For", client);
        if (schema is not null)
        {
            requete.Headers.Add("X-Forwarded-Proto", schema);
        }
        if (connexionDirecte is not null)
        {
            requete.Headers.Add("X-Test-Connexion", connexionDirecte);
        }
        return requete;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_is_limited_apart_by_its_forwarded_address_and_the_forwarded_scheme_makes_cookies_secure()
    {
        var navigateur = sigma.Navigateur();
        var jeton = await navigateur.JetonAsync("/connexion");
        for (var i = 0; i < 3; i++)
        {
            (await navigateur.SendAsync(Connexion(jeton, "203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await navigateur.SendAsync(Connexion(jeton, "203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Another client behind the same proxy has its own count.
        (await navigateur.SendAsync(Connexion(jeton, "203.0.113.8"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // TLS ended at the proxy: the session cookie of a sign-in through it is marked secure.
        var https = sigma.Navigateur();
        var jetonHttps = await https.JetonAsync("/connexion");
        var requete = new HttpRequestMessage(HttpMethod.Post, "/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = jetonHttps, ["Identifiant"] = "admin.demo", ["MotDePasse"] = Soumissionnaire.MotDePasse,
            }),
        };
        requete.Headers.Add("X-Forwarded-For", "203.0.113.9");
        requete.Headers.Add("X-Forwarded-Proto", "https");
        var connexion = await https.SendAsync(requete);
        connexion.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        connexion.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase) && !c.StartsWith("sigma.antiforgery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_forwarded_address_of_a_request_that_does_not_come_from_a_trusted_proxy_is_ignored()
    {
        var navigateur = sigma.Navigateur();
        var jeton = await navigateur.JetonAsync("/connexion");
        // A client reaching Sigma directly and writing the header itself, a new address each time: counted as itself.
        for (var i = 0; i < 3; i++)
        {
            (await navigateur.SendAsync(Connexion(jeton, $"203.0.113.{50 + i}", connexionDirecte: "198.51.100.1"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await navigateur.SendAsync(Connexion(jeton, "203.0.113.99", connexionDirecte: "198.51.100.1"))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public void A_trusted_proxy_that_is_neither_an_address_nor_a_network_stops_the_start_with_a_french_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sigma:ProxysDeConfiance:0"] = "proxy.interne" }).Build();
        Should.Throw<InvalidOperationException>(() => Sigma.Host.Web.ProxysDeConfiance.Options(configuration)).Message.ShouldContain("« proxy.interne » n'est ni une adresse IP ni un réseau");
        Sigma.Host.Web.ProxysDeConfiance.Options(new ConfigurationBuilder().Build()).ShouldBeNull();
    }
}
