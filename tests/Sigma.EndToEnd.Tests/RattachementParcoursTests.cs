using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>An "inscrit simple" in a real browser: the request typed and sent with Entrée, the pending page, the administrator's approval.</summary>
public class RattachementParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    private const string MotDePasseDemo = "Sigma-Demo-2026!";

    [Fact]
    public async Task A_pending_request_sees_nothing_until_the_administrator_approves_it_by_clicking()
    {
        await using var demandeur = await sigma.NouvelleSessionAsync();
        var nav = await Navigation.OuvrirAsync(demandeur);
        var page = nav.Page;
        var identifiant = Donnees.NouvelIdentifiant("paul");

        await nav.AllerAsync("/inscription-simple");
        await nav.SaisirAsync("SIRET de l'établissement", "73282932000074");
        await nav.SaisirAsync("Prénom", "Paul");
        await nav.SaisirAsync("Nom", "Nouveau");
        await nav.SaisirAsync("Adresse électronique", $"{identifiant}@cfp.test");
        await nav.SaisirAsync("Identifiant", identifiant);
        await nav.SaisirAsync("Mot de passe", Donnees.MotDePasse);
        await nav.SaisirAsync("Confirmation du mot de passe", Donnees.MotDePasse);
        await SigmaEnLigne.CaptureAsync(page, "inscrit-simple");
        // Entrée in the last field sends the request: the form's only action.
        var envoi = page.WaitForURLAsync($"{sigma.Url}/connexion");
        await nav.Champ("Confirmation du mot de passe").PressAsync("Enter");
        await envoi;
        (await nav.TexteAsync("#message")).ShouldContain("Votre demande de rattachement est envoyée aux administrateurs de l'organisme");
        var avis = await sigma.Smtp.AttendreAsync("admin.demo@organisme-demo.fr", c => c.Sujet.StartsWith("Demande de rattachement", StringComparison.Ordinal));
        avis.Texte.ShouldContain($"{sigma.Url}/organisation/comptes");

        await nav.ConnecterAsync(identifiant, Donnees.MotDePasse);
        page.Url.ShouldBe($"{sigma.Url}/organisation/demande-en-attente");
        (await nav.TexteAsync("h1")).ShouldBe("Votre demande de rattachement est en attente");
        var menu = page.Locator("nav#navigation");
        (await menu.GetByRole(AriaRole.Link, new() { Name = "Mes réponses", Exact = true }).CountAsync()).ShouldBe(0);
        (await menu.GetByRole(AriaRole.Link, new() { Name = "Ma demande de rattachement", Exact = true }).CountAsync()).ShouldBe(1);
        await SigmaEnLigne.CaptureAsync(page, "demande-en-attente");
        (await nav.AllerAsync("/reponses", 403)).ShouldBe(403);

        await using var administrateur = await sigma.NouvelleSessionAsync();
        var admin = await Navigation.OuvrirAsync(administrateur);
        await admin.ConnecterAsync("admin.demo", MotDePasseDemo);
        admin.Page.Url.ShouldBe($"{sigma.Url}/organisation/comptes");
        (await admin.TexteAsync("#demandes-en-attente")).ShouldContain("Une demande de rattachement attend votre décision");
        var ligne = admin.Page.Locator($"table#comptes tr[data-identifiant='{identifiant}']");
        Navigation.Normaliser(await ligne.InnerTextAsync()).ShouldContain("En attente d'approbation");
        await SigmaEnLigne.CaptureAsync(admin.Page, "comptes-demande");

        // « Refuser… » asks first; « Annuler » changes nothing.
        await admin.CliquerAsync(ligne.GetByRole(AriaRole.Link, new() { Name = "Refuser…", Exact = true }));
        (await admin.TexteAsync("h1")).ShouldBe("Refuser la demande de Paul Nouveau ?");
        await SigmaEnLigne.CaptureAsync(admin.Page, "confirmer-refus");
        await admin.CliquerAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "Annuler", Exact = true }));
        await admin.CliquerAsync(admin.Page.Locator($"table#comptes tr[data-identifiant='{identifiant}']").GetByRole(AriaRole.Button, new() { Name = "Approuver", Exact = true }));
        (await admin.TexteAsync("#message")).ShouldContain("est approuvée");
        Navigation.Normaliser(await admin.Page.Locator($"table#comptes tr[data-identifiant='{identifiant}']").InnerTextAsync()).ShouldContain("Actif");
        (await sigma.Smtp.AttendreAsync($"{identifiant}@cfp.test", c => c.Sujet.Contains("est approuvée"))).Texte.ShouldContain("Claire Martin");

        // The requester's same session now acts for the organisation.
        await nav.AllerAsync("/");
        await nav.CliquerAsync(menu.GetByRole(AriaRole.Link, new() { Name = "Mes réponses", Exact = true }));
        page.Url.ShouldBe($"{sigma.Url}/reponses");
        await SigmaEnLigne.CaptureAsync(page, "apres-approbation");
        nav.Problemes.ShouldBeEmpty();
        admin.Problemes.ShouldBeEmpty();
    }
}
