using Sigma.BuildingBlocks.Domain;
using Sigma.Responses.Domain;
using Sigma.Responses.Regles;

namespace Sigma.Responses.Tests;

/// <summary>The response aggregate's decisions, without database: given events, when a command, then events or a French refusal.</summary>
public class ReponseTests
{
    private static readonly DateTimeOffset Maintenant = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly ConsultationConnue Consultation = new()
    {
        Id = Guid.NewGuid(), Reference = "2027-T-001", Intitule = "Test", Dispositif = "PROJET PRO", DateLimite = Maintenant.AddHours(2),
        Lots = [new LotConnu(1, "Lot un", "Hérault", "FORP", 100), new LotConnu(2, "Lot deux", "Gard", "FORP", 100)],
    };

    private static Reponse Commencee() =>
        Reponse.Create(Reponse.Commencer(Guid.NewGuid(), Consultation, Guid.NewGuid(), Guid.NewGuid(), "CFP", "73282932000074", "u", "Ulysse", "u@t.fr", Maintenant));

    private static Reponse Prete()
    {
        var r = Commencee();
        r = r.Apply(r.EnregistrerCandidature("candidat", [1], 0, false, "u", "Ulysse", Maintenant));
        r = r.Apply(new CandidatureValidee(r.Id, "u", "Ulysse", Maintenant));
        var offre = Guid.NewGuid();
        r = r.Apply(r.CreerOffre(offre, 1, Consultation, [2], "u", "Ulysse", Maintenant));
        r = r.Apply(new OffreValidee(r.Id, offre, "u", "Ulysse", Maintenant));
        // The editions printed at validation (the handlers print them; the aggregate only checks they are there and current).
        var candidature = r.Candidature!.Version;
        r = r.Apply(new EditionsGenerees(r.Id, null, [Edition(null, "DC1", candidature, candidature)], "u", "Ulysse", Maintenant));
        return r.Apply(new EditionsGenerees(r.Id, offre, [Edition(offre, "ActeEngagement", r.Offres[0].Etat.Version, candidature)], "u", "Ulysse", Maintenant));
    }

    private static EditionScellee Edition(Guid? offre, string modele, int version, int versionCandidature) =>
        new(Guid.NewGuid(), offre, modele, modele, $"{modele}.pdf", 1000, new string('e', 64), new string('f', 64), version, versionCandidature);

    [Fact]
    public void The_pli_lists_the_current_editions_of_each_form_before_its_pieces_and_refuses_a_form_without_them()
    {
        var r = Prete();
        var envoyee = r.Envoyer(Consultation, new DonneesCandidature(), "u", "U", "u@t.fr", Maintenant);
        envoyee.Fichiers.Select(f => (f.Formulaire, f.Piece, f.Nom)).ShouldBe([("Candidature", "Édition — DC1", "DC1.pdf"), ("Offre lot 1", "Édition — ActeEngagement", "ActeEngagement.pdf")]);
        envoyee.Fichiers.ShouldAllBe(f => f.Stockage != null && f.Stockage.Contains("/editions/"));

        // A change of the candidature makes its editions and those of the offers (which name the candidate) stale.
        var changee = r.Apply(r.EnregistrerCandidature("sites", [7], r.Candidature!.Version, false, "u", "U", Maintenant));
        changee.EditionsDe(null).ShouldBeEmpty();
        changee.EditionsAJour(r.Offres[0].Id).ShouldBeFalse();
        changee = changee.Apply(new CandidatureValidee(r.Id, "u", "U", Maintenant));
        Should.Throw<DomainException>(() => changee.Envoyer(Consultation, new DonneesCandidature(), "u", "U", "", Maintenant))
            .Message.ShouldBe("Les éditions de la candidature n'ont pas été générées : validez de nouveau ce formulaire avant l'envoi.");

        // A piece puts the form back to draft; validated again unchanged, its editions come back as they were.
        var piece = r.Apply(r.DeposerPiece(Guid.NewGuid(), r.Offres[0].Id, CategoriePiece.CvEquipe, "cv.pdf", 10, "ab", "u", "U", Maintenant));
        piece.EditionsDe(r.Offres[0].Id).ShouldBeEmpty();
        piece.EditionsAJour(r.Offres[0].Id).ShouldBeTrue();
        piece.Apply(new OffreValidee(r.Id, r.Offres[0].Id, "u", "U", Maintenant)).EditionsDe(r.Offres[0].Id).ShouldHaveSingleItem().Nom.ShouldBe("ActeEngagement.pdf");
    }

    [Fact]
    public void A_response_cannot_be_started_once_the_deadline_has_passed() =>
        Should.Throw<DomainException>(() => Reponse.Commencer(Guid.NewGuid(), Consultation, Guid.NewGuid(), Guid.NewGuid(), "", "", "u", "U", "", Consultation.DateLimite))
            .Message.ShouldBe("La date limite de remise des réponses est passée : cette consultation n'accepte plus de réponse.");

