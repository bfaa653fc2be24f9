using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Signature.Contracts;

/// <summary>An agent asked a bidder to sign a document of the notification (the acte d'engagement of a lot).</summary>
public sealed record SignatureDemandeeIntegrationEvent(
    Guid DemandeId, string Reference, string Intitule, int Lot, string Organisation, string DestinataireEmail, string DestinataireNom,
    string Document, string Message, string DemandeePar, string Lien) : IntegrationEvent
{
    /// <summary>The consultation of the award (its history shows the request).</summary>
    public Guid ConsultationId { get; init; }
}

/// <summary>The bidder deposited the signed document: the requesting agent gets the verification's bottom line.</summary>
public sealed record DocumentSigneDeposeIntegrationEvent(
    Guid DemandeId, string Reference, int Lot, string Organisation, string Document, string Conclusion, string Motif, string DeposePar,
    string AgentEmail, string Lien) : IntegrationEvent
{
    /// <summary>The consultation of the award (its history shows the deposit and its verdict).</summary>
    public Guid ConsultationId { get; init; }
}

/// <summary>
/// Seals a PDF the platform issues (the accusé de réception) with the platform's certificate, the « cachet serveur »:
/// an invisible PAdES signature any PDF reader and the verification page check. Synchronous, like the printer of the
/// Documents module (ADR 0008): the only other request a module may send across.
/// </summary>
public sealed record ApposerCachet(byte[] Pdf, string Raison) : MediatR.IRequest<byte[]>;
