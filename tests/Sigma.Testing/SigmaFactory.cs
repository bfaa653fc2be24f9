using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using Xunit;

namespace Sigma.Testing;

/// <summary>
/// Sigma in-process (WebApplicationFactory) on its own fresh database and a real in-process SMTP server.
/// Use it as a class fixture; the test assembly must not run classes in parallel (Hangfire's storage is global).
/// </summary>
public class SigmaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public SmtpDeTest Smtp { get; private set; } = default!;

    public const string UrlPublique = "http://sigma.test";

    /// <summary>The port Sigma sends mail to; the test SMTP server listens there unless the test starts it later.</summary>
    public int SmtpPort { get; private set; }

    protected virtual bool DemarrerSmtp => true;

    protected virtual int LimiteParMinute => 1_000_000;

    public async Task InitializeAsync()
    {
        // Sigma answers only for its public address (AllowedHosts): the test clients speak to it.
        ClientOptions.BaseAddress = new Uri(UrlPublique);
        Database = await CreerBaseAsync();
        SmtpPort = SmtpDeTest.PortLibre();
        if (DemarrerSmtp)
        {
            Smtp = await SmtpDeTest.StartAsync(SmtpPort);
        }
    }

    /// <summary>The database this Sigma runs on: a fresh one, unless a test brings its own (a restored backup, say).</summary>
    protected virtual Task<TestDatabase> CreerBaseAsync() => TestDatabase.CreateAsync();

    /// <summary>More settings of a test's own (its data folders, say), applied after the common ones.</summary>
    protected virtual void Configurer(IWebHostBuilder builder)
    {
    }

    /// <summary>Starts the SMTP server late, for tests of a server that was down.</summary>
    public async Task DemarrerSmtpAsync() => Smtp = await SmtpDeTest.StartAsync(SmtpPort);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Sigma", Database.ConnectionString);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Securite", "None");
        builder.UseSetting("Sigma:UrlPublique", UrlPublique);
        builder.UseSetting("Sigma:DonneesDemo", "true");
        builder.UseSetting("Sigma:Hangfire:Workers", "2");
        // Every test client is the same "client" (no remote address): the per-client limit is tested apart.
        builder.UseSetting("Sigma:LimitesDebit:ParMinute", LimiteParMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Configurer(builder);
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, so that tests see them.</summary>
    public HttpClient Navigateur() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(UrlPublique),
    });

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}

/// <summary>Form posts the way a browser sends them: with the antiforgery token of the page.</summary>
public static partial class Formulaires
{
    public static async Task<string> JetonAsync(this HttpClient client, string page) => JetonDe(await client.GetStringAsync(page), page);

    /// <summary>The antiforgery token of a page already loaded (a browser loads a page once, then posts its form).</summary>
    public static string JetonDe(string html, string page) =>
        Jeton().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"Pas de jeton antiforgery sur {page}");

    public static async Task<HttpResponseMessage> PosterAsync(this HttpClient client, string page, string action, IDictionary<string, string> champs)
    {
        var valeurs = new Dictionary<string, string>(champs) { ["__RequestVerificationToken"] = await client.JetonAsync(page) };
        return await client.PostAsync(action, new FormUrlEncodedContent(valeurs));
    }

    public static async Task<HttpResponseMessage> ConnecterAsync(this HttpClient client, string identifiant, string motDePasse) =>
        await client.PosterAsync("/connexion", "/connexion", new Dictionary<string, string> { ["Identifiant"] = identifiant, ["MotDePasse"] = motDePasse });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Jeton();
}

public static class Champs
{
    /// <summary>The page has an input named <paramref name="nom"/> showing <paramref name="valeur"/> (what the user typed).</summary>
    public static void ShouldHaveField(this string html, string nom, string valeur)
    {
        var pattern = $"<input[^>]*name=\"{Regex.Escape(nom)}\"[^>]*value=\"{Regex.Escape(valeur)}\"";
        Regex.IsMatch(html, pattern).ShouldBeTrue($"Champ {nom} = « {valeur} » absent de la page");
    }
}
