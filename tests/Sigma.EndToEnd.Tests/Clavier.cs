using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// The keyboard alone: the focus moves by Tab and Shift+Tab only, and every element it lands on must show it (RGAA 10.7).
/// Text goes into the focused element through <see cref="IKeyboard"/>, never into an element the focus has not reached.
/// </summary>
internal static class Clavier
{
    private const int PasMaximum = 250;

    /// <summary>
    /// What is wrong with the focus now: null when an element has it and shows it: an outline on itself or its pseudo
    /// elements, on its label's drawn box (the DSFR's radios and checkboxes, whose native input is transparent), or on
    /// the DSFR's enlarged link's block (a card, the header's brand), which draws the ring for the link it holds.
    /// </summary>
    private const string DefautDeFocus = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return 'le focus n\'est sur aucun élément';
          const trace = s => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'transparent' && s.outlineColor !== 'rgba(0, 0, 0, 0)';
          const montre = el => trace(getComputedStyle(el)) || trace(getComputedStyle(el, '::before')) || trace(getComputedStyle(el, '::after'));
          const porteurs = [e, ...(e.labels ?? [])];
          const carte = e.closest('.fr-enlarge-link');
          if (carte) porteurs.push(carte);
          if (porteurs.some(montre)) return null;
          const s = getComputedStyle(e);
          return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} « ${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 60)} » : outline ${s.outline}, box-shadow ${s.boxShadow}`;
        }
        """;

    /// <summary>Fails unless the focused element shows its focus.</summary>
    public static async Task FocusVisibleAsync(IPage page)
    {
        var defaut = await page.EvaluateAsync<string?>(DefautDeFocus);
        defaut.ShouldBeNull($"Focus invisible sur {page.Url}");
    }

    /// <summary>
    /// Moves the focus to <paramref name="cible"/> with Tab (or Shift+Tab when it lies before the focus), checking at each
    /// step that the focus is visible; fails when the element cannot be reached.
    /// </summary>
    public static async Task AtteindreAsync(IPage page, ILocator cible)
    {
        var element = await cible.ElementHandleAsync();
        var arriere = await page.EvaluateAsync<bool>(
            "c => { const a = document.activeElement; return !!a && a !== document.body && a !== c && !!(a.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING); }",
            element);
        for (var pas = 0; pas < PasMaximum; pas++)
        {
            if (await page.EvaluateAsync<bool>("c => c === document.activeElement", element))
            {
                return;
            }
            await page.Keyboard.PressAsync(arriere ? "Shift+Tab" : "Tab");
            await FocusVisibleAsync(page);
        }
        throw new ShouldAssertException($"{cible} n'est pas atteint au clavier en {PasMaximum} tabulations sur {page.Url}.");
    }

    /// <summary>Reaches the field, selects what it holds and types <paramref name="texte"/> in its place.</summary>
    public static async Task SaisirAsync(IPage page, ILocator champ, string texte)
    {
        await AtteindreAsync(page, champ);
        await page.Keyboard.PressAsync("Control+A");
        if (texte.Length == 0)
        {
            await page.Keyboard.PressAsync("Delete");
            return;
        }
        await page.Keyboard.InsertTextAsync(texte);
    }

    /// <summary>Presses <paramref name="touche"/> on the focused element and waits until the page the server answers with is loaded.</summary>
    public static async Task ChargerParAsync(IPage page, string touche)
    {
        var chargee = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Chargee(object? sender, IPage p) => chargee.TrySetResult();
        page.Load += Chargee;
        try
        {
            await page.Keyboard.PressAsync(touche);
            await chargee.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= Chargee;
        }
    }

    /// <summary>Reaches <paramref name="element"/> (a link or a button) and activates it with Entrée, then waits for the next page.</summary>
    public static async Task ActiverAsync(IPage page, ILocator element)
    {
        await AtteindreAsync(page, element);
        await ChargerParAsync(page, "Enter");
    }

    /// <summary>Reaches a file field, opens the file chooser with Espace and gives it <paramref name="fichier"/>.</summary>
    public static async Task ChoisirFichierAsync(IPage page, ILocator champ, FilePayload fichier)
    {
        var choisi = new TaskCompletionSource<IFileChooser>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Choisi(object? sender, IFileChooser c) => choisi.TrySetResult(c);
        // Playwright intercepts the file chooser once a listener exists, and turns that on asynchronously: the listener
        // comes first, before the focus moves; a chooser opened before it was on is opened again.
        page.FileChooser += Choisi;
        try
        {
            await AtteindreAsync(page, champ);
            for (var essai = 0; essai < 3 && !choisi.Task.IsCompleted; essai++)
            {
                await page.Keyboard.PressAsync("Space");
                await Task.WhenAny(choisi.Task, Task.Delay(TimeSpan.FromSeconds(5)));
            }
            choisi.Task.IsCompleted.ShouldBeTrue($"Espace sur {champ} n'ouvre pas le choix du fichier.");
            await (await choisi.Task).SetFilesAsync(fichier);
        }
        finally
        {
            page.FileChooser -= Choisi;
        }
    }
}
