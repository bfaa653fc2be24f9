using Sigma.BuildingBlocks.Domain;
using Sigma.Consultations.Domain;

namespace Sigma.Consultations.Tests;

public class ConsultationTests
{
    private static readonly DateTimeOffset Maintenant = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly Lot[] UnLot = [new(1, "Maçon", "Aude", UniteOeuvre.Forp, 48)];
    private static readonly FichierDce Rc = new(Guid.NewGuid(), "RC.pdf", 1000, "abc", "application/pdf");

    private static Consultation Brouillon(DateTimeOffset? dateLimite = null) =>
        Consultation.Create(Consultation.Creer(Guid.NewGuid(), "REF-1", "Bâtiment", "Objet", "PARCOURS QUALIFIANTS", "Appel d'offres ouvert",
            UnLot, dateLimite ?? Maintenant.AddDays(30), "contact", "agent", Maintenant));

    private static Consultation Publiee()
    {
        var c = Brouillon();
        c = c.Apply(c.DeposerDce("", [Rc], "agent", Maintenant));
        return c.Apply(c.Publier("agent", Maintenant));
    }

    [Fact]
    public void A_consultation_without_lots_is_refused() =>
        Should.Throw<DomainException>(() => Consultation.Creer(Guid.NewGuid(), "R", "I", "O", "E2C", "P", [], Maintenant.AddDays(1), "c", "a", Maintenant))
            .Message.ShouldBe("Une consultation comporte au moins un lot.");

    [Fact]
    public void A_deadline_in_the_past_is_refused() =>
        Should.Throw<DomainException>(() => Brouillon(Maintenant.AddMinutes(-1))).Champ.ShouldBe("DateLimite");

    [Fact]
    public void Two_lots_with_the_same_number_are_refused() =>
        Should.Throw<DomainException>(() => Consultation.Creer(Guid.NewGuid(), "R", "I", "O", "E2C", "P", [UnLot[0], UnLot[0]], Maintenant.AddDays(1), "c", "a", Maintenant))
            .Message.ShouldBe("Deux lots ne peuvent pas porter le même numéro.");

    [Fact]
    public void Publishing_needs_a_dce() =>
        Should.Throw<DomainException>(() => Brouillon().Publier("agent", Maintenant)).Message.ShouldBe("Déposez le DCE avant de publier la consultation.");

    [Fact]
    public void Each_dce_change_is_a_new_version_with_a_note_and_the_old_versions_stay()
    {
        var c = Publiee();
        Should.Throw<DomainException>(() => c.DeposerDce(" ", [Rc], "agent", Maintenant)).Champ.ShouldBe("Note");
        var v2 = c.DeposerDce("CCTP corrigé", [Rc, Rc with { FichierId = Guid.NewGuid(), Nom = "CCTP.pdf" }], "agent", Maintenant.AddDays(1));
        v2.Version.ShouldBe(2);
        c = c.Apply(v2);
        c.VersionsDce.Select(v => v.Numero).ShouldBe([1, 2]);
        c.DceCourant!.Fichiers.Count.ShouldBe(2);
    }

    [Fact]
    public void Two_files_with_the_same_name_in_one_version_are_refused() =>
        Should.Throw<DomainException>(() => Brouillon().DeposerDce("", [Rc, Rc with { FichierId = Guid.NewGuid() }], "agent", Maintenant))
            .Message.ShouldBe("Deux fichiers du DCE ne peuvent pas porter le même nom.");

    [Fact]
    public void The_deadline_can_only_move_later_and_before_it_passes()
    {
        var c = Publiee();
        Should.Throw<DomainException>(() => c.Proroger(c.DateLimite.AddDays(-1), "motif", "agent", Maintenant)).Champ.ShouldBe("NouvelleDate");
        var prorogee = c.Proroger(c.DateLimite.AddDays(7), "Questions nombreuses", "agent", Maintenant);
        prorogee.AncienneDate.ShouldBe(c.DateLimite);
        Should.Throw<DomainException>(() => c.Proroger(c.DateLimite.AddDays(7), "trop tard", "agent", c.DateLimite.AddSeconds(1)))
            .Message.ShouldBe("La date limite est déjà passée : elle ne peut plus être prorogée.");
    }

    [Fact]
    public void Questions_are_refused_once_the_consultation_is_closed()
    {
        var c = Publiee();
        Should.Throw<DomainException>(() => c.PoserQuestion(Guid.NewGuid(), "?", Guid.NewGuid(), "u", "u@o.fr", null, c.DateLimite))
            .Message.ShouldBe("La consultation est clôturée : il n'est plus possible de poser une question.");
    }

    [Fact]
    public void A_question_is_answered_once()
    {
        var c = Publiee();
        var posee = c.PoserQuestion(Guid.NewGuid(), "Les sites ?", Guid.NewGuid(), "u", "u@o.fr", null, Maintenant);
        c = c.Apply(posee);
        c = c.Apply(c.Repondre(posee.QuestionId, "Oui.", "agent", Maintenant));
        c.Questions.Single().Reponse.ShouldBe("Oui.");
        Should.Throw<DomainException>(() => c.Repondre(posee.QuestionId, "Encore", "agent", Maintenant)).Message.ShouldBe("Cette question a déjà reçu une réponse publiée.");
    }
}

public class DeposerDceTests
{
    [Fact]
    public async Task An_oversize_file_is_refused_before_anything_is_stored()
    {
        var handler = new Sigma.Consultations.Features.GererConsultation.DeposerDceHandler(null!, null!, TimeProvider.System);
        var tropGros = new Sigma.Consultations.Features.GererConsultation.FichierEnvoye("enorme.pdf", Consultation.TailleMaxFichier + 1L, "application/pdf",
            () => throw new InvalidOperationException("ne doit pas être lu"));
        var refus = await Should.ThrowAsync<DomainException>(() =>
            handler.Handle(new(Guid.NewGuid(), null, [], [tropGros], Sigma.BuildingBlocks.Contracts.Acteur.Sigma), CancellationToken.None));
        refus.Message.ShouldBe("Le fichier « enorme.pdf » dépasse la taille maximale de 200 Mo.");
    }
}
