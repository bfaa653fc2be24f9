namespace Sigma.Responses.Domain;

/// <summary>The kinds of pieces a bidder deposits, with whether each is required.</summary>
public enum CategoriePiece
{
    Pouvoirs,
    HabilitationMandataire,
    BilanDreets,
    Jugements,
    Qualiopi,
    AutreCandidature,
    TableauRessourcesHumaines,
    CvEquipe,
    PlateauxTechniques,
    AnnexeTechnique,
    AutreOffre,
}

public static class CataloguePieces
{
    /// <summary>Largest piece accepted (1 Gio): uploads are streamed, so the size does not weigh on memory.</summary>
    public const long TailleMax = 1024L * 1024 * 1024;

    public static readonly IReadOnlyList<string> ExtensionsAutorisees =
        [".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".jpg", ".jpeg", ".png", ".zip", ".txt", ".csv", ".p7s"];

    public static readonly IReadOnlyList<CategoriePiece> Candidature =
        [CategoriePiece.Pouvoirs, CategoriePiece.HabilitationMandataire, CategoriePiece.BilanDreets, CategoriePiece.Jugements, CategoriePiece.Qualiopi, CategoriePiece.AutreCandidature];

    public static readonly IReadOnlyList<CategoriePiece> Offre =
        [CategoriePiece.TableauRessourcesHumaines, CategoriePiece.CvEquipe, CategoriePiece.PlateauxTechniques, CategoriePiece.AnnexeTechnique, CategoriePiece.AutreOffre];

    public static string Libelle(CategoriePiece c) => c switch
    {
        CategoriePiece.Pouvoirs => "Pouvoirs de la personne habilitée à engager le candidat (et les co-traitants)",
        CategoriePiece.HabilitationMandataire => "Lettre d'habilitation du mandataire par chaque co-traitant",
        CategoriePiece.BilanDreets => "Bilan pédagogique et financier DREETS (année N-1 ou, à défaut, N-2)",
        CategoriePiece.Jugements => "Copie des jugements (redressement judiciaire)",
        CategoriePiece.Qualiopi => "Certification Qualiopi ou devis en cours",
        CategoriePiece.AutreCandidature => "Autre pièce de candidature",
        CategoriePiece.TableauRessourcesHumaines => "Tableau des ressources humaines",
        CategoriePiece.CvEquipe => "CV de l'équipe pédagogique",
        CategoriePiece.PlateauxTechniques => "Tableau des plateaux techniques / moyens matériels",
        CategoriePiece.AnnexeTechnique => "Annexe technique",
        _ => "Autre pièce de l'offre",
    };

    /// <summary>Whether a candidature piece is required, given the candidature's answers.</summary>
    public static bool Requise(CategoriePiece c, DonneesCandidature d) => c switch
    {
        CategoriePiece.Pouvoirs or CategoriePiece.BilanDreets or CategoriePiece.Qualiopi => true,
        CategoriePiece.HabilitationMandataire => d.Candidat.EstGroupement,
        CategoriePiece.Jugements => d.RedressementJudiciaire,
        CategoriePiece.TableauRessourcesHumaines or CategoriePiece.CvEquipe or CategoriePiece.PlateauxTechniques or CategoriePiece.AnnexeTechnique => true,
        _ => false,
    };

    /// <summary>A file name made safe to store and show (the platform's one clean-up).</summary>
    public static string NomSur(string? nom) => Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur(nom, "piece");

    public static bool ExtensionAutorisee(string nom) => ExtensionsAutorisees.Contains(Path.GetExtension(nom).ToLowerInvariant());
}

/// <summary>Where a response's sealed files lie in the file storage.</summary>
public static class Stockages
{
    public static string Piece(Guid reponseId, Guid pieceId) => $"reponses/{reponseId:N}/{pieceId:N}";

    public static string Edition(Guid reponseId, Guid editionId) => $"reponses/{reponseId:N}/editions/{editionId:N}";
}
