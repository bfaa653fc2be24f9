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

    [Fact]
    public async Task Enter_in_the_head_office_address_saves_the_candidature_and_copies_nothing_over()
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session);
        await n.ConnecterAsync("admin.demo", "Sigma-Demo-2026!");
        await n.AllerAsync("/consultations?q=2027-PP-003");
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Projet Pro — Orientation professionnelle" }));
        await n.CliquerAsync(n.Bouton("Répondre à la consultation"));
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Dossier de candidature" }));
        var candidat = n.Page.Url;

        // The demo organisation's registration pre-filled the head office field by field.
        var siege = n.Page.Locator("#siege");
        (await n.Champ("Code postal", siege).InputValueAsync()).ShouldBe("34000");
        (await n.Champ("Commune", siege).InputValueAsync()).ShouldBe("Montpellier");

        var signataire = n.Page.Locator("#signataire");
        await n.SaisirAsync("Adresse", "8 avenue du Signataire", signataire);
        await n.SaisirAsync("Adresse", "12 rue de la Loge", siege);
        // Entrée saves (the form's first button is « Recopier l'adresse du siège », which must not run).
        var chargee = n.Page.WaitForLoadStateAsync(LoadState.Load);
        await n.Champ("Adresse", siege).PressAsync("Enter");
        await n.Page.WaitForURLAsync(candidat);
        await chargee;
        (await n.TexteAsync("#message")).ShouldContain("La candidature est enregistrée (brouillon)");
        (await n.Champ("Adresse", n.Page.Locator("#siege")).InputValueAsync()).ShouldBe("12 rue de la Loge");
        (await n.Champ("Adresse", n.Page.Locator("#signataire")).InputValueAsync()).ShouldBe("8 avenue du Signataire");
        n.Problemes.ShouldBeEmpty();
    }
}
