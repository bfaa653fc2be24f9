using Sigma.Responses.Contracts;

namespace Sigma.Consultations.Integration;

/// <summary>Each sent response becomes a line of its consultation's deposit registry.</summary>
internal sealed class QuandReponseEnvoyee(IConsultationsStore store, TimeProvider clock)
    : IntegrationEventHandler<ReponseEnvoyeeIntegrationEvent, IConsultationsStore>(store, clock)
{
    protected override Task HandleAsync(ReponseEnvoyeeIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        session.Store(new Depot
        {
            Id = e.ReponseId, ConsultationId = e.ConsultationId, NumeroAccuse = e.NumeroAccuse, Organisation = e.Organisation, Siret = e.Siret,
            Deposant = e.Deposant, Email = e.DeposantEmail, Lots = e.Lots.ToList(), NombreFichiers = e.Fichiers.Count,
            TailleTotale = e.Fichiers.Sum(f => f.Taille), RecuLe = e.EnvoyeeLe,
        });
        return Task.CompletedTask;
    }
}
