using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Domain;
using Sigma.Registration.Domain;

namespace Sigma.Registration.Tests;

public class CompteTests
{
    private static readonly DateTimeOffset Maintenant = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static Compte Nouveau(string? hache = "hache") =>
        Compte.Create(Compte.Creer(Guid.NewGuid(), Guid.NewGuid(), new NouveauCompte("c.martin", "c@o.fr", "Claire", "Martin"),
            Roles.UtilisateurOrganisme, hache, OrigineCompte.InscriptionSimple, Guid.NewGuid(), Maintenant));

    private static Compte Rejouer(Compte compte, IEnumerable<object> evenements) => evenements.Aggregate(compte, (c, e) => e switch
    {
        ConnexionReussie x => c.Apply(x),
        ConnexionEchouee x => c.Apply(x),
        _ => throw new InvalidOperationException(),
    });

    private const string Poste = "POSTE-A";
    private const string AutrePoste = "POSTE-B";

    private static Compte Approuve()
    {
        var compte = Nouveau();
        return compte.Apply(compte.Approuver(new Acteur(Guid.NewGuid(), "admin", "Admin", "", Roles.AdministrateurOrganisme, null), Maintenant));
    }

    [Fact]
    public void A_correct_password_opens_a_new_session()
    {
        var session = Guid.NewGuid();
        var resultat = Approuve().Connecter(true, Poste, session, Maintenant);
        resultat.Reussie.ShouldBeTrue();
        resultat.Evenements.ShouldHaveSingleItem().ShouldBeOfType<ConnexionReussie>().SessionId.ShouldBe(session);
    }

    [Fact]
    public void Failures_slow_down_the_failing_client_only_and_lock_nobody_out()
    {
        var compte = Approuve();
        for (var i = 0; i < Compte.EchecsAvantDelai; i++)
        {
            var echec = compte.Connecter(false, Poste, Guid.NewGuid(), Maintenant);
            echec.Evenements.ShouldHaveSingleItem().ShouldBeOfType<ConnexionEchouee>().Poste.ShouldBe(Poste);
            compte = Rejouer(compte, echec.Evenements);
        }
        // The failing client now waits 5 s, then 10 s, 20 s… : during the wait even the right password is not tried.
        compte.Attente(Poste, Maintenant).ShouldBe(TimeSpan.FromSeconds(5));
        var pendant = compte.Connecter(true, Poste, Guid.NewGuid(), Maintenant.AddSeconds(4));
        pendant.Reussie.ShouldBeFalse();
        pendant.Evenements.ShouldBeEmpty();
        pendant.Message.ShouldBe(ResultatConnexion.MessageIncorrect);
        // The owner, on another client, is not slowed at all.
        compte.Attente(AutrePoste, Maintenant).ShouldBe(TimeSpan.Zero);
        compte.Connecter(true, AutrePoste, Guid.NewGuid(), Maintenant).Reussie.ShouldBeTrue();

        compte = Rejouer(compte, compte.Connecter(false, Poste, Guid.NewGuid(), Maintenant.AddSeconds(6)).Evenements);
        compte.Attente(Poste, Maintenant.AddSeconds(6)).ShouldBe(TimeSpan.FromSeconds(10));
        compte.Connecter(true, Poste, Guid.NewGuid(), Maintenant.AddSeconds(17)).Reussie.ShouldBeTrue();
    }

    [Fact]
    public void The_delay_never_exceeds_fifteen_minutes()
    {
        var compte = Approuve();
        var instant = Maintenant;
        for (var i = 0; i < 30; i++)
        {
            instant += compte.Attente(Poste, instant);
            compte = Rejouer(compte, compte.Connecter(false, Poste, Guid.NewGuid(), instant).Evenements);
        }
        compte.Attente(Poste, instant).ShouldBe(Compte.DelaiMaximal);
    }

    [Fact]
    public void The_fifth_consecutive_failure_alerts_the_owner_once()
    {
        var compte = Approuve();
        var alertes = 0;
        for (var i = 0; i < 8; i++)
        {
            // Each failure from its own client: no delay, but the streak counts for the account.
            var echec = compte.Connecter(false, $"P{i}", Guid.NewGuid(), Maintenant);
            alertes += echec.AlerterTitulaire ? 1 : 0;
            (echec.AlerterTitulaire == (i == Compte.EchecsAvantAlerte - 1)).ShouldBeTrue();
            compte = Rejouer(compte, echec.Evenements);
        }
        alertes.ShouldBe(1);
    }

    [Fact]
    public void Every_failure_gets_the_same_answer_until_the_password_is_right()
    {
        var desactive = Approuve();
        desactive = desactive.Apply(desactive.Desactiver(Guid.NewGuid(), Maintenant));
        var invite = Nouveau(hache: null);
        foreach (var compte in new[] { Approuve(), desactive, invite, Nouveau() })
        {
            compte.Connecter(false, Poste, Guid.NewGuid(), Maintenant).Message.ShouldBe(ResultatConnexion.MessageIncorrect);
        }
        // An invited account without a password has nothing to be right against.
        invite.Connecter(true, Poste, Guid.NewGuid(), Maintenant).Message.ShouldBe(ResultatConnexion.MessageIncorrect);
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var compte = Rejouer(Approuve(), Approuve().Connecter(false, Poste, Guid.NewGuid(), Maintenant).Evenements);
        compte.EchecsConsecutifs.ShouldBe(1);
        compte = Rejouer(compte, compte.Connecter(true, Poste, Guid.NewGuid(), Maintenant).Evenements);
        compte.EchecsConsecutifs.ShouldBe(0);
        compte.EchecsParPoste!.ShouldNotContainKey(Poste);
    }

