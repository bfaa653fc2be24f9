using Marten;
using Sigma.BuildingBlocks.Messaging;
using Sigma.Responses.Contracts;
using Sigma.Signature.Domain;

namespace Sigma.Signature.Infrastructure.Demandes;

/// <summary>The Signature module's own Marten store (schema <c>signature</c>): signature requests of the notification phase.</summary>
public interface ISignatureStore : IDocumentStore;

/// <summary>Each sent response may later be asked to sign: the module keeps who sent it and for which lots.</summary>
internal sealed class QuandReponseEnvoyee(ISignatureStore store, TimeProvider clock)
    : IntegrationEventHandler<ReponseEnvoyeeIntegrationEvent, ISignatureStore>(store, clock)
{
    protected override Task HandleAsync(ReponseEnvoyeeIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        session.Store(new ReponseRecue
        {
            Id = e.ReponseId, ConsultationId = e.ConsultationId, Reference = e.Reference, Intitule = e.Intitule, NumeroAccuse = e.NumeroAccuse,
            OrganisationId = e.OrganisationId, Organisation = e.Organisation, Siret = e.Siret, Deposant = e.Deposant, Email = e.DeposantEmail,
            Lots = e.Lots.ToList(), RecueLe = e.EnvoyeeLe,
        });
        return Task.CompletedTask;
    }
}
