using Sigma.Registration.Domain;
using Sigma.Registration.Infrastructure;

namespace Sigma.Registration.Tests;

public class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("44306184100047")]
    public void A_siret_with_valid_luhn_keys_is_accepted(string siret) => Siret.Erreur(siret).ShouldBeNull();

    [Fact]
    public void A_siret_with_a_wrong_luhn_key_is_refused() =>
        Siret.Erreur("73282932000075").ShouldBe("Ce SIRET n'existe pas : sa clé de contrôle est incorrecte. Vérifiez les 14 chiffres.");

    [Fact]
    public void A_siret_whose_siren_part_fails_luhn_is_refused()
    {
        // 14 digits that pass Luhn as a whole but whose first 9 digits (SIREN) do not.
        var siret = Enumerable.Range(0, 10).Select(d => $"1234567890000{d}").First(s => Siret.Luhn(s));
        Siret.Luhn(siret[..9]).ShouldBeFalse();
        Siret.EstValide(siret).ShouldBeFalse();
    }

    [Fact]
    public void A_siren_alone_is_refused_with_an_explanation() =>
        Siret.Erreur("732829320").ShouldBe("Le SIREN seul ne suffit pas pour créer un compte : saisissez le SIRET à 14 chiffres de l'établissement (SIREN + NIC).");

    [Fact]
    public void Letters_are_refused() =>
        Siret.Erreur("7328293200007A").ShouldBe("Le SIRET ne doit contenir que des chiffres (14 chiffres, espaces acceptés).");

    [Fact]
    public void A_wrong_length_says_how_many_digits_were_typed() =>
        Siret.Erreur("7328293200").ShouldBe("Le SIRET doit comporter 14 chiffres (vous en avez saisi 10).");

    [Fact]
    public void An_empty_siret_is_required() => Siret.Erreur("  ").ShouldBe("Le SIRET est obligatoire.");

    [Theory]
    [InlineData("35600000000048")] // La Poste's head office also passes Luhn
    [InlineData("35600000049837")] // a La Poste establishment: digit sum 50, fails Luhn
    public void La_poste_establishments_follow_the_sum_of_digits_rule(string siret)
    {
        Siret.EstValide(siret).ShouldBeTrue();
    }

    [Fact]
    public void A_la_poste_siret_whose_digit_sum_is_not_a_multiple_of_5_is_refused()
    {
        Siret.EstValide("35600000049838").ShouldBeFalse();
        Siret.Luhn("35600000049837").ShouldBeFalse();
    }

    [Fact]
    public void The_siren_is_the_first_nine_digits() => Siret.Siren("732 829 320 00074").ShouldBe("732829320");
}

public class NomenclatureNafTests
{
    [Theory]
    [InlineData("8559A", "85.59A")]
    [InlineData("85.59a", "85.59A")]
    [InlineData(" 85 59 B ", "85.59B")]
    public void Ape_codes_are_normalised_to_the_insee_form(string saisie, string attendu) => NomenclatureNaf.Normaliser(saisie).ShouldBe(attendu);

    [Theory]
    [InlineData("855")]
    [InlineData("ABCDE")]
    [InlineData("85599")]
    public void Malformed_codes_are_not_ape_codes(string saisie) => NomenclatureNaf.Normaliser(saisie).ShouldBeNull();

    [Fact]
    public void The_nomenclature_holds_the_732_sous_classes_with_their_labels()
    {
        NomenclatureNaf.Nombre.ShouldBe(732);
        NomenclatureNaf.Libelle("85.59A").ShouldBe("Formation continue d'adultes");
    }

    [Fact]
    public void A_well_formed_code_missing_from_naf_rev2_does_not_exist() => NomenclatureNaf.Existe("85.59Z").ShouldBeFalse();
}
