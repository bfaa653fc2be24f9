namespace Sigma.Publication.Tests;

public class PublicationOffreTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static PublicationOffre Preparee(IReadOnlyList<string>? manques = null) =>
        PublicationOffre.Create(new PublicationPreparee(Id, Guid.NewGuid(), "2027-PP-003", 1, "Lot Est", "FOA", "Projet Pro", 1,
            manques is { Count: > 0 } ? null : "<formation/>", manques ?? [], T0));

    [Fact]
    public void The_outcome_of_an_older_version_does_not_change_the_state_of_the_version_asked_again()
    {
        var p = Preparee().Apply(new EnvoiCommence(Id, 1, T0));
        var renvoi = p.Renvoyer("agent.region", T0.AddMinutes(1));
        renvoi.Version.ShouldBe(2);
        p = p.Apply(renvoi).Apply(new PublicationEnvoyee(Id, 1, 202, T0.AddMinutes(2)));
        p.Etat.ShouldBe(EtatPublication.EnAttente);
        p.PeutEnvoyer(2, T0.AddMinutes(2)).ShouldBeTrue();
        p.PeutEnvoyer(1, T0.AddMinutes(2)).ShouldBeFalse();
        p.CleIdempotence.ShouldBe($"sigma-{Id:N}-v2");
    }

    [Fact]
    public void A_withdrawn_or_incomplete_offer_cannot_be_sent_again()
    {
        var retiree = Preparee().Apply(new PublicationRetiree(Id, "agent.region", T0));
        retiree.EstPubliee.ShouldBeFalse();
        Should.Throw<DomainException>(() => retiree.Renvoyer("agent.region", T0)).Message.ShouldBe("Cette offre est retirée de la diffusion : elle ne peut pas être renvoyée.");
        Should.Throw<DomainException>(() => retiree.Retirer("agent.region", T0)).Message.ShouldBe("Cette offre est déjà retirée de la diffusion.");
        var incomplete = Preparee(["Rythme de la formation (onglet Pédagogie)"]);
        incomplete.Etat.ShouldBe(EtatPublication.Incomplete);
        incomplete.EstPubliee.ShouldBeFalse();
        Should.Throw<DomainException>(() => incomplete.Renvoyer("agent.region", T0)).Message
            .ShouldBe("Cette offre ne peut pas être publiée : Rythme de la formation (onglet Pédagogie).");
    }

    [Fact]
    public void A_push_lost_in_a_crash_may_run_again_after_a_while_under_the_same_key()
    {
        var p = Preparee().Apply(new EnvoiCommence(Id, 1, T0));
        p.PeutEnvoyer(1, T0.AddMinutes(5)).ShouldBeFalse();
        p.PeutEnvoyer(1, T0.AddMinutes(16)).ShouldBeTrue();
    }
}
