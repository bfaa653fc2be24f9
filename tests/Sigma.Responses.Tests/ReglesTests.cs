using CsCheck;
using Sigma.Responses.Domain;
using Sigma.Responses.Regles;

namespace Sigma.Responses.Tests;

public class NumerotationTests
{
    [Fact]
    public void Strictly_ascending_positive_numbers_are_accepted()
    {
        Gen.Int[1, 50].Array[1, 12].Sample(ecarts =>
        {
            var n = 0;
            var numeros = ecarts.Select(e => (string?)(n += e).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Numerotation.Verifier(numeros, "le module").ShouldAllBe(e => e == null);
        });
    }

    [Fact]
    public void A_duplicate_is_always_reported_at_its_second_occurrence()
    {
        Gen.Select(Gen.Int[1, 999].List[1, 10], Gen.Int[0, 9]).Sample((valeurs, position) =>
        {
            var numeros = valeurs.OrderBy(v => v).Distinct().Select(v => (string?)v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var i = position % numeros.Count;
            numeros.Insert(i + 1, numeros[i]);
            Numerotation.Verifier(numeros, "le module")[i + 1].ShouldBe($"Le numéro {numeros[i]} est déjà utilisé : chaque numéro ne sert qu'une fois.");
        });
    }

    [Fact]
    public void Any_descent_is_reported_and_only_descents_and_duplicates_are()
    {
        Gen.Int[1, 30].List[2, 10].Sample(valeurs =>
        {
            var numeros = valeurs.Select(v => (string?)v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var erreurs = Numerotation.Verifier(numeros, "le module");
            for (var i = 1; i < valeurs.Count; i++)
            {
                var attendu = valeurs[i] < valeurs[i - 1] || valeurs.Take(i).Contains(valeurs[i]);
                (erreurs[i] is not null).ShouldBe(attendu, $"position {i} de [{string.Join(", ", valeurs)}]");
            }
            erreurs[0].ShouldBeNull();
        });
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("un")]
    public void A_number_that_is_not_a_positive_integer_is_refused(string numero) =>
        Numerotation.Verifier([numero], "le module")[0].ShouldBe("Le numéro est un nombre entier positif (1, 2, 3…).");

    [Fact]
    public void A_missing_number_asks_to_number_the_item() =>
        Numerotation.Verifier(["1", " "], "le module")[1].ShouldBe("Numérotez le module.");
}

public class IbanTests
{
    private static readonly Gen<string> Bban = Gen.Char["0123456789"].Array[23].Select(c => new string(c));

    [Fact]
    public void Every_iban_built_with_its_key_is_valid_whatever_its_spacing() =>
        Bban.Sample(bban =>
        {
            var iban = Iban.Construire("FR", bban);
            Iban.EstValide(iban).ShouldBeTrue(iban);
            Iban.EstValide(string.Join(' ', iban.Chunk(4).Select(c => new string(c))).ToLowerInvariant()).ShouldBeTrue();
        });

    [Fact]
    public void Changing_any_single_digit_breaks_the_key() =>
        Gen.Select(Bban, Gen.Int[4, 26], Gen.Int[1, 9]).Sample((bban, position, delta) =>
        {
            var iban = Iban.Construire("FR", bban).ToCharArray();
            iban[position] = (char)('0' + (iban[position] - '0' + delta) % 10);
            Iban.EstValide(new string(iban)).ShouldBeFalse(new string(iban));
        });

    [Fact]
    public void Swapping_two_different_adjacent_digits_breaks_the_key() =>
        Gen.Select(Bban, Gen.Int[4, 25]).Sample((bban, position) =>
        {
            var iban = Iban.Construire("FR", bban).ToCharArray();
            if (iban[position] == iban[position + 1])
            {
                return;
            }
            (iban[position], iban[position + 1]) = (iban[position + 1], iban[position]);
            Iban.EstValide(new string(iban)).ShouldBeFalse(new string(iban));
        });

    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", null)]
    [InlineData("FR76 3000 6000 0112 3456 7890 188", "La clé de l'IBAN est fausse : vérifiez chaque caractère.")]
    [InlineData("FR76 3000 6000 0112 3456 7890", "Un IBAN FR compte 27 caractères ; celui-ci en compte 24.")]
    [InlineData("3000 6000 0112", "L'IBAN n'a pas la forme attendue (ex. : FR76 3000 6000 0112 3456 7890 189).")]
    public void Known_ibans_get_the_expected_french_message(string iban, string? message) => Iban.Erreur(iban).ShouldBe(message);
}