    [Fact]
    public void Sending_at_the_deadline_instant_is_refused_and_one_tick_before_is_accepted()
    {
        var r = Prete();
        Should.Throw<DomainException>(() => r.Envoyer(Consultation, new DonneesCandidature(), "u", "U", "", Consultation.DateLimite))
            .Message.ShouldContain("est passée : la réponse ne peut plus être envoyée.");
        var envoyee = r.Envoyer(Consultation, new DonneesCandidature(), "u", "U", "u@t.fr", Consultation.DateLimite.AddTicks(-1));
        envoyee.Le.ShouldBe(Consultation.DateLimite.AddTicks(-1));
        envoyee.Lots.ShouldBe([1]);
        envoyee.Organisation.ShouldBe("CFP");
    }

    [Fact]
    public void Sending_needs_a_validated_candidature_and_no_offer_left_in_draft()
    {
        var r = Commencee();
        Should.Throw<DomainException>(() => r.Envoyer(Consultation, new(), "u", "U", "", Maintenant)).Message.ShouldBe("La candidature doit être validée avant l'envoi.");
        r = Prete();
        var brouillon = Guid.NewGuid();
        r = r.Apply(r.CreerOffre(brouillon, 2, Consultation, [3], "u", "U", Maintenant));
        Should.Throw<DomainException>(() => r.Envoyer(Consultation, new(), "u", "U", "", Maintenant))
            .Message.ShouldBe("L'offre du lot 2 est en brouillon : validez-la ou supprimez-la avant l'envoi.");
    }

    [Fact]
    public void After_sending_every_change_is_refused_by_the_aggregate()
    {
        var r = Prete();
        r = r.Apply(r.Envoyer(Consultation, new DonneesCandidature(), "u", "U", "", Maintenant));
        var offre = r.Offres[0].Id;
        var refus = new Action[]
        {
            () => r.EnregistrerCandidature("sites", [9], r.Candidature!.Version, false, "u", "U", Maintenant),
            () => r.ValiderCandidature(Validation.Candidature(new DonneesCandidature(), new HashSet<CategoriePiece>()), "u", "U", Maintenant),
            () => r.CreerOffre(Guid.NewGuid(), 2, Consultation, [9], "u", "U", Maintenant),
            () => r.EnregistrerOffre(offre, "prix", [9], r.Offres[0].Etat.Version, "u", "U", Maintenant),
            () => r.SupprimerOffre(offre, "u", "U", Maintenant),
            () => r.DeposerPiece(Guid.NewGuid(), null, CategoriePiece.Pouvoirs, "p.pdf", 1, "", "u", "U", Maintenant),
            () => r.Envoyer(Consultation, new DonneesCandidature(), "u", "U", "", Maintenant),
        };
        foreach (var action in refus)
        {
            Should.Throw<DomainException>(action).Message.ShouldBe("La réponse est envoyée : elle est définitive et ne peut plus être modifiée.");
        }
    }

    [Fact]
    public void A_save_on_a_stale_version_names_who_saved_in_between()
    {
        var r = Commencee();
        r = r.Apply(r.EnregistrerCandidature("candidat", [1], 0, false, "marie", "Marie Martin", Maintenant));
        var refus = Should.Throw<EnregistrementConcurrentException>(() => r.EnregistrerCandidature("candidat", [2], 0, false, "paul", "Paul", Maintenant));
        refus.Message.ShouldStartWith("Marie Martin (marie) a enregistré ce formulaire le 28/11/2026 à 11:00");
    }

    [Fact]
    public void A_piece_puts_its_form_back_to_draft()
    {
        var r = Prete();
        var offre = r.Offres[0].Id;
        r = r.Apply(r.DeposerPiece(Guid.NewGuid(), offre, CategoriePiece.AutreOffre, "plus.pdf", 10, "ab", "u", "U", Maintenant));
        r.Offres[0].Etat.Statut.ShouldBe(StatutFormulaire.Brouillon);
        r.StatutCandidature.ShouldBe(StatutFormulaire.Valide);
    }

    [Fact]
    public void Projet_pro_offers_start_with_the_guide_s_two_blocks_of_two_modules_and_the_candidature_s_sites()
    {
        var candidature = new DonneesCandidature { Sites = [new SiteCandidature { Nom = "3 rue Haute", CodePostal = "34000", Commune = "Montpellier" }] };
        var offre = Preremplissage.NouvelleOffre(candidature, Consultation, 1);
        offre.Sites.Single().Nom.ShouldBe("3 rue Haute");
        var composante = offre.Composantes.Single();
        composante.Formacode.ShouldBe("15062");
        composante.Blocs.Select(b => b.Intitule).ShouldBe(["Bloc de compétences transversales", "Bloc de compétences professionnelles"]);
        composante.Modules.Select(m => (m.Numero, m.Bloc)).ShouldBe([("1", "1"), ("2", "1"), ("3", "2"), ("4", "2")]);
        Validation.FormeOffre(offre).ShouldBeEmpty();
    }
}
