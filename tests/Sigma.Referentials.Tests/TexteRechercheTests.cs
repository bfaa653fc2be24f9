using Sigma.Referentials.Domain;

namespace Sigma.Referentials.Tests;

public class TexteRechercheTests
{
    [Theory]
    [InlineData("Maçonnerie", "maconnerie")]
    [InlineData("  ŒUVRE  d'art — Bûcheronnage ", "oeuvre d art bucheronnage")]
    [InlineData("Chimie-biologie, biochimie", "chimie biologie biochimie")]
    public void Accents_case_and_punctuation_are_removed(string texte, string attendu) =>
        TexteRecherche.Normaliser(texte).ShouldBe(attendu);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ma")]
    [InlineData(" m - a ")]
    [InlineData("--- ''")]
    public void Fewer_than_three_letters_or_digits_ask_for_nothing(string? saisie) =>
        TexteRecherche.RequetePrefixes(saisie).ShouldBeNull();

    [Fact]
    public void Every_word_typed_is_a_prefix_and_small_words_are_dropped_unless_typed_last()
    {
        TexteRecherche.RequetePrefixes("Maço").ShouldBe("maco:*");
        TexteRecherche.RequetePrefixes("plan d'expérience").ShouldBe("plan:* & experience:*");
        TexteRecherche.RequetePrefixes("technicien de").ShouldBe("technicien:* & de:*");
        TexteRecherche.RequeteExacte("orientation pro").ShouldBe("orientation & pro");
    }

    [Fact]
    public void Operators_typed_never_reach_the_query() =>
        TexteRecherche.RequetePrefixes("maco:* | !(x) & <->").ShouldBe("maco:* & x:*");

    [Fact]
    public void An_rncp_entry_is_found_by_its_number_with_or_without_the_prefix() =>
        TexteRecherche.Document("RNCP37275", "TP - Formateur professionnel d'adultes").ShouldBe("rncp37275 37275 tp formateur professionnel d adultes");

    [Theory]
    [InlineData("NIV5", "5")]
    [InlineData("Niveau 3", "3")]
    [InlineData("", null)]
    [InlineData("SANS NIVEAU", null)]
    public void The_european_level_is_read_from_its_usual_spellings(string valeur, string? attendu) =>
        TexteRecherche.Niveau(valeur).ShouldBe(attendu);
}
