using System.Security.Cryptography;
using System.Text;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Responses.Contracts;
using Sigma.Signature.Contracts;
using Sigma.Signature.Features.DemandesSignature;
using Sigma.Signature.Infrastructure.Demandes;

namespace Sigma.Signature.Integration;

/// <summary>
/// The notification phase starts from the award: each retained offer's bidder is asked to sign the acte d'engagement of
/// its pli. The request's id is derived from the offer, so that a redelivered event cannot make a second request.
/// </summary>
internal sealed class QuandOffreRetenue(ISignatureStore store, StockageFichiers stockage, TimeProvider clock, Sigma.BuildingBlocks.Web.AdressePublique adresse)
    : IntegrationEventHandler<OffreRetenueIntegrationEvent, ISignatureStore>(store, clock)
{
    public static Guid IdDemande(Guid offreId) => new(MD5.HashData(Encoding.UTF8.GetBytes($"sigma:signature:acte:{offreId:N}")));

    protected override async Task HandleAsync(OffreRetenueIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        var id = IdDemande(e.OffreId);
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
        {
            return;
        }
        var (taille, sha) = await stockage.EcrireAsync(DemandesSignatureHandlers.CleOriginal(id), new MemoryStream(e.ActeEngagement), DemandesSignatureHandlers.TailleMax, ct, durable: true);
        var maintenant = e.OccurredAt;
        var nom = NomFichierSigne.NomSimple(e.NomActe);
        var message = $"Offre retenue pour le lot {e.Lot} : l'acte d'engagement de l'offre est à signer par le titulaire.";
        session.Events.StartStream<DemandeSignature>(id, new SignatureDemandee(id, e.ReponseId, e.ConsultationId, e.Reference, e.Intitule, e.Lot, e.OrganisationId,
            e.Organisation, e.DeposantEmail, e.Deposant, nom, taille, sha, message, e.AttribuePar, e.EmailAttribuePar, maintenant));
        session.Publish(new SignatureDemandeeIntegrationEvent(id, e.Reference, e.Intitule, e.Lot, e.Organisation, e.DeposantEmail, e.Deposant, nom, message,
            e.AttribuePar, adresse.Lien($"/signature/demandes/{id}")) { OccurredAt = maintenant, ConsultationId = e.ConsultationId });
    }
}
