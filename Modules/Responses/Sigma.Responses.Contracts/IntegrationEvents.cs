using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Responses.Contracts;

/// <summary>A file of a sent response as the receipt lists it.</summary>
public sealed record FichierRecu(string Formulaire, string Piece, string Nom, long Taille, string Sha256);

/// <summary>
/// A response was sent, definitively, before the deadline: the depositor gets the receipt by mail and the
/// consultation's deposit registry records it. Carries the receipt's content, nothing of the sealed response itself.
/// </summary>
public sealed record ReponseEnvoyeeIntegrationEvent(
    Guid ReponseId, Guid ConsultationId, string Reference, string Intitule, string NumeroAccuse, DateTimeOffset EnvoyeeLe,
    string Deposant, string DeposantIdentifiant, string DeposantEmail, Guid OrganisationId, string Organisation, string Siret,
    IReadOnlyList<int> Lots, IReadOnlyList<FichierRecu> Fichiers, string LienAccuse) : IntegrationEvent;

/// <summary>The plis of a consultation were opened after its deadline: its status becomes « ouverte ».</summary>
public sealed record PlisOuvertsIntegrationEvent(Guid ConsultationId, int NombrePlis, string Par, DateTimeOffset OuvertsLe) : IntegrationEvent;

/// <summary>What one bidder of a lot is told: retained or not, and why.</summary>
public sealed record DecisionNotifiee(Guid ReponseId, Guid OrganisationId, string Organisation, string Deposant, string DeposantEmail, bool Retenue, string Motif);

/// <summary>
/// The decisions of a lot were notified: every bidder of the lot is mailed its decision with its reason. Carries
/// nothing of the responses but who they are and the decision.
/// </summary>
public sealed record LotNotifieIntegrationEvent(
    Guid ConsultationId, string Reference, string Intitule, int Lot, string LotIntitule, IReadOnlyList<DecisionNotifiee> Decisions, DateTimeOffset NotifieLe)
    : IntegrationEvent;

/// <summary>
/// An offer retained and notified: the winner is asked to sign its acte d'engagement (the edition sealed in its pli,
/// opened since). Carries that document and who awarded it; nothing else of the response.
/// </summary>
public sealed record OffreRetenueIntegrationEvent(
    Guid ReponseId, Guid OffreId, Guid ConsultationId, string Reference, string Intitule, int Lot, Guid OrganisationId, string Organisation,
    string DeposantEmail, string Deposant, string NomActe, byte[] ActeEngagement, string AttribuePar, string EmailAttribuePar) : IntegrationEvent;

/// <summary>
/// An offer awarded and notified, as the CARIF-OREF publishes it (LHÉO): the organisation, the action and its sessions'
/// sites, the composantes with their modules and blocks — the fields the guide says are sent to the CARIF-OREF, and
/// nothing else of the response (no price, no bank details, no pieces).
/// </summary>
public sealed record OffreAttribueeIntegrationEvent(
    Guid ReponseId, Guid OffreId, Guid ConsultationId, string Reference, string Dispositif, int Lot, string LotIntitule, string Territoire,
    OrganismeAttribue Organisme, ActionAttribuee Action, IReadOnlyList<SiteAttribue> Sites, IReadOnlyList<ComposanteAttribuee> Composantes,
    DateTimeOffset AttribueeLe, string? NumeroActivite = null, ContactAttribue? ReferentHandicap = null,
    IReadOnlyList<PrestataireAttribue>? Prestataires = null, MarcheAttribue? Marche = null) : IntegrationEvent;

/// <summary>A co-contractor of the groupement or a declared sub-contractor: an organisme formateur of the action.</summary>
public sealed record PrestataireAttribue(string Role, string? RaisonSociale, string? Siret, string? CodePostal, string? Commune)
{
    public const string Cotraitant = "cotraitant";
    public const string SousTraitant = "sous-traitant";
}

public sealed record ContactAttribue(string? Nom, string? Telephone, string? Email);

/// <summary>
/// The contract's essential data (DECP), public once the lot is notified: the procedure, the lot's unit and volume, the
/// retained unit price, the number of offers received and how the holders are grouped. Not part of the LHÉO offer.
/// </summary>
public sealed record MarcheAttribue(string? Objet, string? Procedure, string UniteOeuvre, decimal Volume, string? PrixUnitaireHt, string TypeGroupement,
    int OffresRecues, bool SousTraitance, bool? Avance);

public sealed record OrganismeAttribue(string RaisonSociale, string Siret, string? Adresse, string? CodePostal, string? Commune, string? Telephone, string? Email);

public sealed record ActionAttribuee(string? Intitule, string? Presentation, string? DateDebut, string? DateFin, string? NombreSessions, string? Effectif);

public sealed record SiteAttribue(string? Nom, string? CodePostal, string? Commune, string? InformationsComplementaires, bool? AccesTransportsCommun,
    string? MoyensTransport, bool? AccessibleHandicap, string? AccessibiliteDetail, bool? Hebergement, string? Restauration);

public sealed record ModuleAttribue(string? Numero, string? Intitule, string? Bloc, string? DateDebut, string? DateFin, string? VolumeHoraire, string? Contenu);

public sealed record BlocAttribue(string? Numero, string? Intitule);

public sealed record ComposanteAttribuee(string? Numero, string? Intitule, string? DateDebut, string? DateFin, string? VolumeHoraire, string? Effectif,
    string? Formacode, string? Rncp, string? Certifinfo, string? Nsf, string? Rome, string? Prerequis, string? Objectifs, string? ModalitesRecrutement,
    string? ModalitesPedagogiques, string? ResultatsAttendus, string? Contenu, IReadOnlyList<BlocAttribue> Blocs, IReadOnlyList<ModuleAttribue> Modules,
    string? Rythme = null);
