using Sigma.Consultations.Contracts;

namespace Sigma.Consultations.Features.GererConsultation;

public sealed record PublierConsultation(Guid ConsultationId, Acteur Agent) : IRequest<Unit>;

public sealed record ProrogerDateLimite(Guid ConsultationId, DateTimeOffset NouvelleDate, string Motif, Acteur Agent) : IRequest<Unit>;

public sealed record RepondreQuestion(Guid ConsultationId, Guid QuestionId, string Reponse, Acteur Agent) : IRequest<Unit>;

/// <summary>The agent's decisions on a consultation; each one that concerns bidders raises its alert.</summary>
internal sealed class CommandesHandlers(IConsultationsStore store, TimeProvider clock, AdressePublique adresse) :
    IRequestHandler<PublierConsultation, Unit>,
    IRequestHandler<ProrogerDateLimite, Unit>,
    IRequestHandler<RepondreQuestion, Unit>
{
    /// <summary>What the other modules learn of a published consultation.</summary>
    public static ConsultationPublieeIntegrationEvent Publication(Consultation consultation, DateTimeOffset publieeLe) =>
        new(consultation.Id, consultation.Reference, consultation.Intitule, consultation.Dispositif, consultation.DateLimite,
            consultation.Lots.Select(l => new LotPublie(l.Numero, l.Intitule, l.Territoire, l.UniteOeuvre.ToString().ToUpperInvariant(), l.Volume)).ToList(),
            consultation.Objet, consultation.Procedure)
        { OccurredAt = publieeLe };

    public async Task<Unit> Handle(PublierConsultation r, CancellationToken ct)
    {
        var (session, flux, consultation) = await store.OuvrirAsync(r.ConsultationId, r.Agent, ct);
        await using var _ = session;
        var publiee = consultation.Publier(r.Agent.Identifiant, clock.GetUtcNow());
        flux.AppendOne(publiee);
        session.Publish(Publication(consultation, publiee.PublieeLe));
        await session.SaveChangesAsync(ct);
        return Unit.Value;
    }

    public async Task<Unit> Handle(ProrogerDateLimite r, CancellationToken ct)
    {
        var (session, flux, consultation) = await store.OuvrirAsync(r.ConsultationId, r.Agent, ct);
        await using var _ = session;
        var prorogee = consultation.Proroger(r.NouvelleDate, r.Motif, r.Agent.Identifiant, clock.GetUtcNow());
        flux.AppendOne(prorogee);
        if (consultation.EstPubliee)
        {
            session.Publish(new DateLimiteModifieeIntegrationEvent(consultation.Id, consultation.Reference, consultation.Intitule, prorogee.AncienneDate,
                prorogee.NouvelleDate, prorogee.Motif, await Abonnes.DeAsync(session, consultation.Id, ct))
            { OccurredAt = prorogee.ProrogeeLe, LienPage = adresse.Lien($"/consultations/{consultation.Id}") });
        }
        await session.SaveChangesAsync(ct);
        return Unit.Value;
    }

    public async Task<Unit> Handle(RepondreQuestion r, CancellationToken ct)
    {
        var (session, flux, consultation) = await store.OuvrirAsync(r.ConsultationId, r.Agent, ct);
        await using var _ = session;
        var repondue = consultation.Repondre(r.QuestionId, r.Reponse, r.Agent.Identifiant, clock.GetUtcNow());
        flux.AppendOne(repondue);
        var question = consultation.Questions.First(q => q.Id == r.QuestionId);
        var destinataires = (await Abonnes.DeAsync(session, consultation.Id, ct)).ToList();
        if (!destinataires.Any(d => d.Email.Equals(question.Email, StringComparison.OrdinalIgnoreCase)))
        {
            destinataires.Add(new Destinataire(question.Email, null));
        }
        session.Publish(new ReponsePublieeIntegrationEvent(consultation.Id, consultation.Reference, consultation.Intitule, question.Texte,
            repondue.Reponse, destinataires) { OccurredAt = repondue.RepondueLe, LienPage = adresse.Lien($"/consultations/{consultation.Id}") });
        await session.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

internal static class Abonnes
{
    /// <summary>The identified downloaders of a consultation, as the alerts' recipients.</summary>
    public static async Task<IReadOnlyList<Destinataire>> DeAsync(IQuerySession session, Guid consultationId, CancellationToken ct) =>
        (await session.Query<Abonnement>().Where(a => a.ConsultationId == consultationId).ToListAsync(ct))
            .Select(a => new Destinataire(a.Email, a.Nom)).ToList();
}
