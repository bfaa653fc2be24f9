using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Sigma.EndToEnd.Tests.Clavier;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// Issue 16: the bidder's journey with the keyboard alone (no click, no text put into a field the focus has not reached):
/// sign-in, the search, the consultation, the candidature's tabs up to its validation, an offer's five tabs and pieces up
/// to its validation, the send and its receipt. The focus is visible at every
/// step, form errors are announced (the field marked invalid and described by its message, a summary in an alert), and
/// Entrée in a text field runs the form's primary action.
/// </summary>
public class ClavierSeulParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    private const string Titre = "Projet Pro — Orientation professionnelle";

    [Fact]
    public async Task A_bidder_signs_in_finds_the_consultation_validates_its_candidature_and_sends_an_offer_with_the_keyboard_alone()
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session);
        var page = n.Page;
        await n.AllerAsync("/");

        // The first Tab lands on the skip links, visibly.
        await page.Keyboard.PressAsync("Tab");
        await FocusVisibleAsync(page);
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Contenu");

        // Sign-in from the header; Entrée with the password empty: the error is announced.
        await ActiverAsync(page, page.Locator(".fr-header__tools a[href='/connexion']"));
        page.Url.ShouldBe($"{sigma.Url}/connexion");
        await SaisirAsync(page, n.Champ("Identifiant"), "admin.demo");
        await ChargerParAsync(page, "Enter");
        await ErreurAnnonceeAsync(page, n.Champ("Mot de passe"));
        await SaisirAsync(page, n.Champ("Mot de passe"), "Sigma-Demo-2026!");
        await ChargerParAsync(page, "Enter");
        (await n.TexteAsync("#utilisateur-connecte")).ShouldContain("admin.demo");

        // The menu: « Annonces » opens with Entrée, « Consultations en cours » follows.
        var menu = page.Locator("nav#navigation");
        var annonces = menu.GetByRole(AriaRole.Button, new() { Name = "Annonces", Exact = true });
        await AtteindreAsync(page, annonces);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(annonces).ToHaveAttributeAsync("aria-expanded", "true");
        await ActiverAsync(page, menu.GetByRole(AriaRole.Link, new() { Name = "Consultations en cours", Exact = true }));
        page.Url.ShouldBe($"{sigma.Url}/consultations");

        // The search: Entrée in the field searches; the result is reached by Tab.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await SaisirAsync(page, page.Locator("#q"), "2027-PP-003");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#nombre-resultats")).ToContainTextAsync("pour « 2027-PP-003 »");
        await ActiverAsync(page, page.Locator("#resultats").GetByRole(AriaRole.Link, new() { Name = Titre }));
        (await n.TexteAsync("h1")).ShouldBe(Titre);

        await ActiverAsync(page, n.Bouton("Répondre à la consultation"));
        page.Url.ShouldMatch(@"/reponses/[0-9a-f-]{36}$");
        await ActiverAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Dossier de candidature" }));

        // Candidat tab: the form of the candidature by Espace and the arrows, lot 1 by Espace.
        var seul = page.GetByLabel("Candidat seul (titulaire unique)");
        await AtteindreAsync(page, page.Locator("input[name='Candidat.Type']:checked, input[name='Candidat.Type']").First);
        await page.Keyboard.PressAsync("Space");
        if (!await seul.IsCheckedAsync())
        {
            // The focus is on another option of the group: the arrows move the choice.
            await page.Keyboard.PressAsync("ArrowUp");
        }
        (await seul.IsCheckedAsync()).ShouldBeTrue();
        var lot1 = page.GetByLabel(new Regex("^Lot 1 —"));
        await AtteindreAsync(page, lot1);
        if (!await lot1.IsCheckedAsync())
        {
            await page.Keyboard.PressAsync("Space");
        }
        (await lot1.IsCheckedAsync()).ShouldBeTrue();

        var siege = page.Locator("#siege");
        await RemplirEtablissementAsync(n, siege);
        await SaisirAsync(page, n.Champ("Adresse", siege), "12 rue de la Loge");
        await SaisirAsync(page, n.Champ("Code postal", siege), "34000");
        await SaisirAsync(page, n.Champ("Commune", siege), "Montpellier");
        // « Recopier l'adresse du siège » by Entrée on the button (a secondary action: a button, never Entrée in a field).
        await ActiverAsync(page, n.Bouton("Recopier l'adresse du siège pour l'établissement exécutant, le représentant légal et le signataire"));
        (await n.Champ("Adresse", page.Locator("#signataire")).InputValueAsync()).ShouldBe("12 rue de la Loge");
        await RemplirEtablissementAsync(n, page.Locator("#executant"));
        await RemplirPersonneAsync(n, page.Locator("#representant"), "Durand");
        await RemplirPersonneAsync(n, page.Locator("#signataire"), "");
        var chiffres = page.Locator("#chiffres");
        for (var i = 0; i < 3; i++)
        {
            await SaisirAsync(page, chiffres.GetByLabel(new Regex($"^Exercice {i + 1}")), (2023 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await SaisirAsync(page, chiffres.GetByLabel(new Regex("^Chiffre d'affaires HT")).Nth(i), "450 000");
        }

        // « Valider » with the signatory's name empty: refused, and said so where a screen reader reads it.
        await ActiverAsync(page, n.Bouton("Valider"));
        var nomSignataire = n.Champ("Nom", page.Locator("#signataire"));
        await ErreurAnnonceeAsync(page, nomSignataire, "Saisissez le nom.");
        (await n.Champ("Prénom", page.Locator("#signataire")).InputValueAsync()).ShouldBe("Claire");

        // The summary's link takes the focus to the field; Entrée in it saves (never « Recopier l'adresse »).
        await ActiverLienAsync(page, page.Locator("#erreurs-formulaire").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Signataire.*Saisissez le nom") }));
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe(await nomSignataire.GetAttributeAsync("id"));
        await page.Keyboard.InsertTextAsync("Martin");
        await SaisirAsync(page, n.Champ("Adresse", page.Locator("#signataire")), "8 avenue du Signataire");
        await ChargerParAsync(page, "Enter");
        (await n.TexteAsync("#message")).ShouldContain("La candidature est enregistrée (brouillon)");
        (await n.Champ("Nom", page.Locator("#signataire")).InputValueAsync()).ShouldBe("Martin");
        (await n.Champ("Adresse", page.Locator("#signataire")).InputValueAsync()).ShouldBe("8 avenue du Signataire");
        (await n.Champ("Adresse", page.Locator("#siege")).InputValueAsync()).ShouldBe("12 rue de la Loge");

        // « Sites de réalisation », a tab that is a link: Tab and Entrée; Entrée in the last field saves.
        await ActiverAsync(page, Onglet(page, "Sites de réalisation"));
        await SaisirAsync(page, n.Champ("Nom du site"), "12 rue de la Loge");
        await SaisirAsync(page, n.Champ("Code postal"), "34000");
        await SaisirAsync(page, n.Champ("Commune"), "Montpellier");
        await ChargerParAsync(page, "Enter");
        (await n.TexteAsync("#message")).ShouldContain("enregistré");

        // « Pièces jointes »: each file chosen with Espace on its field, deposited with Entrée on « Déposer ».
        await ActiverAsync(page, Onglet(page, "Pièces jointes"));
        foreach (var (categorie, nom) in new[] { ("Pouvoirs", "Pouvoirs.pdf"), ("BilanDreets", "Bilan DREETS 2025.pdf"), ("Qualiopi", "Qualiopi.pdf") })
        {
            await DeposerAsync(page, categorie, nom);
        }
        await ActiverAsync(page, n.Bouton("Valider la candidature"));
        (await n.TexteAsync("h1")).ShouldContain("Validé");

        await OffreEtEnvoiAsync(n);
        n.Problemes.ShouldBeEmpty();
    }

    /// <summary>From the validated candidature: the offer for lot 1 (its five tabs, its pieces, its validation), then the send and its receipt.</summary>
    private static async Task OffreEtEnvoiAsync(Navigation n)
    {
        var page = n.Page;
        // Back to the response by the breadcrumb; the lot chosen in its list with the arrows; « Créer une offre » by Entrée.
        await ActiverAsync(page, page.Locator(".fr-breadcrumb").GetByRole(AriaRole.Link, new() { Name = "2027-PP-003" }));
        var lot = page.Locator("select#lot");
        await AtteindreAsync(page, lot);
        for (var i = 0; i < 10 && !(await lot.EvaluateAsync<string>("s => s.selectedOptions[0].textContent")).StartsWith("Lot 1 —", StringComparison.Ordinal); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        (await lot.EvaluateAsync<string>("s => s.selectedOptions[0].textContent")).ShouldStartWith("Lot 1 —");
        await ActiverAsync(page, n.Bouton("Créer une offre"));

        // « Offre »: a date typed segment by segment, a wrong end date refused next to its field, Entrée in a field saves.
        await SaisirAsync(page, n.Champ("Intitulé de l'offre"), "Projet Pro Est");
        await SaisirAsync(page, n.Champ("Caractéristiques générales de l'offre"), "Parcours de 400 heures, entrées et sorties permanentes.");
        await SaisirDateAsync(page, n.Champ("Date de début"), new DateOnly(2027, 2, 1));
        await SaisirDateAsync(page, n.Champ("Date de fin"), new DateOnly(2027, 1, 15));
        await SaisirAsync(page, n.Champ("Effectif prévu"), "12");
        await ChargerParAsync(page, "Enter");
        await ErreurAnnonceeAsync(page, n.Champ("Date de fin"), "La date de fin suit la date de début.");
        (await n.Champ("Intitulé de l'offre").InputValueAsync()).ShouldBe("Projet Pro Est");
        await SaisirDateAsync(page, n.Champ("Date de fin"), new DateOnly(2027, 9, 30));
        await ChargerParAsync(page, "Enter");
        (await n.TexteAsync("#message")).ShouldContain("enregistré");
        foreach (var (categorie, nom) in new[] { ("TableauRessourcesHumaines", "RH.pdf"), ("CvEquipe", "CV.pdf"), ("PlateauxTechniques", "Plateaux.pdf"), ("AnnexeTechnique", "Annexe technique.pdf") })
        {
            await DeposerAsync(page, categorie, nom);
        }

        // « Prestataires »: the radio groups by Espace and the arrows, the closed list by typing its option.
        await ActiverAsync(page, Onglet(page, new Regex("Prestataires")));
        await CocherAsync(page, page.Locator("#Prestataires_AssujettiTva"), "Non");
        await CocherAsync(page, page.Locator("#Prestataires_Avance"), "Oui");
        await AtteindreAsync(page, n.Champ("Fréquence de facturation"));
        await page.Keyboard.TypeAsync("Mensuelle");
        (await n.Champ("Fréquence de facturation").InputValueAsync()).ShouldBe("Mensuelle");
        await SaisirAsync(page, n.Champ("Titulaire du compte"), "Formation Occitanie Avenir");
        await SaisirAsync(page, n.Champ("IBAN"), "FR76 3000 6000 0112 3456 7890 189");
        await SaisirAsync(page, n.Champ("BIC"), "AGRIFRPP");
        await CocherAsync(page, page.Locator("#Prestataires_SousTraitance"), "Non");
        await ActiverAsync(page, n.Bouton("Enregistrer"));
        (await n.TexteAsync("#message")).ShouldContain("enregistré");

        // « Sites de réalisation ».
        await ActiverAsync(page, Onglet(page, "Sites de réalisation"));
        await SaisirAsync(page, n.Champ("Description des locaux"), "Trois salles, dont une informatique.");
        await SaisirAsync(page, n.Champ("Moyens matériels"), "12 postes, vidéoprojecteurs.");
        await CocherAsync(page, page.Locator("#Sites_0__AccesTransportsCommun"), "Oui");
        await SaisirAsync(page, page.GetByLabel(new Regex("^Moyens de transport pour accéder au site")), "Tram 1, arrêt Comédie");
        await CocherAsync(page, page.Locator("#Sites_0__AccessibleHandicap"), "Oui");
        await CocherAsync(page, page.Locator("#Sites_0__Hebergement"), "Non");
        await SaisirAsync(page, n.Champ("Restauration"), "Restaurants à proximité");
        await ChargerParAsync(page, "Enter");
        (await n.TexteAsync("#message")).ShouldContain("enregistré");

        // « Informations pédagogiques »: the component's dates, volumes and texts, each module's volume.
        await ActiverAsync(page, Onglet(page, new Regex("pédagogiques")));
        await SaisirDateAsync(page, page.Locator("#Composantes_0__DateDebut"), new DateOnly(2027, 2, 1));
        await SaisirDateAsync(page, page.Locator("#Composantes_0__DateFin"), new DateOnly(2027, 9, 30));
        await SaisirAsync(page, page.Locator("#Composantes_0__VolumeHoraire"), "400");
        await SaisirAsync(page, page.Locator("#Composantes_0__Effectif"), "12");
        foreach (var (champ, valeur) in new[] { ("Prerequis", "Aucun"), ("Objectifs", "Construire un projet professionnel"), ("ModalitesRecrutement", "Entretien"),
                     ("ModalitesPedagogiques", "Présentiel et immersions"), ("ResultatsAttendus", "Projet validé"), ("Contenu", "Remise à niveau, immersions") })
        {
            await SaisirAsync(page, page.Locator($"#Composantes_0__{champ}"), valeur);
        }
        for (var m = 0; m < 4; m++)
        {
            await SaisirAsync(page, page.Locator($"#Composantes_0__Modules_{m}__VolumeHoraire"), "100");
        }
        await ChargerParAsync(page, "Enter");
        (await n.TexteAsync("#message")).ShouldContain("enregistré");

        // « Prix », then « Valider » (reached by Tab: Entrée in a field only saves).
        await ActiverAsync(page, Onglet(page, "Prix"));
        await SaisirAsync(page, page.Locator("#Prix_PrixUnitaireHt"), "2 400");
        await SaisirAsync(page, n.Champ("Frais pédagogiques (€)"), "2 000");
        await SaisirAsync(page, n.Champ("Frais de structure (€)"), "400");
        await ActiverAsync(page, n.Bouton("Valider"));
        (await n.TexteAsync("h1")).ShouldContain("Validé");

        // The send: from the response, « Envoyer la réponse », then the definitive confirmation; the receipt shows.
        await ActiverAsync(page, page.Locator(".fr-breadcrumb").GetByRole(AriaRole.Link, new() { Name = "2027-PP-003" }));
        await ActiverAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Envoyer la réponse" }));
        await ActiverAsync(page, n.Bouton("Confirmer l'envoi définitif"));
        (await n.TexteAsync("#numero-accuse")).ShouldStartWith("AR-2027-PP-003-");
    }

    /// <summary>
    /// The field is marked invalid (aria-invalid, the DSFR's error group) and described by its error message; the page's
    /// title starts with « Erreur » and the focus is on the summary at the top of the form, an alert listing the message.
    /// </summary>
    private static async Task ErreurAnnonceeAsync(IPage page, ILocator champ, string? message = null)
    {
        (await champ.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await champ.EvaluateAsync<bool>("c => !!c.closest('.fr-input-group--error, .fr-select-group--error')")).ShouldBeTrue();
        var decrit = await champ.EvaluateAsync<string>(
            "c => (c.getAttribute('aria-describedby') || '').split(/\\s+/).map(id => document.getElementById(id)).filter(e => e)"
            + ".flatMap(e => [...e.querySelectorAll('.fr-message--error, .fr-error-text')]).map(e => e.textContent.trim()).join(' | ')");
        decrit.ShouldNotBeEmpty("Le champ en erreur n'est décrit par aucun message d'erreur.");
        var resume = page.Locator("#erreurs-formulaire");
        (await resume.GetAttributeAsync("role")).ShouldBe("alert");
        // The page says it first: its title, then the focus on the summary.
        (await page.TitleAsync()).ShouldStartWith("Erreur : ");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("erreurs-formulaire");
        await FocusVisibleAsync(page);
        if (message is not null)
        {
            decrit.ShouldContain(message);
            (await resume.InnerTextAsync()).ShouldContain(message);
        }
    }

    /// <summary>A tab of the form (a link of the tab bar), by its name.</summary>
    private static ILocator Onglet(IPage page, string nom) => page.Locator("nav.sigma-onglets").GetByRole(AriaRole.Link, new() { Name = nom });

    private static ILocator Onglet(IPage page, Regex nom) => page.Locator("nav.sigma-onglets").GetByRole(AriaRole.Link, new() { NameRegex = nom });

    /// <summary>A piece: its file chosen with Espace on its field, deposited with Entrée on « Déposer », then listed.</summary>
    private static async Task DeposerAsync(IPage page, string categorie, string nom)
    {
        var bloc = page.Locator($"#depot-{categorie}");
        await ChoisirFichierAsync(page, bloc.GetByLabel(new Regex("^Ajouter un fichier")), EnvoiReponse.Fichier(nom));
        await ActiverAsync(page, bloc.GetByRole(AriaRole.Button, new() { Name = "Déposer", Exact = true }));
        (await page.Locator($"#depot-{categorie}").InnerTextAsync()).ShouldContain(nom);
    }

    /// <summary>Reaches an in-page link and follows it with Entrée (no page load).</summary>
    private static async Task ActiverLienAsync(IPage page, ILocator lien)
    {
        await AtteindreAsync(page, lien);
        await page.Keyboard.PressAsync("Enter");
        await FocusVisibleAsync(page);
    }

    private static async Task RemplirEtablissementAsync(Navigation n, ILocator dans)
    {
        await SaisirAsync(n.Page, n.Champ("Raison sociale", dans), "Formation Occitanie Avenir");
        await SaisirAsync(n.Page, n.Champ("SIRET", dans), "73282932000074");
        await SaisirAsync(n.Page, n.Champ("Téléphone", dans), "04 67 22 80 00");
        await SaisirAsync(n.Page, n.Champ("Adresse électronique", dans), "contact@foa.fr");
    }

    private static async Task RemplirPersonneAsync(Navigation n, ILocator dans, string nom)
    {
        // A closed list: focused, then its option typed (the browser selects it).
        await AtteindreAsync(n.Page, n.Champ("Civilité", dans));
        await n.Page.Keyboard.TypeAsync("Madame");
        (await n.Champ("Civilité", dans).InputValueAsync()).ShouldBe("Madame");
        await SaisirAsync(n.Page, n.Champ("Nom", dans), nom);
        await SaisirAsync(n.Page, n.Champ("Prénom", dans), "Claire");
        await SaisirAsync(n.Page, n.Champ("Qualité", dans), "Directrice");
        await SaisirAsync(n.Page, n.Champ("Téléphone", dans), "06 12 34 56 78");
        await SaisirAsync(n.Page, n.Champ("Adresse électronique", dans), "claire@foa.fr");
    }
}
