using System.Net;
using System.Text;
using Hangfire;
using Microsoft.Extensions.Logging;
using Sigma.Publication.Contracts;
using Sigma.Publication.Lheo;

namespace Sigma.Publication.Infrastructure;

/// <summary>
/// The Hangfire job that pushes one version of an offer's LHÉO document to the CARIF-OREF. Hangfire runs a job at
/// least once: a version already sent, refused or running is not sent again, and the idempotency key (one per offer
/// version) lets the CARIF-OREF drop a copy a crash could still cause. Network errors, timeouts and 5xx are retried
/// by the HTTP client's resilience pipeline, then the attempt is recorded and the next one comes later and later
/// (<see cref="RelancerPublicationsJob"/>); a 4xx is recorded as a refusal with the CARIF-OREF's answer.
/// </summary>
public sealed class PousserPublicationJob(IPublicationStore store, IHttpClientFactory http, CarifOrefOptions options, TimeProvider clock,
    ILogger<PousserPublicationJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [Queue("default")]
    public async Task Pousser(Guid offreId, int version, CancellationToken ct)
    {
        if (!options.PushActif)
        {
            return;
        }
        var maintenant = clock.GetUtcNow();
        PublicationOffre publication;
        await using (var session = store.LightweightSession())
        {
            session.LastModifiedBy = "publication";
            var flux = await session.Events.FetchForWriting<PublicationOffre>(offreId, ct);
            if (flux.Aggregate is not { } p || !p.PeutEnvoyer(version, maintenant))
            {
                return;
            }
            publication = p;
            flux.AppendOne(new EnvoiCommence(offreId, version, maintenant));
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Another runner of this version got there first.
                return;
            }
        }

        object resultat;
        try
        {
            using var requete = new HttpRequestMessage(HttpMethod.Post, options.Endpoint)
            {
                Content = new StringContent(DocumentLheo.Document(publication.Formations!, maintenant), Encoding.UTF8, "application/xml"),
            };
            requete.Headers.Add("Idempotency-Key", PublicationOffre.CleDe(offreId, version));
            using var reponse = await http.CreateClient(CarifOrefOptions.Client).SendAsync(requete, ct);
            var fin = clock.GetUtcNow();
            var statut = (int)reponse.StatusCode;
            if (reponse.IsSuccessStatusCode)
            {
                resultat = new PublicationEnvoyee(offreId, version, statut, fin);
            }
            else if (statut is >= 400 and < 500 && reponse.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
            {
                var corps = await reponse.Content.ReadAsStringAsync(ct);
                resultat = new PublicationRejetee(offreId, version, statut, Borne(corps), fin);
            }
            else
            {
                resultat = Echec(publication, version, $"HTTP {statut} {reponse.ReasonPhrase}", fin);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            resultat = Echec(publication, version, ex.Message, clock.GetUtcNow());
        }

        await using var fin2 = store.LightweightSession();
        fin2.LastModifiedBy = "publication";
        fin2.Events.Append(offreId, resultat);
        if (resultat is PublicationEnvoyee envoyee)
        {
            fin2.Publish(new OffrePublieeIntegrationEvent(offreId, publication.ConsultationId, version, envoyee.EnvoyeeLe) { OccurredAt = envoyee.EnvoyeeLe });
        }
        else
        {
            logger.LogWarning("Publication de l'offre {Offre} (version {Version}) au CARIF-OREF : {Resultat}", offreId, version, resultat);
        }
        await fin2.SaveChangesAsync(CancellationToken.None);
    }

    private static EnvoiEchoue Echec(PublicationOffre p, int version, string erreur, DateTimeOffset maintenant) =>
        new(p.Id, version, erreur, p.Tentatives + 1, PublicationOffre.ProchaineApres(p.Tentatives + 1, maintenant), maintenant);

    private static string Borne(string corps) => corps.Length <= 4000 ? corps : corps[..4000] + "…";
}

/// <summary>
/// Every minute: pushes what is due — a version whose job was lost (a crash between commit and enqueue), a failed
/// attempt whose next try has come, a push that started long ago and never ended. An offer Sigma owes the CARIF-OREF
/// is never dropped.
/// </summary>
public sealed class RelancerPublicationsJob(IPublicationStore store, CarifOrefOptions options, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Id = "relancer-publications";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task Relancer(CancellationToken ct)
    {
        foreach (var (id, version) in await DuesAsync(ct))
        {
            jobs.Enqueue<PousserPublicationJob>(j => j.Pousser(id, version, CancellationToken.None));
        }
    }

    /// <summary>The offer versions whose push is due now.</summary>
    public async Task<IReadOnlyList<(Guid Id, int Version)>> DuesAsync(CancellationToken ct)
    {
        if (!options.PushActif)
        {
            return [];
        }
        var maintenant = clock.GetUtcNow();
        var oublie = maintenant.AddMinutes(-1);
        var perdu = maintenant - PublicationOffre.EnvoiPerdu;
        await using var session = store.QuerySession();
        var dues = await session.Query<PublicationOffre>()
            .Where(p => p.RetireeLe == null && ((p.Etat == EtatPublication.EnAttente && p.ModifieeLe <= oublie)
                || (p.Etat == EtatPublication.EnEchec && p.ProchaineTentative <= maintenant)
                || (p.Etat == EtatPublication.EnCours && p.CommenceLe < perdu)))
            .OrderBy(p => p.ModifieeLe)
            .Take(500)
            .Select(p => new { p.Id, p.VersionOffre })
            .ToListAsync(ct);
        return [.. dues.Select(d => (d.Id, d.VersionOffre))];
    }
}
