using Sigma.BuildingBlocks.Web;

namespace Sigma.BuildingBlocks.Tests;

public class FrancaisTests
{
    [Theory]
    [InlineData(0, "0 réponse reçue")]
    [InlineData(1, "1 réponse reçue")]
    [InlineData(19, "19 réponses reçues")]
    [InlineData(1200, "1\u202f200 réponses reçues")]
    public void Numbers_agree_as_in_french(long n, string attendu) =>
        Francais.Nombre(n, "réponse reçue", "réponses reçues").ShouldBe(attendu);

    [Fact]
    public void A_regular_plural_takes_an_s() => Francais.Nombre(8, "consultation").ShouldBe("8 consultations");

    [Theory]
    [InlineData(350, "350 o")]
    [InlineData(4608, "4,5 Ko")]
    [InlineData(5 * 1024 * 1024, "5 Mo")]
    [InlineData(1288490189L, "1,2 Go")]
    public void Sizes_take_the_unit_that_fits(long octets, string attendu) => Francais.Taille(octets).ShouldBe(attendu);

    [Fact]
    public void Durations_name_only_what_is_not_zero() =>
        (Francais.Duree(new TimeSpan(3, 1, 19, 0)), Francais.Duree(TimeSpan.FromMinutes(19)), Francais.Duree(TimeSpan.FromSeconds(20)))
            .ShouldBe(("3 jours 1 heure 19 minutes", "19 minutes", "0 minute"));
}
