using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// Runs axe-core on the pages a journey reaches (WCAG 2.0 and 2.1, levels A and AA) and keeps what it finds, page by
/// page, to be asserted at the end of the journey: a serious or critical violation is a failure, the others (and axe's
/// best practices, which are no WCAG criterion) are reported. An automated test finds part of what an RGAA audit finds, no more.
/// </summary>
internal sealed partial class Accessibilite
{
    /// <summary>The WCAG tags axe's rules carry; the RGAA 4.1 follows WCAG 2.1 AA.</summary>
    public static readonly string[] Criteres = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string[] Bloquants = ["serious", "critical"];

    private readonly ConcurrentDictionary<string, byte> _dejaVues = new();
    private readonly ConcurrentQueue<Constat> _constats = new();
    private readonly ConcurrentQueue<string> _pages = new();
    private readonly ConcurrentQueue<(string Page, string Regle, string Raison)> _aVerifier = new();

    /// <summary>One rule broken on one page: the rule, its impact, and the elements (CSS selectors) that break it.</summary>
    public sealed record Constat(string Page, string Regle, string Impact, bool Wcag, string Aide, IReadOnlyList<string> Cibles)
    {
        /// <summary>A serious or critical breach of a WCAG criterion; axe's best practices are reported, never asserted.</summary>
        public bool Bloquant => Wcag && Bloquants.Contains(Impact);

        public override string ToString() => $"[{Impact}{(Wcag ? "" : ", bonne pratique")}] {Regle} sur « {Page} » : {Aide} — {string.Join(" ; ", Cibles)}";
    }

    /// <summary>The version of axe-core that ran (for the accessibility statement).</summary>
    public string? VersionAxe { get; private set; }

    /// <summary>The pages checked, in the order they were reached.</summary>
    public IReadOnlyCollection<string> Pages => [.. _pages];

    public IReadOnlyCollection<Constat> Constats => [.. _constats];

    /// <summary>The serious and critical violations, one line each, with their targets: what must be empty.</summary>
    public IReadOnlyCollection<string> Bloquantes => [.. _constats.Where(c => c.Bloquant).Select(c => c.ToString())];

    /// <summary>Runs axe on the page as it is now, under the name <paramref name="nom"/>.</summary>
    public async Task VerifierAsync(IPage page, string nom)
    {
        var resultat = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Criteres, "best-practice"] },
        });
        VersionAxe ??= resultat.TestEngine?.Version;
        _pages.Enqueue(nom);
        foreach (var violation in resultat.Violations)
        {
            _constats.Enqueue(new Constat(
                nom, violation.Id, violation.Impact ?? "inconnu", violation.Tags.Any(Criteres.Contains), violation.Help,
                [.. violation.Nodes.Select(n => n.Target?.ToString() ?? n.Html)]));
        }
        // What axe could not decide (a contrast over an image or a gradient, for instance) is for a human to check: reported, not asserted.
        foreach (var doute in resultat.Incomplete)
        {
            foreach (var element in doute.Nodes)
            {
                _aVerifier.Enqueue((nom, doute.Id, element.Any?.FirstOrDefault()?.Message ?? doute.Help));
            }
        }
    }

    /// <summary>
    /// Checks the page just loaded once per kind of page: its path (identifiers taken out), the names of its query
    /// parameters and whether it shows form errors, so a journey passing ten times through a tab checks it twice at most.
    /// </summary>
    public async Task VerifierSiNouvelleAsync(IPage page)
    {
        var uri = new Uri(page.Url);
        var chemin = Identifiant().Replace(uri.AbsolutePath, "{id}");
        var parametres = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        var erreurs = await page.Locator(".fr-input-group--error, .fr-select-group--error, .fr-fieldset--error, .fr-alert--error").CountAsync() > 0;
        var cle = $"{chemin}?{parametres}{(erreurs ? " (erreurs)" : "")}";
        if (_dejaVues.TryAdd(cle, 0))
        {
            await VerifierAsync(page, cle);
        }
    }

    /// <summary>Every finding grouped by rule: how many pages and elements, the worst impact, for the test's output.</summary>
    public string Resume()
    {
        var lignes = _constats.GroupBy(c => (Regle: c.Wcag ? c.Regle : c.Regle + " (bonne pratique)", c.Impact))
            .OrderByDescending(g => Array.IndexOf(["minor", "moderate", "serious", "critical"], g.Key.Impact))
            .Select(g => $"{g.Key.Impact,-9} {g.Key.Regle} : {g.Select(c => c.Page).Distinct().Count()} page(s), {g.Sum(c => c.Cibles.Count)} élément(s) — {string.Join(" | ", g.Select(c => c.Page).Distinct())}");
        var doutes = _aVerifier.GroupBy(d => d.Regle)
            .Select(g => $"{g.Key} : {g.Select(d => d.Page).Distinct().Count()} page(s), {g.Count()} élément(s) — "
                         + string.Join(" | ", g.GroupBy(d => d.Raison).OrderByDescending(r => r.Count()).Take(4).Select(r => $"{r.Count()} × {r.Key}")));
        return $"axe-core {VersionAxe} sur {_pages.Count} page(s) :{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", _pages)}{Environment.NewLine}"
               + $"Constats :{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", lignes)}{Environment.NewLine}"
               + $"À vérifier par une personne (axe n'a pas pu conclure) :{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", doutes)}";
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)[0-9]+(?=/|$)")]
    private static partial Regex Identifiant();
}
