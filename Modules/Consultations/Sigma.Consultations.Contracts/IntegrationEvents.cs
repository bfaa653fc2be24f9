using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Consultations.Contracts;

/// <summary>Someone who gets a consultation's alerts: an identified downloader of its DCE.</summary>
public sealed record Destinataire(string Email, string? Nom);

/// <summary>A consultation was published: bidders can find it, download its DCE and answer its lots.</summary>
public sealed record ConsultationPublieeIntegrationEvent(
    Guid ConsultationId, string Reference, string Intitule, string Dispositif, DateTimeOffset DateLimite,
    IReadOnlyList<LotPublie> Lots, string? Objet = null, string? Procedure = null) : IntegrationEvent;

public sealed record LotPublie(int Numero, string Intitule, string Territoire, string UniteOeuvre, decimal Volume);

/// <summary>A new version of a published consultation's DCE: its identified downloaders are alerted.</summary>
public sealed record DceModifieIntegrationEvent(
    Guid ConsultationId, string Reference, string Intitule, int Version, string Note, IReadOnlyList<Destinataire> Destinataires) : IntegrationEvent;

/// <summary>An agent published an answer to a question (the asker is not named): every identified downloader is told.</summary>
public sealed record ReponsePublieeIntegrationEvent(
    Guid ConsultationId, string Reference, string Intitule, string Question, string Reponse, IReadOnlyList<Destinataire> Destinataires) : IntegrationEvent;

/// <summary>The deadline for responses moved: every identified downloader is told.</summary>
public sealed record DateLimiteModifieeIntegrationEvent(
    Guid ConsultationId, string Reference, string Intitule, DateTimeOffset AncienneDate, DateTimeOffset NouvelleDate, string Motif,
    IReadOnlyList<Destinataire> Destinataires) : IntegrationEvent;
