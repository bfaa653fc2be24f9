using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// Issue 16: axe-core (WCAG 2.0 and 2.1, A and AA) on every page the journeys reach — the public pages, the bidder's
/// answer from the search to the receipt, the back office from the consultation to the award and the publication, the
/// signature, the auditor's screens — with no serious or critical violation. Each page is checked as it loads (see
/// <see cref="Navigation.Accessibilite"/>); what a page changes in place (search results, tabs) is checked by name.
/// </summary>
public partial class AccessibiliteParcoursTests(SigmaEnLigne sigma, ITestOutputHelper sortie) : IClassFixture<SigmaEnLigne>
{
    private const string MotDePasseDemo = "Sigma-Demo-2026!";
    private const string Reference = "2027-PP-003";
    private const string Titre = "Projet Pro — Orientation professionnelle";

    [Fact]
    public async Task No_page_of_the_bidder_the_back_office_or_the_auditor_has_a_serious_or_critical_axe_violation()
    {
        var axe = new Accessibilite();
        try
        {
            await PagesPubliquesAsync(axe);
            var (soumissionnaire, sessionSoumissionnaire) = await SoumissionnaireAsync(axe);
            await using var _ = sessionSoumissionnaire;
            await EnvoiReponse.DepasserDateLimiteAsync(sigma.Database.ConnectionString, Reference);
            var (agent, sessionAgent, consultation) = await AgentAsync(axe);
            await using var __ = sessionAgent;
            await SignatureAsync(soumissionnaire, axe);
            await AgentApresSignatureAsync(agent, consultation);
            await AuditeurAsync(axe);
        }
        finally
        {
            sortie.WriteLine(axe.Resume());
            foreach (var constat in axe.Constats)
            {
                sortie.WriteLine(constat.ToString());
            }
        }
        axe.Pages.Count.ShouldBeGreaterThan(40);
        axe.Bloquantes.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_accessibility_statement_is_reached_from_the_footer_of_every_page_and_states_the_conformity()
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session);
        await n.AllerAsync("/consultations");
        var lien = n.Page.Locator("footer").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Accessibilité : ") });
        (await lien.InnerTextAsync()).ShouldBe("Accessibilité : non conforme");
        await n.CliquerAsync(lien);

