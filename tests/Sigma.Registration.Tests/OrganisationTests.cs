using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Domain;
using Sigma.Registration.Domain;

namespace Sigma.Registration.Tests;

public class OrganisationTests
{
    private static readonly DateTimeOffset Maintenant = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Registering_an_organisation_creates_its_first_account_as_administrator()
    {
        var (organisation, administrateur) = Organisation.Inscrire(Guid.NewGuid(), Guid.NewGuid(), "732 829 320 00074", " Formation Avenir ", "85.59A",
            new Adresse("1 rue A", null, "34000", "Montpellier"), "0467000000", new NouveauCompte("admin", "a@o.fr", "Ana", "Lopez"), "hache", Maintenant);

        organisation.Siret.ShouldBe("73282932000074");
        organisation.Siren.ShouldBe("732829320");
        organisation.RaisonSociale.ShouldBe("Formation Avenir");
        administrateur.Role.ShouldBe(Roles.AdministrateurOrganisme);
        administrateur.OrganisationId.ShouldBe(organisation.OrganisationId);
        administrateur.Origine.ShouldBe(OrigineCompte.Inscription);
        organisation.InscritePar.ShouldBe(administrateur.CompteId);
    }

    [Fact]
    public void An_organisation_cannot_be_registered_with_a_siren_alone()
    {
        var refus = Should.Throw<DomainException>(() => Organisation.Inscrire(Guid.NewGuid(), Guid.NewGuid(), "732829320", "X", "85.59A",
            new Adresse("1 rue A", null, "34000", "Montpellier"), "0467000000", new NouveauCompte("admin", "a@o.fr", "Ana", "Lopez"), "hache", Maintenant));
        refus.Champ.ShouldBe("Siret");
        refus.Message.ShouldStartWith("Le SIREN seul ne suffit pas");
    }
}
