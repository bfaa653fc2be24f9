using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// Sigma as it runs for real: the Host in its own process, on a TCP port of loopback, with a fresh database and the
/// in-process SMTP server of the tests, and a headless Chromium driven by Playwright. One per test class.
/// </summary>
public class SigmaEnLigne : IAsyncLifetime
{
    private static readonly string[] ArgumentsChromium =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly ConcurrentQueue<string> _journal = new();
    private Process? _sigma;
    private IPlaywright? _playwright;

    public TestDatabase Database { get; private set; } = default!;
    public SmtpDeTest Smtp { get; private set; } = default!;
    public IBrowser Navigateur { get; private set; } = default!;
    public string Url { get; private set; } = "";

    /// <summary>
    /// True for a Sigma run locally without an SMTP server (as ./run.sh does): mails are kept by its catcher and listed on
    /// « Courriels envoyés » (none reach <see cref="Smtp"/>).
    /// </summary>
    protected virtual bool CapteurDeCourriels => false;

    /// <summary>Where screenshots go when SIGMA_SCREENSHOTS=1.</summary>
    public static string DossierCaptures => Environment.GetEnvironmentVariable("SIGMA_SCREENSHOTS_DIR") is { Length: > 0 } d ? d : "/tmp/sigma-screens";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Smtp = await SmtpDeTest.StartAsync();
        var port = PortLibre();
        Url = $"http://127.0.0.1:{port}";
        _sigma = Demarrer(port);
        await AttendreSanteAsync();

        _playwright = await Playwright.CreateAsync();
        Navigateur = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SIGMA_CHROMIUM") is { Length: > 0 } chemin ? chemin : "/usr/bin/chromium",
            Headless = true,
            Args = ArgumentsChromium,
        });
    }

    /// <summary>A fresh browser session (no cookies) on Sigma, in French, on a desktop-sized window.</summary>
    public Task<IBrowserContext> NouvelleSessionAsync() => Navigateur.NewContextAsync(new()
    {
        BaseURL = Url,
        Locale = "fr-FR",
        TimezoneId = "Europe/Paris",
        ViewportSize = new() { Width = 1280, Height = 900 },
    });

    /// <summary>A full-page PNG of the page in <see cref="DossierCaptures"/>, only when SIGMA_SCREENSHOTS=1.</summary>
    public static async Task CaptureAsync(IPage page, string nom)
    {
        if (Environment.GetEnvironmentVariable("SIGMA_SCREENSHOTS") != "1")
        {
            return;
        }
        Directory.CreateDirectory(DossierCaptures);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DossierCaptures, nom + ".png"), FullPage = true });
    }

    /// <summary>The last lines Sigma wrote, to explain a failure.</summary>
    public string Journal => string.Join(Environment.NewLine, _journal);

    private Process Demarrer(int port)
    {
        var racine = RacineDuDepot();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Sigma.Host.dll"), "--urls", Url,
                     "--contentRoot", Path.Combine(racine, "Host", "Sigma.Host"),
                 })
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Sigma"] = Database.ConnectionString;
        if (CapteurDeCourriels)
        {
            // The catcher exists only in the local run (./run.sh's profile): Production refuses to start without SMTP.
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["Smtp__Host"] = "";
            info.Environment["Sigma__CapteurCourriels__Port"] = "0";
            info.Environment["Sigma__CapteurCourriels__Dossier"] = Path.Combine(Path.GetTempPath(), $"sigma-capteur-{Guid.NewGuid():N}");
        }
        else
        {
            info.Environment["Smtp__Host"] = "127.0.0.1";
            info.Environment["Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            info.Environment["Smtp__Securite"] = "None";
        }
        info.Environment["Sigma__UrlPublique"] = Url;
        info.Environment["Sigma__Hangfire__Workers"] = "2";
        info.Environment["Sigma__LimitesDebit__ParMinute"] = "1000000";
        info.Environment.Remove("ASPNETCORE_URLS");

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Noter(e.Data);
        process.ErrorDataReceived += (_, e) => Noter(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Noter(string? ligne)
    {
        if (ligne is null)
        {
            return;
        }
        _journal.Enqueue(ligne);
        while (_journal.Count > 200)
        {
            _journal.TryDequeue(out _);
        }
    }

    private Task AttendreSanteAsync() => ProcessusSigma.AttendreSanteAsync(_sigma!, Url, TimeSpan.FromSeconds(60), () => Journal);

    private static int PortLibre() => ProcessusSigma.PortLibre();

    private static string RacineDuDepot()
    {
        for (var dossier = new DirectoryInfo(AppContext.BaseDirectory); dossier is not null; dossier = dossier.Parent)
        {
            if (File.Exists(Path.Combine(dossier.FullName, "Sigma.sln")))
            {
                return dossier.FullName;
            }
        }
        throw new InvalidOperationException($"Sigma.sln introuvable au-dessus de {AppContext.BaseDirectory}");
    }

    public async Task DisposeAsync()
    {
        if (Navigateur is not null)
        {
            await Navigateur.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_sigma is not null)
        {
            if (!_sigma.HasExited)
            {
                _sigma.Kill(entireProcessTree: true);
                await _sigma.WaitForExitAsync();
            }
            _sigma.Dispose();
        }
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
