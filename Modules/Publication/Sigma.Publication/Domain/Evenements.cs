namespace Sigma.Publication.Domain;

/// <summary>
/// An awarded offer turned into its LHÉO document, checked against the XSD: <paramref name="Formations"/> holds its
/// <c>formation</c> elements (one per composante); when something LHÉO requires is missing, <paramref name="Manques"/>
/// names each field and nothing is published.
/// </summary>
public sealed record PublicationPreparee(Guid OffreId, Guid ConsultationId, string Reference, int Lot, string LotIntitule, string Organisme, string Intitule,
    int Version, string? Formations, IReadOnlyList<string> Manques, DateTimeOffset PrepareeLe);

/// <summary>A push to the CARIF-OREF started: a second runner of the same version stops here (Hangfire is at-least-once).</summary>
public sealed record EnvoiCommence(Guid OffreId, int Version, DateTimeOffset CommenceLe);

public sealed record PublicationEnvoyee(Guid OffreId, int Version, int Statut, DateTimeOffset EnvoyeeLe);

/// <summary>The CARIF-OREF refused the document (a 4xx): its answer is kept for the agent, nothing is retried.</summary>
public sealed record PublicationRejetee(Guid OffreId, int Version, int Statut, string Reponse, DateTimeOffset RejeteeLe);

/// <summary>The CARIF-OREF could not be reached or failed (network, timeout, 5xx) after the attempt's own retries.</summary>
public sealed record EnvoiEchoue(Guid OffreId, int Version, string Erreur, int Tentative, DateTimeOffset ProchaineTentative, DateTimeOffset EchoueLe);

/// <summary>« Renvoyer »: the agent asks for a new push, as a new version (a new idempotency key).</summary>
public sealed record RenvoiDemande(Guid OffreId, int Version, string Par, DateTimeOffset DemandeLe);

/// <summary>« Retirer »: the offer leaves the pull flux and is no longer pushed.</summary>
public sealed record PublicationRetiree(Guid OffreId, string Par, DateTimeOffset RetireeLe);
