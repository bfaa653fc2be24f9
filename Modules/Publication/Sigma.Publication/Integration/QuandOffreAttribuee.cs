using Hangfire;
using Sigma.Publication.Decp;
using Sigma.Publication.Lheo;
using Sigma.Responses.Contracts;

namespace Sigma.Publication.Integration;

/// <summary>
/// An awarded and notified offer: its LHÉO document is built and checked against the XSD (or the missing fields are
/// recorded), its contract's essential data are recorded, and the push is queued. The inbox makes a redelivered event
/// a no-op; the stream id (the offer's) makes a second preparation impossible.
/// </summary>
internal sealed class QuandOffreAttribuee(IPublicationStore store, TimeProvider clock, LheoOptions lheo, DecpOptions decp, CarifOrefOptions carif,
    IBackgroundJobClient jobs) : IntegrationEventHandler<OffreAttribueeIntegrationEvent, IPublicationStore>(store, clock)
{
    private bool _aPousser;

    protected override async Task HandleAsync(OffreAttribueeIntegrationEvent e, IDocumentSession session, CancellationToken ct)
    {
        _aPousser = false;
        if (await session.Events.FetchStreamStateAsync(e.OffreId, ct) is not null)
        {
            return;
        }
        var maintenant = Clock.GetUtcNow();
        session.Events.StartStream<PublicationOffre>(e.OffreId, Preparer(e, lheo, maintenant));
        session.Store(DonneesEssentielles(e, decp, maintenant));
        _aPousser = carif.PushActif;
    }

    /// <summary>The offer's LHÉO formations, valid against the schema, or what is missing (a schema complaint counts as one).</summary>
    public static PublicationPreparee Preparer(OffreAttribueeIntegrationEvent e, LheoOptions options, DateTimeOffset maintenant)
    {
        var resultat = OffreLheo.Construire(e, options);
        var manques = resultat.Manques.ToList();
        string? fragment = null;
        if (manques.Count == 0)
        {
            fragment = DocumentLheo.Fragment(resultat.Formations);
            manques.AddRange(DocumentLheo.Valider(DocumentLheo.Document(fragment, maintenant)).Select(x => $"Document LHÉO refusé par le schéma : {x}"));
        }
        var intitule = e.Action.Intitule ?? e.Composantes.FirstOrDefault()?.Intitule ?? e.LotIntitule;
        return new PublicationPreparee(e.OffreId, e.ConsultationId, e.Reference, e.Lot, e.LotIntitule, e.Organisme.RaisonSociale, intitule, 1,
            manques.Count == 0 ? fragment : null, manques, maintenant);
    }

    /// <summary>The contract's essential data, checked against both DECP schemas: a complaint of either is recorded as what is missing.</summary>
    public static MarcheNotifie DonneesEssentielles(OffreAttribueeIntegrationEvent e, DecpOptions options, DateTimeOffset maintenant)
    {
        var marche = MarcheNotifie.Depuis(e, options, maintenant);
        if (marche.EstPubliable)
        {
            marche.Manques.AddRange(FormatsDecp.ValiderJson(FormatsDecp.DocumentJson([marche])).Select(x => $"Données essentielles refusées par le schéma JSON : {x}"));
            marche.Manques.AddRange(FormatsDecp.ValiderXml(FormatsDecp.DocumentXml([marche])).Select(x => $"Données essentielles refusées par le schéma XML : {x}"));
        }
        return marche;
    }

    protected override Task AfterCommitAsync(OffreAttribueeIntegrationEvent e, CancellationToken ct)
    {
        if (_aPousser)
        {
            jobs.Enqueue<PousserPublicationJob>(j => j.Pousser(e.OffreId, 1, CancellationToken.None));
        }
        return Task.CompletedTask;
    }
}
