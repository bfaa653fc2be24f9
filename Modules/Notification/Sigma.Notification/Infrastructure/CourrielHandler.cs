using Hangfire;
using Microsoft.Extensions.Configuration;

namespace Sigma.Notification.Infrastructure;

/// <summary>What every mail handler needs, injected as one.</summary>
internal sealed record CourrielServices(INotificationStore Store, TimeProvider Clock, IBackgroundJobClient Jobs, AdressePublique Adresse);

/// <summary>A mail an integration event owes someone: recipient, template and the values it shows.</summary>
internal sealed record CourrielDu(string Destinataire, string Gabarit, object Modele);

/// <summary>
/// Base of the handlers that turn an integration event into mails: the mails are prepared in the module's store in
/// the same transaction as the inbox entry, then one Hangfire job per mail sends it.
/// </summary>
internal abstract class CourrielHandler<TEvent>(CourrielServices services)
    : IntegrationEventHandler<TEvent, INotificationStore>(services.Store, services.Clock)
    where TEvent : IntegrationEvent
{
    private readonly List<Guid> _prepares = [];

    /// <summary>The platform's address, for a mail whose event carries no page of its own.</summary>
    protected string UrlPublique => services.Adresse.Base;

    protected abstract IEnumerable<CourrielDu> Courriels(TEvent e);

    protected override async Task HandleAsync(TEvent e, IDocumentSession session, CancellationToken ct)
    {
        _prepares.Clear();
        foreach (var du in Courriels(e).Where(c => !string.IsNullOrWhiteSpace(c.Destinataire)))
        {
            var id = Courriel.IdPour(e.EventId, du.Destinataire, du.Gabarit);
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
            {
                continue;
            }
            var (sujet, texte, html) = Gabarits.Rendre(du.Gabarit, du.Modele);
            session.Events.StartStream<Courriel>(id, new CourrielPrepare(id, du.Destinataire.Trim(), sujet, texte, html, du.Gabarit, e.EventId, Clock.GetUtcNow()));
            _prepares.Add(id);
        }
    }

    protected override Task AfterCommitAsync(TEvent e, CancellationToken ct)
    {
        foreach (var id in _prepares)
        {
            services.Jobs.Enqueue<EnvoyerCourrielJob>(j => j.Envoyer(id, CancellationToken.None));
        }
        return Task.CompletedTask;
    }
}
