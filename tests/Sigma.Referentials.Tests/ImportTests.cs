using System.Text;
using Sigma.Referentials.Domain;

namespace Sigma.Referentials.Tests;

public class ImportTests(BaseReferentiels @base) : IClassFixture<BaseReferentiels>
{
    // The shape of France Compétences' "Standard" export: BOM, quoted fields, more columns than Sigma reads.
    private const string Standard =
        "\uFEFF\"Id_Fiche\";\"Numero_Fiche\";\"Intitule\";\"Abrege_Libelle\";\"Abrege_Intitule\";\"Nomenclature_Europe_Niveau\";\"Nomenclature_Europe_Intitule\";\"Date_Fin_Enregistrement\";\"Actif\"\r\n" +
        "\"38001\";\"RNCP39901\";\"Maçon du bâti ancien ; restauration\";\"TP\";\"Titre professionnel\";\"NIV3\";\"Niveau 3\";\"01/01/2029\";\"ACTIVE\"\r\n" +
        "\"38002\";\"RNCP39902\";\"Chargé d'accompagnement \"\"social\"\" et professionnel\";\"\";\"\";\"NIV5\";\"Niveau 5\";\"01/01/2029\";\"ACTIVE\"\r\n" +
        "\"38003\";\"RNCP39903\";\"Couvreur zingueur\";\"TP\";\"Titre professionnel\";\"NIV3\";\"Niveau 3\";\"01/01/2020\";\"INACTIVE\"\r\n" +
        "\"38004\";\"RS9901\";\"Habilitation électrique\";\"\";\"\";\"\";\"\";\"01/01/2029\";\"ACTIVE\"\r\n" +
        "\"38005\";\"RNCP37275\";\"Formateur professionnel d'adultes (FPA)\";\"TP\";\"Titre professionnel\";\"NIV5\";\"Niveau 5\";\"29/04/2028\";\"ACTIVE\"\r\n";

    private static async Task<string> FichierAsync(string contenu, Encoding? encodage = null)
    {
        var chemin = Path.Combine(Path.GetTempPath(), $"sigma-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(chemin, (encodage ?? new UTF8Encoding(false)).GetBytes(contenu));
        return chemin;
    }

    private async Task<(int Code, string Sortie)> ImporterAsync(string commande, string contenu)
    {
        var chemin = await FichierAsync(contenu);
        try
        {
            var sortie = new StringWriter();
            var code = await ReferentialsModule.ExecuterCommandeAsync([commande, chemin], @base.Database.ConnectionString, sortie);
            return (code, sortie.ToString());
        }
        finally
        {
            File.Delete(chemin);
        }
    }

    [Fact]
    public async Task The_official_rncp_export_is_upserted_and_its_inactive_and_rs_rows_are_skipped()
    {
        var (code, sortie) = await ImporterAsync("importer-rncp", Standard);

        code.ShouldBe(0, sortie);
        sortie.ShouldContain("3 entrées importées (2 nouvelles, 1 modifiées, 0 inchangées).");
        sortie.ShouldContain("1 inactives ignorées");
        sortie.ShouldContain("1 fiches du répertoire spécifique (RS)");
        (await @base.ChercherAsync(Nomenclature.Rncp, "maçon bâti")).ShouldHaveSingleItem()
            .ShouldBe(new Contracts.EntreeReferentiel("RNCP39901", "TP - Maçon du bâti ancien ; restauration", "3"));
        (await @base.ChercherAsync(Nomenclature.Rncp, "39902"))[0].Libelle.ShouldBe("Chargé d'accompagnement \"social\" et professionnel");
        (await @base.ChercherAsync(Nomenclature.Rncp, "couvreur")).ShouldBeEmpty();
        (await @base.ChercherAsync(Nomenclature.Rncp, "habilitation")).ShouldBeEmpty();

        var (_, deuxieme) = await ImporterAsync("importer-rncp", Standard);
        deuxieme.ShouldContain("3 entrées importées (0 nouvelles, 0 modifiées, 3 inchangées).");
    }

    [Fact]
    public async Task A_fiche_that_became_inactive_is_removed()
    {
        await ImporterAsync("importer-rncp", "Numero_Fiche;Intitule;Actif\nRNCP39911;Jardinier paysagiste;Oui\n");
        (await @base.ChercherAsync(Nomenclature.Rncp, "jardinier")).ShouldHaveSingleItem();

        var (_, sortie) = await ImporterAsync("importer-rncp", "Numero_Fiche;Intitule;Actif\nRNCP39911;Jardinier paysagiste;Non\n");

        sortie.ShouldContain("1 inactives ignorées (1 retirées de Sigma).");
        (await @base.ChercherAsync(Nomenclature.Rncp, "jardinier")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_without_the_expected_columns_is_refused_with_the_columns_to_provide()
    {
        var (code, sortie) = await ImporterAsync("importer-rncp", "Code;Titre\nRNCP1;Quelque chose\n");
        code.ShouldBe(1);
        sortie.ShouldContain("Colonnes attendues dans le fichier RNCP : Numero_Fiche et Intitule");
    }

    [Fact]
    public async Task A_missing_file_is_reported()
    {
        var sortie = new StringWriter();
        (await ReferentialsModule.ExecuterCommandeAsync(["importer-rncp", "/nulle/part.csv"], @base.Database.ConnectionString, sortie)).ShouldBe(2);
        sortie.ToString().ShouldContain("Fichier introuvable : /nulle/part.csv");
    }

    [Fact]
    public async Task A_certif_info_list_with_the_api_columns_is_imported_without_its_archived_entries()
    {
        var (code, sortie) = await ImporterAsync("importer-certifinfo",
            "id,intitule,rncp,niveau_europeen,archive\n" +
            "99001,\"Titre professionnel plaquiste, plâtrier\",RNCP99001,3,false\n" +
            "99002,Titre ancien,,4,true\n");

        code.ShouldBe(0, sortie);
        sortie.ShouldContain("1 entrées importées (1 nouvelles");
        (await @base.ChercherAsync(Nomenclature.Certifinfo, "platrier")).ShouldHaveSingleItem()
            .ShouldBe(new Contracts.EntreeReferentiel("99001", "Titre professionnel plaquiste, plâtrier", "3"));
        (await @base.ChercherAsync(Nomenclature.Certifinfo, "99002")).ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_import_commands_are_taken_for_commands()
    {
        ReferentialsModule.EstUneCommande(["importer-rncp", "f.csv"]).ShouldBeTrue();
        ReferentialsModule.EstUneCommande(["--urls", "http://localhost:5080"]).ShouldBeFalse();
        ReferentialsModule.EstUneCommande([]).ShouldBeFalse();
    }
}
