using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// Issue 13 in a real browser: a bidder sends its answer; once the deadline has passed, an agent opens the plis, reads
/// the bidder's pli (every file checked against the receipt), retains its offer for lot 1 and notifies the lot; the
/// bidder gets the decision and the signature request by mail, signs the acte d'engagement in Sigma with its
/// certificate, and the agent reads the verification report.
/// </summary>
public partial class AttributionParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    private const string MotDePasseDemo = "Sigma-Demo-2026!";
    private const string Reference = "2027-PP-003";
    private const string EmailSoumissionnaire = "admin.demo@organisme-demo.fr";
    private const string EmailAgent = "agent.region@sigma.localhost";
    private const string Motif = "Offre la mieux classée : meilleur rapport qualité-prix sur le lot 1.";

    [Fact]
    public async Task After_the_deadline_an_agent_opens_reads_awards_and_notifies_lot_one_the_bidder_signs_the_acte_in_Sigma_and_the_agent_reads_the_report()
    {
        // 1. The bidder answers lot 1 and sends.
        await using var sessionSoumissionnaire = await sigma.NouvelleSessionAsync();
        var soumissionnaire = await Navigation.OuvrirAsync(sessionSoumissionnaire);
        await soumissionnaire.ConnecterAsync("admin.demo", MotDePasseDemo);
        var numero = await EnvoiReponse.EnvoyerLot1Async(soumissionnaire, Reference, "Projet Pro — Orientation professionnelle");

        // 2. The deadline passes (both modules' copies of it).
        await EnvoiReponse.DepasserDateLimiteAsync(sigma.Database.ConnectionString, Reference);

        // 3. The agent: Back-office > Consultations > the consultation > « Ouverture des plis ».
        await using var sessionAgent = await sigma.NouvelleSessionAsync();
        var agent = await Navigation.OuvrirAsync(sessionAgent);
        var page = agent.Page;
        await agent.ConnecterAsync("agent.region", MotDePasseDemo);
        await EnvoiReponse.AllerAOuvertureAsync(agent, Reference);
        var seance = page.Url;
        (await agent.TexteAsync("main")).ShouldNotContain("La date limite n'est pas passée");
        await SigmaEnLigne.CaptureAsync(page, "attribution-1-avant-ouverture");

        // « Ouvrir les plis » asks first; the agent accepts.
        await EnvoiReponse.OuvrirLesPlisAsync(agent, Reference);
        (await agent.TexteAsync("main")).ShouldContain("Plis ouverts le");
        var ligne = page.Locator("#plis tbody tr").Filter(new() { HasText = numero });
        (await ligne.CountAsync()).ShouldBe(1);
        var organisme = Navigation.Normaliser(await ligne.Locator("td").First.InnerTextAsync());
        await SigmaEnLigne.CaptureAsync(page, "attribution-2-plis-ouverts");

        // The bidder's pli: every file is the one the receipt names; one of them is downloaded.
        await agent.CliquerAsync(ligne.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Lire le pli") }));
        (await agent.TexteAsync("h1")).ShouldBe($"Pli de {organisme}");
        (await agent.TexteAsync("#fichiers-intacts")).ShouldBe("Chaque fichier du pli est identique à l'accusé de réception (SHA-256 vérifiés).");
        var fichiers = page.Locator("#fichiers-pli tbody tr");
        (await fichiers.CountAsync()).ShouldBeGreaterThan(0);
        (await fichiers.Locator(".fr-badge--success").CountAsync()).ShouldBe(await fichiers.CountAsync());
        await SigmaEnLigne.CaptureAsync(page, "attribution-3-pli");
        var annexe = await agent.TelechargerAsync(page.Locator("#fichiers-pli").GetByRole(AriaRole.Link, new() { Name = "Annexe technique.pdf", Exact = true }));
        annexe.SuggestedFilename.ShouldBe("Annexe technique.pdf");
        (await File.ReadAllBytesAsync(await annexe.PathAsync())).ShouldBe(EnvoiReponse.Fichier("Annexe technique.pdf").Buffer);

        // Back on the opening session, lot 1: the offer is retained with its reason.
        await agent.CliquerAsync(page.Locator("nav.fr-breadcrumb").GetByRole(AriaRole.Link, new() { Name = $"Ouverture des plis — {Reference}" }));
        page.Url.ShouldBe(seance);
        var lot1 = page.Locator("#lot-1");
        (await lot1.Locator("h2").InnerTextAsync()).ShouldContain("En analyse");
        var offre = lot1.Locator("tbody tr").Filter(new() { HasText = organisme });
        await offre.GetByText("Retenue", new() { Exact = true }).ClickAsync();
        var motif = offre.GetByLabel($"Motif pour {organisme}");
        await motif.ClickAsync();
        await motif.PressSequentiallyAsync(Motif);
        await agent.CliquerAsync(agent.Bouton("Enregistrer les décisions du lot 1"));
        (await agent.TexteAsync("#message")).ShouldBe("Lot 1 : 1 décision enregistrée. Notifiez le lot quand toutes les offres sont jugées.");
        (await page.Locator("#lot-1 tbody tr").Filter(new() { HasText = organisme }).GetByLabel("Retenue", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();
        (await page.Locator("#lot-1").GetByLabel($"Motif pour {organisme}").InputValueAsync()).ShouldBe(Motif);
        await SigmaEnLigne.CaptureAsync(page, "attribution-4-decision");

        // « Notifier les décisions du lot 1 », by the keyboard: focus and Entrée; the question is accepted.
        var questions = new List<string>();
        void Accepter(object? _, IDialog d)
        {
            questions.Add(d.Message);
            _ = d.AcceptAsync();
        }
        page.Dialog += Accepter;
        var notifier = agent.Bouton("Notifier les décisions du lot 1");
        await notifier.FocusAsync();
        await ChargerParAsync(page, () => page.Keyboard.PressAsync("Enter"));
        page.Dialog -= Accepter;
        questions.ShouldBe(["Notifier les décisions du lot 1 ? Chaque soumissionnaire du lot reçoit sa décision et son motif ; elles ne pourront plus changer."]);
        (await agent.TexteAsync("#message")).ShouldBe("Lot 1 notifié : 1 soumissionnaire est prévenu par courriel de la décision et de son motif.");
        (await page.Locator("#lot-1 h2").InnerTextAsync()).ShouldContain("Notifié");
        (await agent.Bouton("Notifier les décisions du lot 1").CountAsync()).ShouldBe(0);
        // Once notified, the decision reads as text (no field left to change), with who decided and when.
        (await page.Locator("#lot-1").GetByLabel($"Motif pour {organisme}").CountAsync()).ShouldBe(0);
        var decisionLue = Navigation.Normaliser(await page.Locator("#lot-1 tbody").InnerTextAsync());
        decisionLue.ShouldContain("Retenue");
        decisionLue.ShouldContain(Motif);
        decisionLue.ShouldContain("décidée par");
        await SigmaEnLigne.CaptureAsync(page, "attribution-5-lot-notifie");

        // 4. The bidder's two mails: the decision with its reason, and the signature request with its link.
        var decision = await sigma.Smtp.AttendreAsync(EmailSoumissionnaire, c => c.Sujet.StartsWith("Votre offre est retenue", StringComparison.Ordinal));
        decision.Sujet.ShouldBe($"Votre offre est retenue — consultation {Reference}, lot 1");
        decision.Texte.ShouldContain($"Motif : {Motif}");
        var demande = await sigma.Smtp.AttendreAsync(EmailSoumissionnaire, c => c.Sujet.StartsWith("Signature demandée", StringComparison.Ordinal));
        demande.Sujet.ShouldBe($"Signature demandée : {Reference}, lot 1");
        var lien = LienDemande().Match(demande.Texte);
        lien.Success.ShouldBeTrue($"Pas de lien vers la demande de signature dans : {demande.Texte}");
        lien.Value.ShouldStartWith(sigma.Url);

        // The bidder opens the link and signs the acte d'engagement in Sigma with its certificate.
        await soumissionnaire.AllerAsync(lien.Value);
        var pageSoumissionnaire = soumissionnaire.Page;
        (await soumissionnaire.TexteAsync("h1")).ShouldBe("Signature de « Lot 1 - Acte d'engagement.pdf »");
        var entete = await soumissionnaire.TexteAsync("main");
        entete.ShouldContain($"Consultation {Reference}");
        entete.ShouldContain("Offre retenue pour le lot 1 : l'acte d'engagement de l'offre est à signer par le titulaire.");
        await SigmaEnLigne.CaptureAsync(pageSoumissionnaire, "attribution-6-demande-signature");
        await pageSoumissionnaire.GetByLabel(new Regex("^Certificat de signature")).SetInputFilesAsync(new FilePayload
        {
            Name = "claire-martin.p12", MimeType = "application/x-pkcs12",
            Buffer = CertificatDeTest.Pkcs12("Claire Martin", "Formation Occitanie Avenir", "claire@foa.fr"),
        });
        await soumissionnaire.SaisirAsync("Mot de passe du certificat", CertificatDeTest.MotDePasse);
        await soumissionnaire.CliquerAsync(soumissionnaire.Bouton("Signer le document"));
        await SigmaEnLigne.CaptureAsync(pageSoumissionnaire, "attribution-7-signe");
        (await soumissionnaire.TexteAsync("#message")).ShouldBe(
            "Le document signé est déposé, mais la vérification conclut : Validité indéterminée. Consultez le rapport ci-dessous.");
        // A doubtful result is a warning, not a success.
        (await soumissionnaire.Page.Locator("#message").GetAttributeAsync("class"))!.ShouldContain("fr-alert--warning");
        var versions = await soumissionnaire.TexteAsync("#versions");
        versions.ShouldContain("dans Sigma");
        versions.ShouldContain("Validité indéterminée");
        (await soumissionnaire.TexteAsync("#conclusion")).ShouldStartWith("Validité indéterminée");
        (await soumissionnaire.TexteAsync("#conclusion")).ShouldContain("Aucune autorité de confiance n'est configurée sur cette plate-forme.");
        var signature = await soumissionnaire.TexteAsync("#signature-1");
        signature.ShouldContain("Signataire Claire Martin");
        signature.ShouldContain("PAdES");

        // 5. The agent is told by mail, opens the request in « Demandes de signature » and reads the report.
        var depose = await sigma.Smtp.AttendreAsync(EmailAgent, c => c.Sujet.StartsWith("Document signé déposé", StringComparison.Ordinal));
        depose.Sujet.ShouldBe($"Document signé déposé : {Reference}, lot 1 — Validité indéterminée");
        depose.Texte.ShouldContain(lien.Value);
        var menuSignature = page.Locator("nav#navigation");
        await menuSignature.GetByRole(AriaRole.Button, new() { Name = "Outils de signature", Exact = true }).ClickAsync();
        await agent.CliquerAsync(menuSignature.GetByRole(AriaRole.Link, new() { Name = "Demandes de signature", Exact = true }));
        var demandeAgent = page.Locator("#demandes tbody tr").Filter(new() { HasText = organisme });
        (await demandeAgent.CountAsync()).ShouldBe(1);
        var ligneDemande = Navigation.Normaliser(await demandeAgent.InnerTextAsync());
        ligneDemande.ShouldContain("Lot 1 - Acte d'engagement.pdf");
        ligneDemande.ShouldContain("Validité indéterminée");
        await agent.CliquerAsync(demandeAgent.GetByRole(AriaRole.Link, new() { Name = Reference, Exact = true }));
        page.Url.ShouldBe(lien.Value);
        await SigmaEnLigne.CaptureAsync(page, "attribution-8-rapport-agent");
        (await agent.Bouton("Signer le document").CountAsync()).ShouldBe(0);
        (await agent.TexteAsync("#rapport-titre")).ShouldBe("Rapport de vérification");
        (await agent.TexteAsync("#conclusion")).ShouldStartWith("Validité indéterminée");
        var rapport = await agent.TexteAsync("#rapport");
        rapport.ShouldContain("Lot 1 - Acte d'engagement");
        rapport.ShouldContain("Signataire Claire Martin");
        rapport.ShouldContain("Aucune autorité de confiance n'est configurée sur cette plate-forme.");
        rapport.ShouldContain("AC de test du parcours");
        rapport.ShouldContain("non-répudiation : oui");
        (await agent.TexteAsync("#signature-1 tr[data-controle='chaine']")).ShouldContain("Non conforme");

        // The signed version is the document asked for, signed by an incremental update (its first bytes unchanged).
        var original = await agent.TelechargerAsync(page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le document à signer" }));
        var octetsOriginal = await File.ReadAllBytesAsync(await original.PathAsync());
        var signe = await agent.TelechargerAsync(page.Locator("#versions").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Lot 1 - Acte d'engagement - .* - Signature 1\.pdf$") }));
        var octetsSigne = await File.ReadAllBytesAsync(await signe.PathAsync());
        octetsSigne.Length.ShouldBeGreaterThan(octetsOriginal.Length);
        octetsSigne[..octetsOriginal.Length].ShouldBe(octetsOriginal);

        soumissionnaire.Problemes.ShouldBeEmpty();
        agent.Problemes.ShouldBeEmpty();
    }

    /// <summary>Does what posts a form (here a key) and waits until the page the server answers with is loaded.</summary>
    private static async Task ChargerParAsync(IPage page, Func<Task> action)
    {
        var chargee = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Chargee(object? sender, IPage p) => chargee.TrySetResult();
        page.Load += Chargee;
        try
        {
            await action();
            await chargee.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= Chargee;
        }
    }

    [GeneratedRegex(@"https?://\S+/signature/demandes/[0-9a-f-]{36}")]
    private static partial Regex LienDemande();
}
