using Sigma.Publication.Decp;

namespace Sigma.Publication.Tests;

public class DecpTests
{
    private static readonly DecpOptions Options = new() { AcheteurSiret = "200 053 726 00019" };
    private static readonly DateTimeOffset Maintenant = new(2027, 1, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_essential_data_of_a_notified_contract_validate_against_the_xml_and_the_json_schemas()
    {
        var marches = new[] { MarcheNotifie.Depuis(Offres.Groupement(), Options, Maintenant), MarcheNotifie.Depuis(Offres.Groupement(), Options, Maintenant) };
        marches.ShouldAllBe(m => m.EstPubliable);
        var m = marches[0];
        m.Montant.ShouldBe(300_000m);
        m.DureeMois.ShouldBe(8);
        m.IdMarche.Length.ShouldBeLessThanOrEqualTo(16);
        m.IdMarche.ShouldStartWith("2027PP003L2-");
        m.TypeGroupementOperateurs.ShouldBe("Solidaire");
        m.Titulaires.Select(t => t.Id).ShouldBe(["73282932000074", "44306184100047"]);
        m.Procedure.ShouldBe("Appel d'offres ouvert");
        m.DateNotification.ShouldBe(new DateOnly(2027, 1, 15));
        m.OffresRecues.ShouldBe(3);

        var json = FormatsDecp.DocumentJson(marches);
        FormatsDecp.ValiderJson(json).ShouldBeEmpty();
        json.ShouldContain("\"montant\": 300000");
        var xml = FormatsDecp.DocumentXml(marches);
        FormatsDecp.ValiderXml(xml).ShouldBeEmpty();
        xml.ShouldContain("<montant>300000.00</montant>");
    }

    [Fact]
    public void Recorded_essential_data_are_checked_against_both_schemas_before_they_are_served()
    {
        Sigma.Publication.Integration.QuandOffreAttribuee.DonneesEssentielles(Offres.Groupement(), Options, Maintenant).Manques.ShouldBeEmpty();
        var sansLieu = Offres.Groupement() with { Sites = [] };
        sansLieu = sansLieu with { Organisme = sansLieu.Organisme with { CodePostal = null } };
        Sigma.Publication.Integration.QuandOffreAttribuee.DonneesEssentielles(sansLieu, Options, Maintenant).Manques
            .ShouldBe(["Lieu d'exécution : code postal d'un site (onglet Sites de l'offre)"]);
    }

    [Fact]
    public void Without_the_buyer_siret_the_record_names_the_setting_and_is_not_published()
    {
        var m = MarcheNotifie.Depuis(Offres.Groupement(), new DecpOptions(), Maintenant);
        m.EstPubliable.ShouldBeFalse();
        m.Manques.ShouldBe(["SIRET de l'acheteur (réglage Decp:AcheteurSiret de la Région)"]);
    }

    [Fact]
    public void The_schemas_catch_what_is_wrong()
    {
        var m = MarcheNotifie.Depuis(Offres.Groupement(), Options, Maintenant);
        m.Procedure = "Procédure inventée";
        FormatsDecp.ValiderJson(FormatsDecp.DocumentJson([m])).ShouldNotBeEmpty();
        FormatsDecp.ValiderXml(FormatsDecp.DocumentXml([m])).ShouldNotBeEmpty();
    }
}
