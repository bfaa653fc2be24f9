using Sigma.Consultations.Contracts;
using Sigma.Registration.Contracts;

namespace Sigma.Responses.Integration;

// The module keeps its own copy of what it needs from the others, built from their integration events.

internal sealed class QuandConsultationPubliee(IResponsesStore store, TimeProvider clock)
    : IntegrationEventHandler<ConsultationPublieeIntegrationEvent, IResponsesStore>(store, clock)
{
    protected override Task HandleAsync(ConsultationPublieeIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        session.Store(new ConsultationConnue
        {
            Id = e.ConsultationId, Reference = e.Reference, Intitule = e.Intitule, Dispositif = e.Dispositif, DateLimite = e.DateLimite, Objet = e.Objet, Procedure = e.Procedure,
            Lots = e.Lots.Select(l => new LotConnu(l.Numero, l.Intitule, l.Territoire, l.UniteOeuvre, l.Volume)).ToList(),
        });
        return Task.CompletedTask;
    }
}

internal sealed class QuandDateLimiteModifiee(IResponsesStore store, TimeProvider clock)
    : IntegrationEventHandler<DateLimiteModifieeIntegrationEvent, IResponsesStore>(store, clock)
{
    protected override async Task HandleAsync(DateLimiteModifieeIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<ConsultationConnue>(e.ConsultationId, ct) is { } consultation)
        {
            consultation.DateLimite = e.NouvelleDate;
            session.Store(consultation);
        }
    }
}

internal sealed class QuandOrganisationInscrite(IResponsesStore store, TimeProvider clock)
    : IntegrationEventHandler<OrganisationInscriteIntegrationEvent, IResponsesStore>(store, clock)
{
    protected override Task HandleAsync(OrganisationInscriteIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        session.Store(new OrganismeConnu
        {
            Id = e.OrganisationId, Siret = e.Siret, RaisonSociale = e.RaisonSociale, Adresse = e.Adresse, Telephone = e.Telephone,
            Voie = string.IsNullOrWhiteSpace(e.Complement) ? e.Voie : $"{e.Voie}, {e.Complement}", CodePostal = e.CodePostal, Commune = e.Commune,
            Email = e.AdministrateurEmail,
        });
        return Task.CompletedTask;
    }
}
