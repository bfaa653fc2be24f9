using Sigma.Responses.Contracts;
using Sigma.Signature.Contracts;

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

/// <summary>What the other modules told of a consultation after its deadline, as its history shows it (opening, award and notification, signature).</summary>
public sealed class JournalConsultation
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public DateTimeOffset Le { get; set; }
    public string Quoi { get; set; } = "";
    public string Detail { get; set; } = "";
    public string? Par { get; set; }

    /// <summary>One entry per integration event: a redelivery stores the same document again.</summary>
    public static JournalConsultation De(IntegrationEvent e, Guid consultationId, DateTimeOffset le, string quoi, string detail, string? par) =>
        new() { Id = e.EventId, ConsultationId = consultationId, Le = le, Quoi = quoi, Detail = detail, Par = par };
}

internal sealed class QuandPlisOuverts(IConsultationsStore store, TimeProvider clock)
    : IntegrationEventHandler<PlisOuvertsIntegrationEvent, IConsultationsStore>(store, clock)
{
    protected override async Task HandleAsync(PlisOuvertsIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        var suivi = await session.LoadAsync<SuiviAttribution>(e.ConsultationId, ct) ?? new SuiviAttribution { Id = e.ConsultationId };
        suivi.OuverteLe = e.OuvertsLe;
        session.Store(suivi);
        session.Store(JournalConsultation.De(e, e.ConsultationId, e.OuvertsLe, "Plis ouverts",
            $"{Francais.Nombre(e.NombrePlis, "pli ouvert", "plis ouverts")} après la date limite", e.Par));
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
        var retenues = e.Decisions.Where(d => d.Retenue).Select(d => d.Organisation).ToList();
        session.Store(JournalConsultation.De(e, e.ConsultationId, e.NotifieLe, $"Lot {e.Lot} attribué et notifié",
            $"{e.LotIntitule} : {(retenues.Count == 0 ? "aucune offre retenue" : "offre retenue de " + string.Join(", ", retenues))} ; "
            + string.Join(" ; ", e.Decisions.Select(d => $"{d.Organisation} — {(d.Retenue ? "retenue" : "non retenue")} : {d.Motif}"))
            + $" — {Francais.Nombre(e.Decisions.Count, "soumissionnaire informé", "soumissionnaires informés")} par courriel", null));
    }
}

internal sealed class QuandSignatureDemandee(IConsultationsStore store, TimeProvider clock)
    : IntegrationEventHandler<SignatureDemandeeIntegrationEvent, IConsultationsStore>(store, clock)
{
    protected override Task HandleAsync(SignatureDemandeeIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        if (e.ConsultationId != Guid.Empty)
        {
            session.Store(JournalConsultation.De(e, e.ConsultationId, e.OccurredAt, "Signature demandée",
                $"lot {e.Lot} : {e.Organisation} invité à signer « {e.Document} »", e.DemandeePar));
        }
        return Task.CompletedTask;
    }
}

internal sealed class QuandDocumentSigneDepose(IConsultationsStore store, TimeProvider clock)
    : IntegrationEventHandler<DocumentSigneDeposeIntegrationEvent, IConsultationsStore>(store, clock)
{
    protected override Task HandleAsync(DocumentSigneDeposeIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        if (e.ConsultationId != Guid.Empty)
        {
            session.Store(JournalConsultation.De(e, e.ConsultationId, e.OccurredAt, "Document signé déposé",
                $"lot {e.Lot} : « {e.Document} » déposé par {e.DeposePar} ({e.Organisation}) — vérification : {e.Conclusion}{(string.IsNullOrEmpty(e.Motif) ? "" : $" ({e.Motif})")}", e.DeposePar));
        }
        return Task.CompletedTask;
    }
}
