namespace Sigma.Consultations.Domain;

public enum UniteOeuvre
{
    /// <summary>Forfait parcours.</summary>
    Forp,
    /// <summary>Heure stagiaire.</summary>
    Hsta,
    /// <summary>Heure groupe.</summary>
    Hgro,
}

public sealed record Lot(int Numero, string Intitule, string Territoire, UniteOeuvre UniteOeuvre, decimal Volume);

public sealed record FichierDce(Guid FichierId, string Nom, long Taille, string Sha256, string TypeContenu);

public sealed record ConsultationCreee(
    Guid ConsultationId, string Reference, string Intitule, string Objet, string Dispositif, string Procedure,
    IReadOnlyList<Lot> Lots, DateTimeOffset DateLimite, string Contact, string CreeePar, DateTimeOffset CreeeLe);

public sealed record DceVersionDeposee(Guid ConsultationId, int Version, string Note, IReadOnlyList<FichierDce> Fichiers, string DeposeePar, DateTimeOffset DeposeeLe);

public sealed record ConsultationPubliee(Guid ConsultationId, string PublieePar, DateTimeOffset PublieeLe);

public sealed record DateLimiteProrogee(Guid ConsultationId, DateTimeOffset AncienneDate, DateTimeOffset NouvelleDate, string Motif, string ProrogeePar, DateTimeOffset ProrogeeLe);

public sealed record QuestionPosee(Guid ConsultationId, Guid QuestionId, string Texte, Guid CompteId, string Identifiant, string Email, Guid? OrganisationId, DateTimeOffset PoseeLe);

public sealed record QuestionRepondue(Guid ConsultationId, Guid QuestionId, string Reponse, string RepondueePar, DateTimeOffset RepondueLe);
