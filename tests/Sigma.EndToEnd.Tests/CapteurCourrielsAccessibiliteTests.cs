namespace Sigma.EndToEnd.Tests;

/// <summary>Sigma without an SMTP server: its mails are kept by the local catcher.</summary>
public sealed class SigmaAvecCapteur : SigmaEnLigne
{
    protected override bool CapteurDeCourriels => true;
}

/// <summary>Issue 16: the mail catcher's pages (« Courriels envoyés », one mail) have no serious or critical axe violation.</summary>
public class CapteurCourrielsAccessibiliteTests(SigmaAvecCapteur sigma, Xunit.Abstractions.ITestOutputHelper sortie) : IClassFixture<SigmaAvecCapteur>
{
    [Fact]
    public async Task The_mail_catcher_s_list_and_a_mail_have_no_serious_or_critical_axe_violation()
    {
        var axe = new Accessibilite();
        await using (var sessionAnonyme = await sigma.NouvelleSessionAsync())
        {
            var anonyme = await Navigation.OuvrirAsync(sessionAnonyme);
            await anonyme.AllerAsync("/mot-de-passe-oublie");
            await anonyme.SaisirAsync("Adresse électronique du compte", "admin.demo@organisme-demo.fr");
            await anonyme.CliquerAsync(anonyme.Bouton("Recevoir le lien"));
            anonyme.Problemes.ShouldBeEmpty();
        }

        await using var session = await sigma.NouvelleSessionAsync();
        var agent = await Navigation.OuvrirAsync(session);
        await agent.ConnecterAsync("agent.region", "Sigma-Demo-2026!");
        var liens = agent.Page.Locator("#courriels tbody a");
        for (var essai = 0; essai < 30 && await liens.CountAsync() == 0; essai++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await agent.AllerAsync("/courriels");
        }
        (await liens.CountAsync()).ShouldBeGreaterThan(0, "Aucun courriel dans le capteur.");
        await axe.VerifierAsync(agent.Page, "/courriels");
        await agent.CliquerAsync(liens.First);
        await axe.VerifierAsync(agent.Page, "/courriels/{id}");

        sortie.WriteLine(axe.Resume());
        axe.Bloquantes.ShouldBeEmpty();
        agent.Problemes.ShouldBeEmpty();
    }
}
