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
