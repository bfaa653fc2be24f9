using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using Sigma.Documents.Contracts;

namespace Sigma.Documents.Infrastructure;

/// <summary>
/// The one Chromium the product prints with: started at the first document (not at start-up), restarted if it dies,
/// at most <c>Documents:Concurrence</c> pages printing at once (4 by default). Pages have JavaScript off, run in an
/// incognito context with no disk cache, and are reused from one document to the next (the content of each replaces
/// the last one's entirely): opening a page costs more than printing a small document.
/// </summary>
public sealed class Imprimante(IConfiguration configuration, ILogger<Imprimante> log) : IAsyncDisposable
{
    private static readonly string[] Candidats = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
    private readonly SemaphoreSlim lancement = new(1, 1);
    private readonly SemaphoreSlim pages = new(Math.Max(1, configuration.GetValue("Documents:Concurrence", 4)));
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> libres = [];
    private IBrowser? navigateur;
    private IBrowserContext? contexte;

    /// <summary>Where Chromium is: <c>Documents:Chromium</c>, or the usual places of the Debian and Google packages.</summary>
    public string? Chemin => configuration["Documents:Chromium"] is { Length: > 0 } configure ? (File.Exists(configure) ? configure : null)
        : Candidats.FirstOrDefault(File.Exists);

    public async Task<byte[]> ImprimerAsync(string html, string piedDePage, CancellationToken ct)
    {
        await pages.WaitAsync(ct);
        try
        {
            for (var essai = 1; ; essai++)
            {
                var courant = await NavigateurAsync(ct);
                try
                {
                    return await ImprimerAvecAsync(courant, html, piedDePage);
                }
                catch (Exception ex) when (essai == 1 && ex is PuppeteerException or ObjectDisposedException && !ct.IsCancellationRequested)
                {
                    // The browser died or hung: start a new one and print once more.
                    log.LogWarning(ex, "Chromium a échoué ; il est relancé.");
                    await OublierAsync(courant);
                }
                catch (PuppeteerException ex)
                {
                    throw new RenduIndisponibleException("La génération du document PDF a échoué. Vos saisies sont conservées : réessayez dans un instant ; "
                        + "si le problème persiste, contactez l'assistance.", ex);
                }
            }
        }
        finally
        {
            pages.Release();
        }
    }

    private async Task<byte[]> ImprimerAvecAsync(IBrowser courant, string html, string piedDePage)
    {
        var page = await PageAsync(courant);
        try
        {
            await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
            var pdf = await page.PdfDataAsync(Options(piedDePage));
            libres.Add(page);
            return pdf;
        }
        catch
        {
            await page.CloseAsync();
            throw;
        }
    }

    private async Task<IPage> PageAsync(IBrowser courant)
    {
        while (libres.TryTake(out var libre))
        {
            if (!libre.IsClosed && ReferenceEquals(libre.Browser, courant))
            {
                return libre;
            }
        }
        var page = await (contexte?.Browser == courant ? contexte : courant.DefaultContext).NewPageAsync();
        await page.SetJavaScriptEnabledAsync(false);
        return page;
    }

    private static PdfOptions Options(string piedDePage) => new PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = piedDePage,
            MarginOptions = new MarginOptions { Top = "16mm", Bottom = "22mm", Left = "15mm", Right = "15mm" },
        };

    private async Task<IBrowser> NavigateurAsync(CancellationToken ct)
    {
        if (navigateur is { IsConnected: true } pret)
        {
            return pret;
        }
        await lancement.WaitAsync(ct);
        try
        {
            if (navigateur is { IsConnected: true } autre)
            {
                return autre;
            }
            var chemin = Chemin ?? throw new RenduIndisponibleException("La génération des documents PDF est indisponible : le navigateur Chromium est introuvable "
                + "sur le serveur. Vos saisies sont conservées. L'exploitant doit installer Chromium (paquet « chromium ») ou indiquer son chemin "
                + "(paramètre Documents:Chromium).");
            try
            {
                navigateur = await Puppeteer.LaunchAsync(new LaunchOptions
                {
                    Headless = true,
                    ExecutablePath = chemin,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disk-cache-size=0", "--font-render-hinting=none", "--no-first-run"],
                    Timeout = 30_000,
                });
            }
            catch (Exception ex) when (ex is not RenduIndisponibleException)
            {
                throw new RenduIndisponibleException("La génération des documents PDF est indisponible : le navigateur Chromium ne démarre pas sur le serveur. "
                    + "Vos saisies sont conservées : réessayez plus tard ou contactez l'assistance.", ex);
            }
            contexte = await navigateur.CreateBrowserContextAsync();
            log.LogInformation("Chromium démarré pour l'impression des documents ({Chemin}).", chemin);
            return navigateur;
        }
        finally
        {
            lancement.Release();
        }
    }

    private async Task OublierAsync(IBrowser mort)
    {
        await lancement.WaitAsync();
        try
        {
            if (ReferenceEquals(navigateur, mort))
            {
                navigateur = null;
                contexte = null;
            }
        }
        finally
        {
            lancement.Release();
        }
        try
        {
            await mort.CloseAsync();
        }
        catch (Exception ex) when (ex is PuppeteerException or ObjectDisposedException or InvalidOperationException)
        {
            log.LogDebug(ex, "Chromium était déjà arrêté.");
        }
    }

    /// <summary>The running Chromium's process (tests kill it to check that printing starts a new one).</summary>
    internal System.Diagnostics.Process? Processus => navigateur?.Process;

    /// <summary>Stops Chromium (tests use it to check that printing restarts it).</summary>
    public async Task ArreterAsync()
    {
        if (navigateur is { } courant)
        {
            await OublierAsync(courant);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ArreterAsync();
        lancement.Dispose();
        pages.Dispose();
    }
}
