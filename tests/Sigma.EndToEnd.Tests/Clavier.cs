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
          // A date field's own parts (its day, month and year, its calendar button) each take the focus in turn: the
          // field must show it when the focus comes in; the browser draws it on the others (a highlighted segment, the
          // button's ring), which the page's styles cannot see.
          if (/^(date|time|datetime-local)$/.test(e.type)) {
            if (trace(getComputedStyle(e))) { e.dataset.sigmaFocusVu = '1'; return null; }
            if (e.dataset.sigmaFocusVu === '1') return null;
          }
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

    /// <summary>
    /// Reaches a radio group with Tab (the browser stops on one radio of the group: the checked one, or the first), checks
    /// it with Espace and moves the choice with the arrows to the option labelled <paramref name="libelle"/>.
    /// </summary>
    public static async Task CocherAsync(IPage page, ILocator groupe, string libelle)
    {
        var element = await groupe.ElementHandleAsync();
        for (var pas = 0; !await page.EvaluateAsync<bool>("g => g.contains(document.activeElement)", element); pas++)
        {
            pas.ShouldBeLessThan(PasMaximum, $"{groupe} n'est pas atteint au clavier sur {page.Url}.");
            await page.Keyboard.PressAsync("Tab");
            await FocusVisibleAsync(page);
        }
        var option = groupe.GetByLabel(libelle, new() { Exact = true });
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 10 && !await option.IsCheckedAsync(); i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await FocusVisibleAsync(page);
        }
        (await option.IsCheckedAsync()).ShouldBeTrue($"« {libelle} » n'est pas coché au clavier sur {page.Url}.");
    }

    /// <summary>
    /// Reaches a date field and types the date's digits segment by segment, as a user does. The segments' order is the
    /// browser's own (Chromium on Linux keeps it from its build, whatever the page's language): like a user reading the
    /// field's « jj/mm/aaaa » or « mm/dd/yyyy », the helper first types 01 and 02, reads which became the month, goes back
    /// to the first segment with the left arrow and types the date in that order. Checks the field then holds the date.
    /// </summary>
    public static async Task SaisirDateAsync(IPage page, ILocator champ, DateOnly date)
    {
        await AtteindreAsync(page, champ);
        await page.Keyboard.TypeAsync("01");
        await page.Keyboard.TypeAsync("02");
        await page.Keyboard.TypeAsync("2000");
        var moisDAbord = (await champ.InputValueAsync()) == "2000-01-02";
        for (var i = 0; i < 2; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft");
        }
        var jour = date.Day.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        var mois = date.Month.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var segment in moisDAbord ? new[] { mois, jour } : [jour, mois])
        {
            await page.Keyboard.TypeAsync(segment);
        }
        await page.Keyboard.TypeAsync(date.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
        (await champ.InputValueAsync()).ShouldBe(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await FocusVisibleAsync(page);
    }
}
