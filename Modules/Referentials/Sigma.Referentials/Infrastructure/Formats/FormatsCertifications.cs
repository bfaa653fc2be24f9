using Sigma.Referentials.Contracts;

namespace Sigma.Referentials.Infrastructure.Formats;

/// <summary>
/// The certification lists, read by column name so that extra, missing optional or reordered columns do not matter.
/// </summary>
internal static class FormatsCertifications
{
    private static readonly string[] ValeursActives = ["active", "actif", "oui", "o", "true", "vrai", "1", "y", "yes"];
    private static readonly string[] ValeursVraies = ["true", "vrai", "oui", "o", "1", "y", "yes"];

    /// <summary>
    /// France Compétences' "Standard" export (RNCP and RS): <c>Numero_Fiche</c> and <c>Intitule</c> required;
    /// <c>Abrege_Libelle</c> ("TP", "BTS"…), <c>Nomenclature_Europe_Niveau</c> ("NIV5") and <c>Actif</c> read when
    /// present. Répertoire spécifique fiches (RS…) belong to another list and are set aside.
    /// </summary>
    public static LectureFichier Rncp(TextReader lecteur) => Lire(lecteur, "RNCP",
        code: ["Numero_Fiche", "Numero Fiche", "Code_RNCP", "RNCP"],
        intitule: ["Intitule", "Intitule_Certification", "Libelle"],
        niveau: ["Nomenclature_Europe_Niveau", "Niveau_Europeen", "Niveau"],
        abrege: ["Abrege_Libelle"],
        actif: ["Actif"],
        archive: [],
        normaliserCode: code =>
        {
            var c = code.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (c.Length > 0 && c.All(char.IsAsciiDigit))
            {
                c = "RNCP" + c;
            }
            return c.StartsWith("RS", StringComparison.Ordinal) ? (null, "fiches du répertoire spécifique (RS)")
                : c.Length > 4 && c.StartsWith("RNCP", StringComparison.Ordinal) && c[4..].All(char.IsAsciiDigit) ? (c, null)
                : (null, "numéros de fiche illisibles");
        });

    /// <summary>
    /// A Certif Info list (CSV export of the Carif-Oref or of the Certif Info API): <c>Code_Certifinfo</c> (or <c>id</c>)
    /// and <c>Intitule</c> required; <c>Niveau_Europeen</c>, <c>Actif</c> and <c>archive</c> read when present.
    /// </summary>
    public static LectureFichier Certifinfo(TextReader lecteur) => Lire(lecteur, "Certif Info",
        code: ["Code_Certifinfo", "Code_Certif_Info", "Certifinfo", "Id_Certifinfo", "Numero_Certifinfo", "id", "code"],
        intitule: ["Intitule", "Intitule_Certification", "Libelle", "Libelle_Certification"],
        niveau: ["Niveau_Europeen", "Nomenclature_Europe_Niveau", "Niveau"],
        abrege: [],
        actif: ["Actif", "Etat"],
        archive: ["Archive", "Archivee"],
        normaliserCode: code =>
        {
            var c = code.Trim();
            return c.Length > 0 && c.All(char.IsAsciiDigit) ? (c, null) : (null, "codes Certif Info illisibles");
        });

    private static LectureFichier Lire(TextReader lecteur, string liste, string[] code, string[] intitule, string[] niveau,
        string[] abrege, string[] actif, string[] archive, Func<string, (string? Code, string? Ecart)> normaliserCode)
    {
        var premiereLigne = lecteur.ReadLine() ?? throw new FormatInvalideException($"Le fichier {liste} est vide.");
        var separateur = LecteurCsv.DetecterSeparateur(premiereLigne);
        var enTetes = new EnTetes(LecteurCsv.Enregistrements(new StringReader(premiereLigne), separateur).FirstOrDefault() ?? []);
        var colCode = enTetes.Colonne(code);
        var colIntitule = enTetes.Colonne(intitule);
        if (colCode < 0 || colIntitule < 0)
        {
            throw new FormatInvalideException(
                $"Colonnes attendues dans le fichier {liste} : {code[0]} et {intitule[0]} (séparateur « ; », première ligne d'en-têtes). " +
                $"En-têtes lus : {premiereLigne}");
        }
        var colNiveau = enTetes.Colonne(niveau);
        var colAbrege = enTetes.Colonne(abrege);
        var colActif = enTetes.Colonne(actif);
        var colArchive = enTetes.Colonne(archive);

        var collecte = new Collecte();
        foreach (var champs in LecteurCsv.Enregistrements(lecteur, separateur))
        {
            string Champ(int i) => i >= 0 && i < champs.Length ? champs[i].Trim() : "";
            var (codeLu, ecart) = normaliserCode(Champ(colCode));
            if (codeLu is null)
            {
                collecte.Ecarter(ecart!);
                continue;
            }
            var inactive = (colActif >= 0 && !ValeursActives.Contains(Champ(colActif).ToLowerInvariant()))
                || (colArchive >= 0 && ValeursVraies.Contains(Champ(colArchive).ToLowerInvariant()));
            if (inactive)
            {
                collecte.Inactive(codeLu);
                continue;
            }
            var libelle = Champ(colIntitule);
            if (libelle.Length == 0)
            {
                collecte.Ecarter("lignes sans intitulé");
                continue;
            }
            var prefixe = Champ(colAbrege);
            if (prefixe.Length > 0 && !libelle.StartsWith(prefixe, StringComparison.OrdinalIgnoreCase))
            {
                libelle = $"{prefixe} - {libelle}";
            }
            collecte.Garder(new EntreeReferentiel(codeLu, libelle, TexteRecherche.Niveau(Champ(colNiveau))));
        }
        return collecte.Lecture();
    }
}
