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
        CompteVerrouille x => c.Apply(x),
        _ => throw new InvalidOperationException(),
    });

    [Fact]
    public void A_correct_password_opens_a_new_session()
    {
        var session = Guid.NewGuid();
        var resultat = Nouveau().Connecter(true, session, Maintenant);
        resultat.Reussie.ShouldBeTrue();
        resultat.Evenements.ShouldHaveSingleItem().ShouldBeOfType<ConnexionReussie>().SessionId.ShouldBe(session);
    }

    [Fact]
    public void The_fifth_failure_locks_the_account_for_fifteen_minutes()
    {
        var compte = Nouveau();
        for (var i = 0; i < 4; i++)
        {
            var echec = compte.Connecter(false, Guid.NewGuid(), Maintenant);
            echec.Evenements.ShouldHaveSingleItem().ShouldBeOfType<ConnexionEchouee>();
            compte = Rejouer(compte, echec.Evenements);
        }
        var cinquieme = compte.Connecter(false, Guid.NewGuid(), Maintenant);
        cinquieme.Evenements.OfType<CompteVerrouille>().ShouldHaveSingleItem().VerrouilleJusqua.ShouldBe(Maintenant.AddMinutes(15));
        compte = Rejouer(compte, cinquieme.Evenements);

        var pendant = compte.Connecter(true, Guid.NewGuid(), Maintenant.AddMinutes(14));
        pendant.Reussie.ShouldBeFalse();
        pendant.Evenements.ShouldBeEmpty();
        pendant.Message!.ShouldStartWith("Ce compte est verrouillé après 5 échecs de connexion");

        compte.Connecter(true, Guid.NewGuid(), Maintenant.AddMinutes(16)).Reussie.ShouldBeTrue();
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var compte = Rejouer(Nouveau(), Nouveau().Connecter(false, Guid.NewGuid(), Maintenant).Evenements);
        compte.EchecsConsecutifs.ShouldBe(1);
        Rejouer(compte, compte.Connecter(true, Guid.NewGuid(), Maintenant).Evenements).EchecsConsecutifs.ShouldBe(0);
    }

    [Fact]
    public void A_deactivated_account_cannot_sign_in()
    {
        var compte = Nouveau();
        compte = compte.Apply(compte.Desactiver(Guid.NewGuid(), Maintenant));
        var resultat = compte.Connecter(true, Guid.NewGuid(), Maintenant);
        resultat.Reussie.ShouldBeFalse();
        resultat.Message.ShouldBe("Ce compte est désactivé. Adressez-vous à l'administrateur de votre organisme.");
    }

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

    [Fact]
    public void An_invited_account_without_a_password_cannot_sign_in_yet() =>
        Nouveau(hache: null).Connecter(false, Guid.NewGuid(), Maintenant).Message!.ShouldStartWith("Ce compte n'est pas encore activé");

    [Theory]
    [InlineData("court1!", "Le mot de passe doit comporter au moins 12 caractères.")]
    [InlineData("seulementdeslettres", "Le mot de passe doit contenir au moins une lettre et un chiffre ou un caractère spécial.")]
    [InlineData("c.martin-2026-secret", "Le mot de passe ne doit pas contenir votre identifiant.")]
    public void Weak_passwords_are_refused_in_french(string motDePasse, string message) =>
        PolitiqueMotDePasse.Erreur(motDePasse, "c.martin").ShouldBe(message);

    [Fact]
    public void A_long_password_with_a_digit_is_accepted() => PolitiqueMotDePasse.Erreur("formation occitanie 2026", "c.martin").ShouldBeNull();
}
