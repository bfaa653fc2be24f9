namespace Sigma.Registration.Tests;

/// <summary>
/// An "inscrit simple" knows only a public number (the SIRET): its account is pending, sees and does nothing of the
/// organisation until an administrator of the organisation, or an agent of the Region, approves it.
/// </summary>
public class RattachementWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private async Task<(HttpClient Admin, string AdminId, string Siret)> OrganismeAsync()
    {
        var admin = sigma.Navigateur();
        var siret = Donnees.NouveauSiret();
        var adminId = Donnees.NouvelIdentifiant("adm");
        (await admin.PosterAsync("/inscription", "/inscription", Donnees.Inscription(siret, adminId))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin = sigma.Navigateur();
        (await admin.ConnecterAsync(adminId, Donnees.MotDePasse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (admin, adminId, siret);
    }

    private async Task<(HttpClient Client, string Identifiant, string Email, Guid CompteId)> DemanderAsync(string siret, HttpClient admin)
    {
        var client = sigma.Navigateur();
        var identifiant = Donnees.NouvelIdentifiant("simple");
        var email = $"{identifiant}@cfp.test";
        var reponse = await client.PosterAsync("/inscription-simple", "/inscription-simple", new Dictionary<string, string>
        {
            ["Siret"] = siret, ["Prenom"] = "Paul", ["Nom"] = "Simple", ["Email"] = email, ["Identifiant"] = identifiant,
            ["MotDePasse"] = Donnees.MotDePasse, ["ConfirmationMotDePasse"] = Donnees.MotDePasse,
        });
        reponse.Headers.Location!.ToString().ShouldBe("/connexion");
        var connexion = await client.ConnecterAsync(identifiant, Donnees.MotDePasse);
        connexion.Headers.Location!.ToString().ShouldBe("/organisation/demande-en-attente");
        var comptes = await admin.GetStringAsync("/organisation/comptes");
        var ligne = comptes[comptes.IndexOf($"data-identifiant=\"{identifiant}\"", StringComparison.Ordinal)..];
        var id = Guid.Parse(System.Text.RegularExpressions.Regex.Match(ligne, "/rattachements/([0-9a-f-]{36})/approuver").Groups[1].Value);
        return (client, identifiant, email, id);
    }

    [Fact]
    public async Task A_pending_inscrit_simple_sees_nothing_of_the_organisation_until_its_administrator_approves()
    {
        var (admin, adminId, siret) = await OrganismeAsync();
        var (simple, identifiant, email, compteId) = await DemanderAsync(siret, admin);

        var avis = await sigma.Smtp.AttendreAsync($"{adminId}@cfp.test", c => c.Sujet.StartsWith("Demande de rattachement"));
        avis.Texte.ShouldContain($"identifiant « {identifiant} »");
        avis.Texte.ShouldContain($"{SigmaFactory.UrlPublique}/organisation/comptes");

        var attente = await simple.GetStringAsync("/organisation/demande-en-attente");
        attente.ShouldContain("Votre demande de rattachement est en attente");
        attente.ShouldContain("Centre de Formation Pyrénées");
        foreach (var page in new[] { "/reponses", "/organisation/comptes", "/signature/demandes" })
        {
            (await simple.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, page);
        }
        (await simple.GetAsync("/consultations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var comptes = await admin.GetStringAsync("/organisation/comptes");
        comptes.ShouldContain("En attente d'approbation");
        comptes.ShouldContain("Une demande de rattachement attend votre décision");
        var approuve = await admin.PosterAsync("/organisation/comptes", $"/rattachements/{compteId}/approuver", new Dictionary<string, string>());
        approuve.Headers.Location!.ToString().ShouldBe("/organisation/comptes");

        (await sigma.Smtp.AttendreAsync(email, c => c.Sujet.Contains("est approuvée"))).Texte.ShouldContain("Hélène Durand");
        // The same session goes on, now with the organisation's rights.
        (await simple.GetAsync("/reponses")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await simple.GetAsync("/organisation/demande-en-attente")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Deciding twice is refused in French, nothing changes.
        var encore = await admin.PosterAsync("/organisation/comptes", $"/rattachements/{compteId}/refuser", new Dictionary<string, string>());
        encore.Headers.Location!.ToString().ShouldBe("/organisation/comptes");
        WebUtility.HtmlDecode(await admin.GetStringAsync("/organisation/comptes")).ShouldContain("introuvable ou a déjà été traitée");
        (await simple.GetAsync("/reponses")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refused_request_ends_the_session_and_the_account_cannot_sign_in_nor_be_reactivated()
    {
        var (admin, _, siret) = await OrganismeAsync();
        var (simple, identifiant, email, compteId) = await DemanderAsync(siret, admin);

        var confirmation = await admin.GetStringAsync($"/rattachements/{compteId}/refuser");
        confirmation.ShouldContain("Refuser la demande de Paul Simple ?");
        confirmation.ShouldContain("Confirmer le refus");
        (await admin.PosterAsync($"/rattachements/{compteId}/refuser", $"/rattachements/{compteId}/refuser", new Dictionary<string, string>()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sigma.Smtp.AttendreAsync(email, c => c.Sujet.Contains("est refusée"))).Texte.ShouldContain(identifiant);

        var suite = await simple.GetAsync("/organisation/demande-en-attente");
        suite.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var connexion = await sigma.Navigateur().ConnecterAsync(identifiant, Donnees.MotDePasse);
        WebUtility.HtmlDecode(await connexion.Content.ReadAsStringAsync()).ShouldContain("Votre demande de rattachement à l'organisme a été refusée");

        await admin.PosterAsync("/organisation/comptes", $"/organisation/comptes/{compteId}/reactiver", new Dictionary<string, string>());
        WebUtility.HtmlDecode(await admin.GetStringAsync("/organisation/comptes")).ShouldContain("ne peut pas être réactivé");
    }

    [Fact]
    public async Task Another_organisations_administrator_cannot_decide_and_an_agent_can_from_the_back_office()
    {
        var (admin, _, siret) = await OrganismeAsync();
        var (simple, identifiant, email, compteId) = await DemanderAsync(siret, admin);

        var (autre, _, _) = await OrganismeAsync();
        await autre.PosterAsync("/organisation/comptes", $"/rattachements/{compteId}/approuver", new Dictionary<string, string>());
        WebUtility.HtmlDecode(await autre.GetStringAsync("/organisation/comptes")).ShouldContain("introuvable ou a déjà été traitée");
        (await autre.GetAsync($"/rattachements/{compteId}/refuser")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await simple.GetAsync("/reponses")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/back-office/rattachements")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var agent = sigma.Navigateur();
        (await agent.ConnecterAsync("agent.region", Soumissionnaire.MotDePasse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var demandes = await agent.GetStringAsync("/back-office/rattachements");
        demandes.ShouldContain(identifiant);
        demandes.ShouldContain(siret);
        (await agent.PosterAsync("/back-office/rattachements", $"/rattachements/{compteId}/approuver", new Dictionary<string, string>()))
            .Headers.Location!.ToString().ShouldBe("/back-office/rattachements");
        (await sigma.Smtp.AttendreAsync(email, c => c.Sujet.Contains("est approuvée"))).Texte.ShouldContain("un agent de la Région");
        (await agent.GetStringAsync("/back-office/rattachements")).ShouldNotContain($"data-identifiant=\"{identifiant}\"");
        (await simple.GetAsync("/reponses")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_for_an_organisation_without_an_active_administrator_is_mailed_to_the_agents()
    {
        var (_, adminId, siret) = await OrganismeAsync();
        // The organisation's only administrator has left (deactivated).
        var store = sigma.Services.GetRequiredService<Sigma.Registration.Infrastructure.IRegistrationStore>();
        await using (var session = store.LightweightSession())
        {
            var admin = await session.Query<Sigma.Registration.Domain.Compte>().SingleAsync(c => c.IdentifiantNormalise == adminId.ToUpperInvariant());
            session.Events.Append(admin.Id, new Sigma.Registration.Domain.CompteDesactive(admin.Id, Guid.Empty, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        var demandeur = sigma.Navigateur();
        var identifiant = Donnees.NouvelIdentifiant("orphelin");
        (await demandeur.PosterAsync("/inscription-simple", "/inscription-simple", new Dictionary<string, string>
        {
            ["Siret"] = siret, ["Prenom"] = "Léa", ["Nom"] = "Orpheline", ["Email"] = $"{identifiant}@cfp.test", ["Identifiant"] = identifiant,
            ["MotDePasse"] = Donnees.MotDePasse, ["ConfirmationMotDePasse"] = Donnees.MotDePasse,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var avis = await sigma.Smtp.AttendreAsync("agent.region@sigma.localhost", c => c.Sujet.Contains("aucun administrateur"));
        avis.Texte.ShouldContain($"identifiant « {identifiant} »");
        avis.Texte.ShouldContain($"{SigmaFactory.UrlPublique}/back-office/rattachements");
    }
}
