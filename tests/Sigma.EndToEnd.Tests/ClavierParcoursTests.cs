using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>Entrée in a text field runs the form's primary action, never a secondary or destructive one; a removal asks first.</summary>
public class ClavierParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    private static ILocator Lot(IPage page, int i, string champ) => page.Locator($"[name='Lots[{i}].{champ}']");

    [Fact]
    public async Task Enter_in_a_field_of_a_new_consultation_saves_it_with_all_its_lots_and_removing_a_lot_asks_first()
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var agent = await Navigation.OuvrirAsync(session);
        var page = agent.Page;
        await agent.ConnecterAsync("agent.region", "Sigma-Demo-2026!");
        await agent.AllerAsync("/back-office/consultations/nouvelle");
        var reference = "CLAV-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await agent.SaisirAsync("Référence", reference);
        await agent.SaisirAsync("Objet", "Ateliers au clavier.");
        await agent.Champ("Dispositif").SelectOptionAsync(new SelectOptionValue { Label = "COMPETENCES PLUS" });
        await agent.Champ("Procédure").SelectOptionAsync(new SelectOptionValue { Label = "Appel d'offres ouvert" });
        await agent.SaisirAsync("Date limite de remise des réponses", DateTime.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await agent.SaisirAsync("Heure limite (Paris)", "12:00");
        await agent.SaisirAsync("Contact", "marches@region.test");
        foreach (var (champ, valeur) in new[] { ("Numero", "1"), ("Intitule", "Lot d'Albi"), ("Territoire", "Tarn — Albi"), ("Volume", "100") })
        {
            await Lot(page, 0, champ).FillAsync(valeur);
        }
        await agent.CliquerAsync(agent.Bouton("Ajouter un lot"));
        foreach (var (champ, valeur) in new[] { ("Intitule", "Lot de Castres"), ("Territoire", "Tarn — Castres"), ("Volume", "50") })
        {
            await Lot(page, 1, champ).FillAsync(valeur);
        }

        // « Retirer ce lot » asks; saying no keeps the lot.
        string? question = null;
        void Refuser(object? _, IDialog d)
        {
            question = d.Message;
            _ = d.DismissAsync();
        }
        page.Dialog += Refuser;
        await page.Locator("button[value='retirer-lot-1']").ClickAsync();
        page.Dialog -= Refuser;
        question.ShouldBe("Confirmez-vous ce retrait ? Ce qui y est saisi sera perdu.");
        (await Lot(page, 1, "Intitule").InputValueAsync()).ShouldBe("Lot de Castres");

        // Entrée in the title saves the draft: the first button of the form (« Retirer ce lot ») does not run.
        await agent.Champ("Intitulé").FillAsync("Consultation saisie au clavier");
        var enregistre = page.WaitForURLAsync(new Regex(@"/back-office/consultations/[0-9a-f-]{36}$"));
        await agent.Champ("Intitulé").PressAsync("Enter");
        await enregistre;
        (await agent.TexteAsync("h1")).ShouldBe("Consultation saisie au clavier");
        var detail = await agent.TexteAsync("main");
        detail.ShouldContain("Lot d'Albi");
        detail.ShouldContain("Lot de Castres");
        agent.Problemes.ShouldBeEmpty();
    }
}