    [Fact]
    public void A_deactivated_account_is_told_so_only_with_the_right_password()
    {
        var compte = Approuve();
        compte = compte.Apply(compte.Desactiver(Guid.NewGuid(), Maintenant));
        var resultat = compte.Connecter(true, Poste, Guid.NewGuid(), Maintenant);
        resultat.Reussie.ShouldBeFalse();
        resultat.Message.ShouldBe("Ce compte est désactivé. Adressez-vous à l'administrateur de votre organisme.");
    }

    [Fact]
    public void An_inscrit_simple_is_pending_until_approved_and_refused_for_good()
    {
        var compte = Nouveau();
        compte.EnAttente.ShouldBeTrue();
        // Pending, it may sign in (to read that it waits), with no right on the organisation (see the principal).
        compte.Connecter(true, Poste, Guid.NewGuid(), Maintenant).Reussie.ShouldBeTrue();

        var admin = new Acteur(Guid.NewGuid(), "h.durand", "Hélène Durand", "", Roles.AdministrateurOrganisme, null);
        var refuse = compte.Apply(compte.Refuser(admin, Maintenant));
        refuse.EnAttente.ShouldBeFalse();
        refuse.Actif.ShouldBeFalse();
        refuse.Connecter(true, Poste, Guid.NewGuid(), Maintenant).Message!.ShouldStartWith("Votre demande de rattachement à l'organisme a été refusée");
        Should.Throw<DomainException>(() => refuse.Approuver(admin, Maintenant)).Message.ShouldContain("déjà été traitée");
        Should.Throw<DomainException>(() => refuse.Reactiver(admin.CompteId, Maintenant)).Message.ShouldContain("ne peut pas être réactivé");

        var approuve = compte.Apply(compte.Approuver(admin, Maintenant));
        approuve.EnAttente.ShouldBeFalse();
        approuve.Rattachement.ShouldBe(EtatRattachement.Rattache);
        Should.Throw<DomainException>(() => approuve.Refuser(admin, Maintenant));
    }

    [Fact]
    public void Accounts_created_by_registration_or_by_an_administrator_are_not_pending() =>
        Compte.Create(Compte.Creer(Guid.NewGuid(), Guid.NewGuid(), new NouveauCompte("h.durand", "h@o.fr", "Hélène", "Durand"),
            Roles.UtilisateurOrganisme, null, OrigineCompte.AjoutParAdministrateur, Guid.NewGuid(), Maintenant)).EnAttente.ShouldBeFalse();

    [Fact]
    public void An_administrator_cannot_deactivate_their_own_account()
    {
        var compte = Nouveau();
        Should.Throw<DomainException>(() => compte.Desactiver(compte.Id, Maintenant)).Message.ShouldBe("Vous ne pouvez pas désactiver votre propre compte.");
    }

    [Fact]
    public void A_reset_link_works_once()
    {
        var compte = Nouveau();
        compte = compte.Apply(compte.DemanderReinitialisation("EMPREINTE", TimeSpan.FromHours(1), Maintenant));
        var defini = compte.Reinitialiser("EMPREINTE", "nouveau", Maintenant.AddMinutes(5));
        compte = compte.Apply(defini);
        compte.MotDePasseHache.ShouldBe("nouveau");
        Should.Throw<DomainException>(() => compte.Reinitialiser("EMPREINTE", "encore", Maintenant.AddMinutes(6)))
            .Message.ShouldStartWith("Ce lien n'est plus valable");
    }

    [Fact]
    public void An_expired_reset_link_is_refused()
    {
        var compte = Nouveau();
        compte = compte.Apply(compte.DemanderReinitialisation("EMPREINTE", TimeSpan.FromHours(1), Maintenant));
        Should.Throw<DomainException>(() => compte.Reinitialiser("EMPREINTE", "nouveau", Maintenant.AddHours(2)))
            .Message.ShouldBe("Ce lien a expiré. Demandez un nouveau lien depuis « Mot de passe oublié ».");
    }

    [Fact]
    public void Only_the_last_reset_link_sent_works()
    {
        var compte = Nouveau();
        compte = compte.Apply(compte.DemanderReinitialisation("PREMIER", TimeSpan.FromHours(1), Maintenant));
        compte = compte.Apply(compte.DemanderReinitialisation("SECOND", TimeSpan.FromHours(1), Maintenant));
        Should.Throw<DomainException>(() => compte.Reinitialiser("PREMIER", "x", Maintenant));
        compte.Reinitialiser("SECOND", "x", Maintenant).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("court1!", "Le mot de passe doit comporter au moins 12 caractères.")]
    [InlineData("seulementdeslettres", "Le mot de passe doit contenir au moins une lettre et un chiffre ou un caractère spécial.")]
    [InlineData("c.martin-2026-secret", "Le mot de passe ne doit pas contenir votre identifiant.")]
    public void Weak_passwords_are_refused_in_french(string motDePasse, string message) =>
        PolitiqueMotDePasse.Erreur(motDePasse, "c.martin").ShouldBe(message);

    [Fact]
    public void A_long_password_with_a_digit_is_accepted() => PolitiqueMotDePasse.Erreur("formation occitanie 2026", "c.martin").ShouldBeNull();
}
