using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>What a user does on a page, and what went wrong on the way (missing files, refused by the CSP, script errors).</summary>
internal sealed partial class Navigation
{
    private const int Telechargement = -1;

    private readonly ConcurrentQueue<(string Texte, string? Url, int Statut)> _problemes = new();
    private readonly ConcurrentDictionary<(string Url, int Statut), byte> _attendus = new();

    private Navigation(IPage page, Accessibilite? accessibilite)
    {
        Page = page;
        Accessibilite = accessibilite;
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                _problemes.Enqueue(($"{r.Status} {r.Request.Method} {r.Url}", r.Url, r.Status));
            }
        };
        // A navigation that turns into a download is aborted by the browser: see TelechargerAsync.
        page.RequestFailed += (_, r) => _problemes.Enqueue(($"échec {r.Url} : {r.Failure}", r.Url, r.Failure == "net::ERR_ABORTED" ? Telechargement : 0));
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                // The browser also reports each error answer in the console, with the address in its location.
                var erreurHttp = ErreurHttp().Match(m.Text);
                _problemes.Enqueue(($"console : {m.Text}", erreurHttp.Success ? m.Location : null, erreurHttp.Success ? int.Parse(erreurHttp.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0));
            }
        };
        page.PageError += (_, e) => _problemes.Enqueue(($"script : {e}", null, 0));
    }

    public IPage Page { get; }

    /// <summary>When set, each page this navigation loads (by an address or a click) is checked by axe, once per kind of page.</summary>
    public Accessibilite? Accessibilite { get; }

    /// <summary>Everything that failed to load or run since the page was opened, but the error pages asked for on purpose.</summary>
    public IReadOnlyCollection<string> Problemes =>
        [.. _problemes.Where(p => !Attendu(p.Url, p.Statut)).Select(p => p.Texte)];

    private bool Attendu(string? url, int statut) =>
        url is not null && _attendus.Keys.Any(a => a.Statut == statut && (url == a.Url || url.StartsWith(a.Url + ":", StringComparison.Ordinal)));

    public static async Task<Navigation> OuvrirAsync(IBrowserContext session, Accessibilite? accessibilite = null) =>
        new(await session.NewPageAsync(), accessibilite);

    public async Task AllerAsync(string chemin)
    {
        await Page.GotoAsync(chemin);
        await VerifierAccessibiliteAsync();
    }

    private async Task VerifierAccessibiliteAsync()
    {
        if (Accessibilite is not null)
        {
            await Accessibilite.VerifierSiNouvelleAsync(Page);
        }
    }

    /// <summary>
    /// Opens a page that is meant to answer with an error (403, 404…): returns the status the server answered, and that
    /// answer is not counted among the <see cref="Problemes"/> (what the error page itself loads still is).
    /// </summary>
    public async Task<int> AllerAsync(string chemin, int statutAttendu)
    {
        var reponse = await Page.GotoAsync(chemin) ?? throw new InvalidOperationException($"Pas de réponse pour {chemin}");
        if (reponse.Status == statutAttendu)
        {
            _attendus.TryAdd((reponse.Url, statutAttendu), 0);
        }
        await VerifierAccessibiliteAsync();
        return reponse.Status;
    }

    /// <summary>
    /// Clicks what starts a download (a form posted for a file) and returns the file: the browser aborts the navigation
    /// that became a download, which is not counted among the <see cref="Problemes"/>.
    /// </summary>
    public async Task<IDownload> TelechargerAsync(ILocator element)
    {
        var telechargement = await Page.RunAndWaitForDownloadAsync(() => element.ClickAsync());
        _attendus.TryAdd((telechargement.Url, Telechargement), 0);
        return telechargement;
    }

    /// <summary>Signs in on /connexion; the server then shows the page it chooses for the account.</summary>
    public async Task ConnecterAsync(string identifiant, string motDePasse)
    {
        await AllerAsync("/connexion");
        await SaisirAsync("Identifiant", identifiant);
        await SaisirAsync("Mot de passe", motDePasse);
        await CliquerAsync(Bouton("Se connecter"));
    }

    /// <summary>
    /// The input whose label starts with <paramref name="libelle"/> (the label also holds the required mark and the hint),
    /// so that "Nom" is not "Prénom" and "Mot de passe" is not "Confirmation du mot de passe".
    /// </summary>
    public ILocator Champ(string libelle, ILocator? dans = null) =>
        (dans ?? Page.Locator("body")).GetByLabel(new Regex("^" + Regex.Escape(libelle) + @"\s*(\*|$)"));

    public async Task SaisirAsync(string libelle, string valeur, ILocator? dans = null) => await Champ(libelle, dans).FillAsync(valeur);

    public ILocator Bouton(string nom) => Page.GetByRole(AriaRole.Button, new() { Name = nom, Exact = true });

    /// <summary>Clicks and waits until the page the server answers with is loaded (even when its address is the same).</summary>
    public async Task CliquerAsync(ILocator element)
    {
        var chargee = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Chargee(object? sender, IPage page) => chargee.TrySetResult();
        Page.Load += Chargee;
        try
        {
            await element.ClickAsync();
            await chargee.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.Load -= Chargee;
        }
        await VerifierAccessibiliteAsync();
    }

    public async Task<string> TexteAsync(string selecteur) => Normaliser(await Page.Locator(selecteur).InnerTextAsync());

    public static string Normaliser(string texte) => Espaces().Replace(texte, " ").Trim();

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of (\d+)")]
    private static partial Regex ErreurHttp();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Espaces();
}
