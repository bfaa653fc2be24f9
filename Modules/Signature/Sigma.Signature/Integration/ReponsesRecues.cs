using Sigma.Responses.Contracts;
using Sigma.Signature.Infrastructure.Demandes;

namespace Sigma.Signature.Integration;

/// <summary>The Signature module's copy of a sent response: who can be asked to sign, for which lots.</summary>
public sealed class ReponseRecue
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public string Reference { get; set; } = "";
    public string Intitule { get; set; } = "";
    public string NumeroAccuse { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public string Organisation { get; set; } = "";
    public string Siret { get; set; } = "";
    public string Deposant { get; set; } = "";
    public string Email { get; set; } = "";
    public List<int> Lots { get; set; } = [];
    public DateTimeOffset RecueLe { get; set; }
}

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
