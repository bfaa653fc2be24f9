using Sigma.Signature.Contracts;

namespace Sigma.Notification.Integration;

/// <summary>The notification phase's mails: the bidder is asked to sign; the agent learns the verification's outcome.</summary>
internal sealed class SignatureDemandeeCourriel(CourrielServices s)
    : CourrielHandler<SignatureDemandeeIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(SignatureDemandeeIntegrationEvent e) =>
    [
        new CourrielDu(e.DestinataireEmail, "demande-signature", new { Nom = e.DestinataireNom, e.Reference, e.Intitule, e.Lot, e.Organisation, e.Document, e.Message, e.DemandeePar, e.Lien }),
    ];
}

internal sealed class DocumentSigneDeposeCourriel(CourrielServices s)
    : CourrielHandler<DocumentSigneDeposeIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(DocumentSigneDeposeIntegrationEvent e) =>
        string.IsNullOrWhiteSpace(e.AgentEmail) ? []
        : [new CourrielDu(e.AgentEmail, "document-signe", new { e.Reference, e.Lot, e.Organisation, e.Document, e.Conclusion, e.Motif, e.DeposePar, e.Lien })];
}
