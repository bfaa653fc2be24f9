using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>The first steps of a training organisation on Sigma, in a real browser.</summary>
public class ParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    [Fact]
    public async Task A_new_user_registers_signs_in_adds_a_user_and_signs_out()
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var nav = await Navigation.OuvrirAsync(session);
        var page = nav.Page;
        var siret = Donnees.NouveauSiret();
        var admin = Donnees.NouvelIdentifiant("admin");
        var emailAdmin = $"{admin}@cfp.test";

        await nav.AllerAsync("/");
        await SigmaEnLigne.CaptureAsync(page, "accueil");
        var menu = page.Locator("nav#navigation");
        await menu.GetByRole(AriaRole.Button, new() { Name = "Nouvel utilisateur", Exact = true }).ClickAsync();
        await nav.CliquerAsync(menu.GetByRole(AriaRole.Link, new() { Name = "S'inscrire", Exact = true }));
        page.Url.ShouldBe($"{sigma.Url}/inscription");

        await nav.SaisirAsync("SIRET de l'établissement", siret);
        await nav.SaisirAsync("Raison sociale", "Centre de Formation Pyrénées");
        await nav.SaisirAsync("Code APE/NAF", "8559A");
        await nav.SaisirAsync("Adresse", "3 place du Capitole");
        await nav.SaisirAsync("Complément d'adresse", "Bâtiment B");
        await nav.SaisirAsync("Code postal", Donnees.CodePostal());
        await nav.SaisirAsync("Commune", "Toulouse");
        await nav.SaisirAsync("Téléphone", "05 61 00 00 00");
        await nav.SaisirAsync("Prénom", "Hélène");
        await nav.SaisirAsync("Nom", "Durand");
        await nav.SaisirAsync("Adresse électronique", emailAdmin);
        await nav.SaisirAsync("Identifiant", admin);
        await nav.SaisirAsync("Mot de passe", Donnees.MotDePasse);
        await nav.SaisirAsync("Confirmation du mot de passe", Donnees.MotDePasse);
        await nav.CliquerAsync(nav.Bouton("S'inscrire"));

        (await nav.TexteAsync("h1")).ShouldBe("Votre organisme est inscrit");
        (await nav.TexteAsync("main")).ShouldContain(admin);
        var bienvenue = await sigma.Smtp.AttendreAsync(emailAdmin, c => c.Sujet.EndsWith("est inscrit sur Sigma", StringComparison.Ordinal));
        bienvenue.Sujet.ShouldBe("Votre organisme Centre de Formation Pyrénées est inscrit sur Sigma");
        bienvenue.Texte.ShouldContain($"{sigma.Url}/connexion");

        await nav.CliquerAsync(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "S'identifier", Exact = true }));
        page.Url.ShouldBe($"{sigma.Url}/connexion");
        await SigmaEnLigne.CaptureAsync(page, "connexion");
        await nav.SaisirAsync("Identifiant", admin);
        await nav.SaisirAsync("Mot de passe", Donnees.MotDePasse);
        await nav.CliquerAsync(nav.Bouton("Se connecter"));

        page.Url.ShouldBe($"{sigma.Url}/organisation/comptes");
        (await nav.TexteAsync("h1")).ShouldBe("Comptes de l'organisme");
        (await nav.TexteAsync("#utilisateur-connecte")).ShouldBe($"Hélène Durand ({admin})");
        (await nav.TexteAsync("main")).ShouldContain(siret);

        var collegue = Donnees.NouvelIdentifiant("paul");
        var ajout = page.Locator("form[action='/organisation/comptes/ajouter']");
        await nav.SaisirAsync("Prénom", "Paul", ajout);
        await nav.SaisirAsync("Nom", "Martin", ajout);
        await nav.SaisirAsync("Adresse électronique", $"{collegue}@cfp.test", ajout);
        await nav.SaisirAsync("Identifiant", collegue, ajout);
        await nav.CliquerAsync(nav.Bouton("Ajouter l'utilisateur"));

        (await nav.TexteAsync("#message")).ShouldBe(
            $"Le compte « {collegue} » est créé. Paul Martin a reçu par courriel un lien pour choisir son mot de passe.");
        var ligne = Navigation.Normaliser(await page.Locator($"table#comptes tr[data-identifiant='{collegue}']").InnerTextAsync());
        ligne.ShouldContain("Paul Martin");
        ligne.ShouldContain($"{collegue}@cfp.test");
        ligne.ShouldContain("En attente d'activation");
        await SigmaEnLigne.CaptureAsync(page, "comptes");
        (await sigma.Smtp.AttendreAsync($"{collegue}@cfp.test")).Sujet.ShouldBe("Activez votre compte Sigma pour Centre de Formation Pyrénées");

        await nav.CliquerAsync(page.Locator("button#deconnexion"));

        (await page.Locator("#deconnexion").CountAsync()).ShouldBe(0);
        (await page.Locator(".fr-header__tools").GetByRole(AriaRole.Link, new() { Name = "S'identifier", Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        nav.Problemes.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_siren_alone_is_refused_next_to_the_siret_field_and_the_typed_name_is_kept()
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var nav = await Navigation.OuvrirAsync(session);
        var page = nav.Page;
        var identifiant = Donnees.NouvelIdentifiant("siren");

        await nav.AllerAsync("/inscription");
        await nav.SaisirAsync("SIRET de l'établissement", "732829320");
        await nav.SaisirAsync("Raison sociale", "Organisme Garonne Formation");
        await nav.SaisirAsync("Code APE/NAF", "8559A");
        await nav.SaisirAsync("Adresse", "12 allée Jean Jaurès");
        await nav.SaisirAsync("Code postal", Donnees.CodePostal());
        await nav.SaisirAsync("Commune", "Toulouse");
        await nav.SaisirAsync("Téléphone", "05 61 00 00 00");
        await nav.SaisirAsync("Prénom", "Lucie");
        await nav.SaisirAsync("Nom", "Bernard");
        await nav.SaisirAsync("Adresse électronique", $"{identifiant}@cfp.test");
        await nav.SaisirAsync("Identifiant", identifiant);
        await nav.SaisirAsync("Mot de passe", Donnees.MotDePasse);
        await nav.SaisirAsync("Confirmation du mot de passe", Donnees.MotDePasse);
        await nav.CliquerAsync(nav.Bouton("S'inscrire"));

        page.Url.ShouldBe($"{sigma.Url}/inscription");
        var siret = nav.Champ("SIRET de l'établissement");
        (await siret.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        var messages = await siret.GetAttributeAsync("aria-describedby");
        (await nav.TexteAsync($"#{messages}")).ShouldStartWith("Le SIREN seul ne suffit pas");
        (await siret.InputValueAsync()).ShouldBe("732829320");
        (await nav.Champ("Raison sociale").InputValueAsync()).ShouldBe("Organisme Garonne Formation");
        (await nav.TexteAsync("#erreurs-formulaire")).ShouldContain("Le SIREN seul ne suffit pas");
        await SigmaEnLigne.CaptureAsync(page, "inscription-erreurs");
        sigma.Smtp.Courriels.ShouldNotContain(c => c.A.Contains(identifiant, StringComparison.OrdinalIgnoreCase));
        nav.Problemes.ShouldBeEmpty();
    }
}
