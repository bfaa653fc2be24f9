using Sigma.Referentials.Domain;

namespace Sigma.Referentials.Tests;

public class RechercheTests(BaseReferentiels @base) : IClassFixture<BaseReferentiels>
{
    [Fact]
    public async Task The_shipped_nomenclatures_are_all_loaded()
    {
        (await @base.Entrepot.CompterAsync(Nomenclature.Formacode, default)).ShouldBeGreaterThan(3000);
        (await @base.Entrepot.CompterAsync(Nomenclature.Nsf, default)).ShouldBe(93);
        (await @base.Entrepot.CompterAsync(Nomenclature.Rome, default)).ShouldBe(532);
        (await @base.Entrepot.CompterAsync(Nomenclature.Rncp, default)).ShouldBe(17);
        (await @base.Entrepot.CompterAsync(Nomenclature.Certifinfo, default)).ShouldBe(1);
    }

    [Fact]
    public async Task Loading_again_at_start_adds_nothing_even_when_forced()
    {
        var avant = await ComptesAsync();
        await @base.Chargement.StartAsync(default);
        (await ComptesAsync()).ShouldBe(avant);
        await @base.Chargement.ChargerAsync(forcer: true, default);
        (await ComptesAsync()).ShouldBe(avant);
    }

    [Fact]
    public async Task Maco_finds_maconnerie_22334_first()
    {
        var resultats = await @base.ChercherAsync(Nomenclature.Formacode, "maco");
        resultats[0].Code.ShouldBe("22334");
        resultats[0].Libelle.ShouldBe("maçonnerie");
        resultats.Count.ShouldBeLessThanOrEqualTo(15);
        resultats.ShouldAllBe(e => e.Libelle.Contains("maçon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_code_typed_in_full_finds_its_entry()
    {
        var resultats = await @base.ChercherAsync(Nomenclature.Formacode, "15062");
        resultats.Select(e => (e.Code, e.Libelle.ToUpperInvariant())).ShouldBe([("15062", "ORIENTATION PROFESSIONNELLE")]);
        (await @base.ChercherAsync(Nomenclature.Formacode, "22334"))[0].Code.ShouldBe("22334");
    }

    [Theory]
    [InlineData("ma")]
    [InlineData("15")]
    [InlineData("  ")]
    [InlineData(null)]
    public async Task Fewer_than_three_characters_return_nothing(string? saisie) =>
        (await @base.ChercherAsync(Nomenclature.Formacode, saisie)).ShouldBeEmpty();

    [Theory]
    [InlineData("MAÇONNERIE")]
    [InlineData("maconnerie")]
    [InlineData("Maçon")]
    public async Task Accents_and_case_are_ignored(string saisie) =>
        (await @base.ChercherAsync(Nomenclature.Formacode, saisie))[0].Code.ShouldBe("22334");

    [Fact]
    public async Task Several_words_must_each_begin_a_word_of_the_label()
    {
        (await @base.ChercherAsync(Nomenclature.Formacode, "orientation prof")).Select(e => e.Code).ShouldContain("15062");
        (await @base.ChercherAsync(Nomenclature.Rome, "bucheronnage elag")).Select(e => e.Code).ShouldBe(["A1201"]);
        (await @base.ChercherAsync(Nomenclature.Nsf, "génie clim")).Select(e => e.Code).ShouldContain("227");
    }

    [Fact]
    public async Task Each_nomenclature_is_searched_on_its_own()
    {
        (await @base.ChercherAsync(Nomenclature.Rome, "maçon")).ShouldAllBe(e => e.Code.StartsWith('F'));
        (await @base.ChercherAsync(Nomenclature.Nsf, "22334")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_rncp_sample_is_found_by_number_with_or_without_its_prefix_and_by_title()
    {
        var formateur = (await @base.ChercherAsync(Nomenclature.Rncp, "formateur adultes")).ShouldHaveSingleItem();
        formateur.ShouldBe(new Contracts.EntreeReferentiel("RNCP37275", "TP - Formateur professionnel d'adultes", "5"));
        (await @base.ChercherAsync(Nomenclature.Rncp, "37274"))[0].Code.ShouldBe("RNCP37274");
        (await @base.ChercherAsync(Nomenclature.Rncp, "rncp3727")).Select(e => e.Code).ShouldBe(["RNCP37274", "RNCP37275"], ignoreOrder: true);
        (await @base.ChercherAsync(Nomenclature.Certifinfo, "maçon"))[0].Code.ShouldBe("120412");
    }

    private async Task<int[]> ComptesAsync() =>
        await Task.WhenAll(Nomenclature.Toutes.Select(n => @base.Entrepot.CompterAsync(n, default)));
}
