using Sigma.Responses.Contracts;

namespace Sigma.Consultations.Integration;

/// <summary>Where a consultation stands after its deadline, as the Responses module tells it: plis opened, lots notified.</summary>
public sealed class SuiviAttribution
{
    public Guid Id { get; set; }
    public DateTimeOffset? OuverteLe { get; set; }
    public List<int> LotsNotifies { get; set; } = [];

    /// <summary>Publiée (en cours) → clôturée → ouverte → attribuée (some lots notified) → notifiée (every lot).</summary>
    public static string Statut(Domain.Consultation c, SuiviAttribution? suivi, DateTimeOffset maintenant) =>
        !c.EstPubliee ? "Brouillon"
        : suivi is { LotsNotifies.Count: > 0 } s ? (c.Lots.All(l => s.LotsNotifies.Contains(l.Numero)) ? "Notifiée" : $"Attribuée (lot{(s.LotsNotifies.Count > 1 ? "s" : "")} {string.Join(", ", s.LotsNotifies.Order())} notifié{(s.LotsNotifies.Count > 1 ? "s" : "")})")
        : suivi?.OuverteLe is not null ? "Ouverte"
        : c.EstCloturee(maintenant) ? "Clôturée" : "Publiée";
}

internal sealed class QuandPlisOuverts(IConsultationsStore store, TimeProvider clock)
    : IntegrationEventHandler<PlisOuvertsIntegrationEvent, IConsultationsStore>(store, clock)
{
    protected override async Task HandleAsync(PlisOuvertsIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        var suivi = await session.LoadAsync<SuiviAttribution>(e.ConsultationId, ct) ?? new SuiviAttribution { Id = e.ConsultationId };
        suivi.OuverteLe = e.OuvertsLe;
        session.Store(suivi);
    }
}

internal sealed class QuandLotNotifie(IConsultationsStore store, TimeProvider clock)
    : IntegrationEventHandler<LotNotifieIntegrationEvent, IConsultationsStore>(store, clock)
{
    protected override async Task HandleAsync(LotNotifieIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        var suivi = await session.LoadAsync<SuiviAttribution>(e.ConsultationId, ct) ?? new SuiviAttribution { Id = e.ConsultationId };
        if (!suivi.LotsNotifies.Contains(e.Lot))
        {
            suivi.LotsNotifies.Add(e.Lot);
        }
        session.Store(suivi);
    }
}
