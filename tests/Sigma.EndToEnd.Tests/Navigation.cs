using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>What a user does on a page, and what went wrong on the way (missing files, refused by the CSP, script errors).</summary>
internal sealed partial class Navigation
{
    private readonly ConcurrentQueue<string> _problemes = new();

    private Navigation(IPage page)
    {
        Page = page;
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                _problemes.Enqueue($"{r.Status} {r.Request.Method} {r.Url}");
            }
        };
        page.RequestFailed += (_, r) => _problemes.Enqueue($"échec {r.Url} : {r.Failure}");
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                _problemes.Enqueue($"console : {m.Text}");
            }
        };
        page.PageError += (_, e) => _problemes.Enqueue($"script : {e}");
    }

    public IPage Page { get; }

    /// <summary>Everything that failed to load or run since the page was opened.</summary>
    public IReadOnlyCollection<string> Problemes => [.. _problemes];

    public static async Task<Navigation> OuvrirAsync(IBrowserContext session) => new(await session.NewPageAsync());

    public async Task AllerAsync(string chemin) => await Page.GotoAsync(chemin);

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
    }

    public async Task<string> TexteAsync(string selecteur) => Normaliser(await Page.Locator(selecteur).InnerTextAsync());

    public static string Normaliser(string texte) => Espaces().Replace(texte, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Espaces();
}
