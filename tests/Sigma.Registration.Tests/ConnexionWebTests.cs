using System.Text.RegularExpressions;

namespace Sigma.Registration.Tests;

public partial class ConnexionWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private async Task<(string Identifiant, string Email)> InscrireAsync()
    {
        var identifiant = Donnees.NouvelIdentifiant("adm");
        var reponse = await sigma.Navigateur().PosterAsync("/inscription", "/inscription", Donnees.Inscription(Donnees.NouveauSiret(), identifiant));
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (identifiant, $"{identifiant}@cfp.test");
    }

    private static string Lien(string texte) => new Uri(LienRegex().Match(texte).Value).PathAndQuery;

    private static Dictionary<string, string> NouveauMotDePasse(string lien, string motDePasse)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + lien).Query);
        return new() { ["Compte"] = query["compte"]!, ["Jeton"] = query["jeton"]!, ["MotDePasse"] = motDePasse, ["ConfirmationMotDePasse"] = motDePasse };
    }

    [Fact]
    public async Task A_password_reset_link_received_by_mail_works_once()
    {
        var (identifiant, email) = await InscrireAsync();
        var client = sigma.Navigateur();
        var demande = await client.PosterAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });
        (await demande.Content.ReadAsStringAsync()).ShouldContain("un courriel vient de lui être envoyé");

        var courriel = await sigma.Smtp.AttendreAsync(email, c => c.Sujet == "Réinitialisation de votre mot de passe Sigma");
        var lien = Lien(courriel.Texte);
        lien.ShouldStartWith("/mot-de-passe/definir?compte=");

        var premier = await client.PosterAsync(lien, "/mot-de-passe/definir", NouveauMotDePasse(lien, "Nouveau-mot-de-passe-42"));
        premier.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sigma.Navigateur().ConnecterAsync(identifiant, "Nouveau-mot-de-passe-42")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sigma.Navigateur().ConnecterAsync(identifiant, Donnees.MotDePasse)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await client.PosterAsync(lien, "/mot-de-passe/definir", NouveauMotDePasse(lien, "Encore-un-autre-mot-2026"));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldContain("Ce lien n&#x27;est plus valable");
    }

    [Fact]
    public async Task A_reset_request_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var reponse = await sigma.Navigateur().PosterAsync("/mot-de-passe-oublie", "/mot-de-passe-oublie",
            new Dictionary<string, string> { ["Email"] = "personne@nulle-part.test" });
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("Si un compte actif utilise l'adresse");
        await Task.Delay(1500);
        sigma.Smtp.Courriels.ShouldNotContain(c => c.A.Contains("personne@nulle-part.test"));
    }

    [Fact]
    public async Task Three_wrong_passwords_make_that_client_wait_with_the_same_answer_and_the_owner_is_told()
    {
        var (identifiant, email) = await InscrireAsync();
        var client = sigma.Navigateur();
        var inconnu = await (await client.ConnecterAsync("personne.inconnue", "mauvais-mot-de-passe-1")).Content.ReadAsStringAsync();
        inconnu.ShouldContain("Identifiant ou mot de passe incorrect.");
        for (var i = 0; i < 3; i++)
        {
            var echec = await client.ConnecterAsync(identifiant, "mauvais-mot-de-passe-1");
            echec.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await echec.Content.ReadAsStringAsync()).ShouldContain("Identifiant ou mot de passe incorrect.");
        }
        // This client now waits: even the right password gets the answer every failure gets, and nothing says "locked".
        var attend = await client.ConnecterAsync(identifiant, Donnees.MotDePasse);
        attend.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = await attend.Content.ReadAsStringAsync();
        texte.ShouldContain("Identifiant ou mot de passe incorrect.");
        texte.ShouldNotContain("verrouillé");
        var alerte = await sigma.Smtp.AttendreAsync(email, c => c.Sujet.Contains("Tentatives de connexion échouées"));
        alerte.Texte.ShouldContain(identifiant);
        alerte.Texte.ShouldContain("n'est pas bloqué");
        // After the wait, the right password opens the session.
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        (await client.ConnecterAsync(identifiant, Donnees.MotDePasse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_second_sign_in_with_the_same_credentials_ends_the_first_session_and_says_why()
    {
        var (identifiant, _) = await InscrireAsync();
        var premier = sigma.Navigateur();
        await premier.ConnecterAsync(identifiant, Donnees.MotDePasse);
        (await premier.GetAsync("/organisation/comptes")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = sigma.Navigateur();
        await second.ConnecterAsync(identifiant, Donnees.MotDePasse);

        var expulse = await premier.GetAsync("/organisation/comptes");
        expulse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        expulse.Headers.Location!.ToString().ShouldContain("/connexion");
        (await premier.GetStringAsync("/connexion")).ShouldContain("une nouvelle connexion a été ouverte avec votre identifiant");
        (await second.GetAsync("/organisation/comptes")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_adds_a_user_who_activates_by_mail_then_deactivating_ends_their_session()
    {
        var (adminId, _) = await InscrireAsync();
        var admin = sigma.Navigateur();
        await admin.ConnecterAsync(adminId, Donnees.MotDePasse);
        var userId = Donnees.NouvelIdentifiant("user");
        var ajout = await admin.PosterAsync("/organisation/comptes", "/organisation/comptes/ajouter", new Dictionary<string, string>
        {
            ["Nouveau.Prenom"] = "Inès", ["Nouveau.Nom"] = "Garcia", ["Nouveau.Email"] = $"{userId}@cfp.test", ["Nouveau.Identifiant"] = userId,
        });
        ajout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var liste = await admin.GetStringAsync("/organisation/comptes");
        liste.ShouldContain(userId);
        liste.ShouldContain("En attente d'activation");

        var invitation = await sigma.Smtp.AttendreAsync($"{userId}@cfp.test", c => c.Sujet.StartsWith("Activez votre compte"));
        var lien = Lien(invitation.Texte);
        var utilisateur = sigma.Navigateur();
        (await utilisateur.PosterAsync(lien, "/mot-de-passe/definir", NouveauMotDePasse(lien, "Ines-Garcia-Formation-1"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await utilisateur.ConnecterAsync(userId, "Ines-Garcia-Formation-1")).Headers.Location!.ToString().ShouldBe("/");
        (await utilisateur.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var compteId = Regex.Match(await admin.GetStringAsync("/organisation/comptes"), $"data-identifiant=\"{userId}\"[\\s\\S]*?/organisation/comptes/([0-9a-f-]{{36}})/desactiver").Groups[1].Value;
        (await admin.PosterAsync("/organisation/comptes", $"/organisation/comptes/{compteId}/desactiver", new Dictionary<string, string>()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var apres = await utilisateur.GetAsync("/");
        (await apres.Content.ReadAsStringAsync()).ShouldContain("votre compte a été désactivé");
        (await sigma.Navigateur().ConnecterAsync(userId, "Ines-Garcia-Formation-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Adding_a_user_with_a_taken_identifiant_shows_the_message_next_to_the_field()
    {
        var (adminId, _) = await InscrireAsync();
        var admin = sigma.Navigateur();
        await admin.ConnecterAsync(adminId, Donnees.MotDePasse);
        var reponse = await admin.PosterAsync("/organisation/comptes", "/organisation/comptes/ajouter", new Dictionary<string, string>
        {
            ["Nouveau.Prenom"] = "Jean", ["Nouveau.Nom"] = "Double", ["Nouveau.Email"] = "jean@cfp.test", ["Nouveau.Identifiant"] = "agent.region",
        });
        var html = await reponse.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"Nouveau_Identifiant-erreur\">Cet identifiant est déjà utilisé");
        html.ShouldHaveField("Nouveau.Prenom", "Jean");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LienRegex();
}
