using System.Text;
using Sigma.Referentials.Infrastructure.Formats;

namespace Sigma.Referentials.Tests;

public class LecteurCsvTests
{
    private static List<string[]> Lire(string texte, char separateur = ';') => [.. LecteurCsv.Enregistrements(new StringReader(texte), separateur)];

    [Fact]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks()
    {
        var lignes = Lire("a;\"b;c\";\"dit \"\"oui\"\"\"\r\n\"sur\ndeux lignes\";;x\n\n");
        lignes.Count.ShouldBe(2);
        lignes[0].ShouldBe(["a", "b;c", "dit \"oui\""]);
        lignes[1].ShouldBe(["sur\ndeux lignes", "", "x"]);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_windows_1252_is_read_when_the_file_is_not_utf8()
    {
        LecteurCsv.Ouvrir([0xEF, 0xBB, 0xBF, .. "Numéro"u8.ToArray()]).ReadToEnd().ShouldBe("Numéro");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        LecteurCsv.Ouvrir(Encoding.GetEncoding(1252).GetBytes("Maçon œuvre")).ReadToEnd().ShouldBe("Maçon œuvre");
    }

    [Theory]
    [InlineData("Id_Fiche;Numero_Fiche;\"Intitule, long\"", ';')]
    [InlineData("rome_id|rome_label", '|')]
    [InlineData("id,intitule,niveau_europeen", ',')]
    [InlineData("code\tlibelle", '\t')]
    public void The_separator_is_found_from_the_header(string enTete, char attendu) =>
        LecteurCsv.DetecterSeparateur(enTete).ShouldBe(attendu);

    [Fact]
    public void Columns_are_found_whatever_their_case_accents_or_punctuation()
    {
        var enTetes = new EnTetes(["\uFEFFId_Fiche", "Numéro Fiche", "INTITULE"]);
        enTetes.Colonne("Numero_Fiche").ShouldBe(1);
        enTetes.Colonne("id_fiche").ShouldBe(0);
        enTetes.Colonne("Actif").ShouldBe(-1);
        enTetes.Colonne("Libelle", "Intitule").ShouldBe(2);
    }
}