        n.Page.Url.ShouldBe($"{sigma.Url}/accessibilite");
        (await n.TexteAsync("h1")).ShouldBe("Déclaration d'accessibilité");
        (await n.TexteAsync("#conformite")).ShouldStartWith("Sigma est non conforme avec le RGAA 4.1");
        var titres = (await n.Page.Locator("main h2").AllInnerTextsAsync()).Select(Navigation.Normaliser).ToList();
        titres.ShouldBe(["État de conformité", "Résultats des tests", "Contenus non accessibles", "Établissement de cette déclaration",
            "Retour d'information et contact", "Voies de recours"]);
        var declaration = await n.TexteAsync("main");
        declaration.ShouldContain("Aucun audit RGAA n'a été réalisé");
        declaration.ShouldContain("ne remplacent donc pas un audit RGAA");
        declaration.ShouldContain("axe-core 4.14");
        declaration.ShouldContain("Défenseur des droits");
        (await n.Page.Locator("footer #lien-accessibilite").GetAttributeAsync("aria-current")).ShouldBe("page");
        n.Problemes.ShouldBeEmpty();
    }

    private async Task PagesPubliquesAsync(Accessibilite axe)
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session, axe);
        var page = n.Page;
        await n.AllerAsync("/");
        // The menu open: its links are then shown (a closed menu's are hidden, which axe does not check).
        await page.Locator("nav#navigation").GetByRole(AriaRole.Button, new() { Name = "Annonces", Exact = true }).ClickAsync();
        await axe.VerifierAsync(page, "accueil, menu « Annonces » ouvert");
        await n.AllerAsync("/consultations");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#q").FillAsync("orientation professionnelle");
        await n.Bouton("Rechercher").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/consultations\?q=orientation"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.Locator("#resultats").GetByRole(AriaRole.Link, new() { Name = Titre }).WaitForAsync();
        await axe.VerifierAsync(page, "recherche de consultations, résultats affichés");
        await n.AllerAsync("/consultations?q=2027-PP-003");
        await n.CliquerAsync(page.GetByRole(AriaRole.Link, new() { Name = Titre }));
        await n.AllerAsync("/consultations/cloturees");
        await n.AllerAsync("/inscription");
        await n.CliquerAsync(n.Bouton("S'inscrire"));
        await n.AllerAsync("/inscription-simple");
        await n.AllerAsync("/connexion");
        await n.SaisirAsync("Identifiant", "personne");
        await n.SaisirAsync("Mot de passe", "faux");
        await n.CliquerAsync(n.Bouton("Se connecter"));
        await n.AllerAsync("/mot-de-passe-oublie");
        foreach (var aide in new[] { "/aide", "/aide/guide", "/aide/faq", "/aide/assistance", "/accessibilite", "/signature/signer", "/signature/verifier" })
        {
            await n.AllerAsync(aide);
        }
        (await n.AllerAsync("/page-inexistante", 404)).ShouldBe(404);
        n.Problemes.ShouldBeEmpty();
    }

    /// <summary>The bidder asks a question, answers lot 1 (candidature tabs, offer tabs, send, receipt) and lists its answers.</summary>
    private async Task<(Navigation, IBrowserContext)> SoumissionnaireAsync(Accessibilite axe)
    {
        var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session, axe);
        await n.ConnecterAsync("admin.demo", MotDePasseDemo);
        await n.AllerAsync($"/consultations?q={Reference}");
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = Titre }));
        await n.Page.Locator("textarea#question").FillAsync("Les entrées peuvent-elles être mensuelles ?");
        await n.CliquerAsync(n.Bouton("Envoyer la question"));
        // The draft's candidature as the platform starts it: « Valider » refuses (the errors' page), and the members' tab.
        await n.CliquerAsync(n.Bouton("Répondre à la consultation"));
        var dossier = n.Page.Url;
        await n.AllerAsync($"{dossier}/candidature/candidat");
        await n.CliquerAsync(n.Bouton("Valider"));
        await n.AllerAsync($"{dossier}/candidature/membres");
        await EnvoiReponse.EnvoyerLot1Async(n, Reference, Titre);
        await n.AllerAsync("/reponses");
        await n.AllerAsync("/organisation/comptes");
        return (n, session);
    }

    /// <summary>The agent: the consultations, a new one refused then the published one, its registries, the opening, a pli, the award, the mails.</summary>
    private async Task<(Navigation, IBrowserContext, string)> AgentAsync(Accessibilite axe)
    {
        var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session, axe);
        var page = n.Page;
        await n.ConnecterAsync("agent.region", MotDePasseDemo);
        await n.AllerAsync("/back-office/consultations/nouvelle");
        await n.CliquerAsync(n.Bouton("Enregistrer le brouillon"));
        await n.AllerAsync("/back-office/consultations");
        await n.CliquerAsync(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Reference, Exact = true }));
        var gestion = page.Url;
        var consultation = gestion[(gestion.LastIndexOf('/') + 1)..];
        await n.AllerAsync($"{gestion}/registres/retraits");
        await n.AllerAsync($"{gestion}/registres/depots");
        await n.AllerAsync("/back-office/rattachements");

        await EnvoiReponse.AllerAOuvertureAsync(n, Reference);
        await EnvoiReponse.OuvrirLesPlisAsync(n, Reference);
        var seance = page.Url;
        var ligne = page.Locator("#plis tbody tr").First;
        var organisme = Navigation.Normaliser(await ligne.Locator("td").First.InnerTextAsync());
        await n.CliquerAsync(ligne.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Lire le pli") }));
        await n.AllerAsync(seance);
        var offre = page.Locator("#lot-1 tbody tr").Filter(new() { HasText = organisme });
        await offre.GetByText("Retenue", new() { Exact = true }).ClickAsync();
        await offre.GetByLabel($"Motif pour {organisme}").FillAsync("Offre la mieux classée.");
        await n.CliquerAsync(n.Bouton("Enregistrer les décisions du lot 1"));
        void Accepter(object? _, IDialog d) => _ = d.AcceptAsync();
        page.Dialog += Accepter;
        await n.CliquerAsync(n.Bouton("Notifier les décisions du lot 1"));
        page.Dialog -= Accepter;
        await axe.VerifierAsync(page, "ouverture des plis, lot notifié");

        await n.AllerAsync($"/back-office/publications/{consultation}");
        // The mail catcher exists only without an SMTP server: see CapteurCourrielsAccessibiliteTests.
        n.Problemes.ShouldBeEmpty();
        return (n, session, consultation);
    }

    /// <summary>The bidder opens the signature request from its list and signs the acte d'engagement with its certificate.</summary>
    private static async Task SignatureAsync(Navigation n, Accessibilite axe)
    {
        await n.AllerAsync("/signature/demandes");
        await n.CliquerAsync(n.Page.Locator("#demandes tbody tr a").First);
        await n.Page.GetByLabel(new Regex("^Certificat de signature")).SetInputFilesAsync(new FilePayload
        {
            Name = "claire-martin.p12", MimeType = "application/x-pkcs12",
            Buffer = CertificatDeTest.Pkcs12("Claire Martin", "Formation Occitanie Avenir", "claire@foa.fr"),
        });
        await n.SaisirAsync("Mot de passe du certificat", CertificatDeTest.MotDePasse);
        await n.CliquerAsync(n.Bouton("Signer le document"));
        await axe.VerifierAsync(n.Page, "demande de signature, document signé et rapport");
        n.Problemes.ShouldBeEmpty();
    }

    private static async Task AgentApresSignatureAsync(Navigation n, string consultation)
    {
        await n.AllerAsync("/signature/demandes");
        await n.CliquerAsync(n.Page.Locator("#demandes tbody tr a").First);
        await n.AllerAsync($"/back-office/publications/{consultation}");
        n.Problemes.ShouldBeEmpty();
    }

    /// <summary>The auditor: the responses, a history, the state at a version (each read-only tab), the chain's verification, the consultations' audit.</summary>
    private async Task AuditeurAsync(Accessibilite axe)
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session, axe);
        var page = n.Page;
        await n.ConnecterAsync("auditeur", MotDePasseDemo);
        await n.AllerAsync("/audit/reponses");
        await n.CliquerAsync(page.Locator("#reponses-audit tbody tr").Filter(new() { HasText = Reference }).First
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Historique") }));
        var evenements = page.Locator("#historique tbody tr");
        await n.CliquerAsync(evenements.Last.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^État à ce moment") }));
        foreach (var onglet in await page.Locator("section#etat-onglets [role='tab']").AllAsync())
        {
            if (await onglet.IsVisibleAsync())
            {
                var nom = Navigation.Normaliser(await onglet.InnerTextAsync());
                await onglet.ClickAsync();
                await axe.VerifierAsync(page, $"audit, état à une version, onglet « {nom} »");
            }
        }
        await n.AllerAsync("/audit/verification");
        await n.CliquerAsync(page.GetByRole(AriaRole.Link, new() { Name = "Lancer la vérification", Exact = true }));
        await n.AllerAsync("/audit/consultations");
        await n.CliquerAsync(page.Locator("main table tbody tr a").First);
        n.Problemes.ShouldBeEmpty();
    }
}
