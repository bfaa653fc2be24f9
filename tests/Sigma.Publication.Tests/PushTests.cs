using MediatR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sigma.Publication.Integration;
using Sigma.Publication.Lheo;
using Sigma.Responses.Contracts;

namespace Sigma.Publication.Tests;

/// <summary>The push to a real HTTP endpoint on loopback: retried through failures and outages, never twice.</summary>
public sealed class PushTests : IAsyncLifetime
{
    private CarifOrefDeTest _carif = default!;
    private ModulePublication _module = default!;

    public async Task InitializeAsync()
    {
        _carif = await CarifOrefDeTest.DemarrerAsync();
        _module = await ModulePublication.CreerAsync(_carif.Url);
    }

    public async Task DisposeAsync()
    {
        await _module.DisposeAsync();
        await _carif.DisposeAsync();
    }

    private async Task<PublicationOffre> PublicationAsync(Guid offre)
    {
        await using var session = _module.Store.QuerySession();
        return (await session.LoadAsync<PublicationOffre>(offre))!;
    }

    private async Task AttribuerAsync(OffreAttribueeIntegrationEvent e)
    {
        var handler = _module.Services.GetServices<INotificationHandler<OffreAttribueeIntegrationEvent>>().OfType<QuandOffreAttribuee>().Single();
        await handler.Handle(e, CancellationToken.None);
    }

    /// <summary>Hangfire runs a job at least once: every push runs twice, at the same time.</summary>
    private static Task DeuxFoisAsync(PousserPublicationJob job, Guid offre, int version) =>
        Task.WhenAll(job.Pousser(offre, version, CancellationToken.None), job.Pousser(offre, version, CancellationToken.None));

    [Fact]
    public async Task An_endpoint_failing_its_first_three_calls_then_accepting_receives_each_offer_exactly_once()
    {
        _carif.EchecsAuDebut = 3;
        var offres = Enumerable.Range(0, 5).Select(_ => Offres.Groupement()).ToList();
        foreach (var e in offres)
        {
            await AttribuerAsync(e);
            await AttribuerAsync(e); // the outbox redelivers
        }
        var pousses = _module.Jobs.Pousses();
        pousses.Count.ShouldBe(5);
        var job = _module.Services.GetRequiredService<PousserPublicationJob>();
        foreach (var (offre, version) in pousses)
        {
            await DeuxFoisAsync(job, offre, version);
            await job.Pousser(offre, version, CancellationToken.None);
        }

        _carif.Acceptes.Count.ShouldBe(5);
        _carif.Acceptes.Values.ShouldAllBe(n => n == 1);
        _carif.Acceptes.Keys.ShouldBe(offres.Select(o => PublicationOffre.CleDe(o.OffreId, 1)), ignoreOrder: true);
        _carif.Appels.ShouldBe(5 + 3);
        foreach (var document in _carif.Documents)
        {
            DocumentLheo.Valider(document).ShouldBeEmpty();
        }
        foreach (var e in offres)
        {
            var p = await PublicationAsync(e.OffreId);
            p.Etat.ShouldBe(EtatPublication.Envoyee);
            p.EnvoyeeLe.ShouldNotBeNull();
        }
        (await _module.Services.GetRequiredService<RelancerPublicationsJob>().DuesAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_the_endpoint_down_for_ten_minutes_every_offer_is_delivered_once_it_is_back_and_none_twice()
    {
        var debut = new DateTimeOffset(2027, 1, 15, 10, 0, 0, TimeSpan.Zero);
        var horloge = new FakeTimeProvider(debut);
        var s = _module.Services;
        var handler = new QuandOffreAttribuee(_module.Store, horloge, s.GetRequiredService<LheoOptions>(), s.GetRequiredService<Sigma.Publication.Decp.DecpOptions>(),
            s.GetRequiredService<CarifOrefOptions>(), _module.Jobs);
        var job = new PousserPublicationJob(_module.Store, s.GetRequiredService<IHttpClientFactory>(), s.GetRequiredService<CarifOrefOptions>(), horloge,
            NullLogger<PousserPublicationJob>.Instance);
        var relance = new RelancerPublicationsJob(_module.Store, s.GetRequiredService<CarifOrefOptions>(), _module.Jobs, horloge);
        _carif.EnPanne = true;
        var offres = Enumerable.Range(0, 3).Select(_ => Offres.Groupement()).ToList();
        foreach (var e in offres)
        {
            await handler.Handle(e, CancellationToken.None);
        }
        foreach (var (offre, version) in _module.Jobs.Pousses())
        {
            await DeuxFoisAsync(job, offre, version);
        }
        (await PublicationAsync(offres[0].OffreId)).Etat.ShouldBe(EtatPublication.EnEchec);

        DateTimeOffset? livre = null;
        for (var minute = 1; minute <= 60 && livre is null; minute++)
        {
            horloge.Advance(TimeSpan.FromMinutes(1));
            if (minute == 10)
            {
                _carif.EnPanne = false;
            }
            foreach (var (offre, version) in await relance.DuesAsync(CancellationToken.None))
            {
                await DeuxFoisAsync(job, offre, version);
            }
            if (_carif.Acceptes.Count == offres.Count)
            {
                livre = horloge.GetUtcNow();
            }
        }

        livre.ShouldNotBeNull("les offres n'ont pas été livrées dans l'heure suivant le retour du CARIF-OREF");
        livre.Value.ShouldBeGreaterThanOrEqualTo(debut.AddMinutes(10));
        _carif.Acceptes.Values.ShouldAllBe(n => n == 1);
        // Every attempt carried the same key: the offer's first version.
        _carif.Acceptes.Keys.ShouldBe(offres.Select(o => PublicationOffre.CleDe(o.OffreId, 1)), ignoreOrder: true);
        foreach (var e in offres)
        {
            var p = await PublicationAsync(e.OffreId);
            p.Etat.ShouldBe(EtatPublication.Envoyee);
            p.Tentatives.ShouldBeGreaterThanOrEqualTo(3);
        }
        // Later runs find nothing due and send nothing.
        horloge.Advance(TimeSpan.FromHours(3));
        (await relance.DuesAsync(CancellationToken.None)).ShouldBeEmpty();
        foreach (var e in offres)
        {
            await job.Pousser(e.OffreId, 1, CancellationToken.None);
        }
        _carif.Acceptes.Values.ShouldAllBe(n => n == 1);
    }

    [Fact]
    public async Task A_4xx_is_recorded_as_rejected_with_the_body_and_not_retried()
    {
        var e = Offres.Groupement();
        _carif.Refus[PublicationOffre.CleDe(e.OffreId, 1)] = "Formacode 15062 inconnu du référentiel régional";
        await AttribuerAsync(e);
        var job = _module.Services.GetRequiredService<PousserPublicationJob>();
        foreach (var (offre, version) in _module.Jobs.Pousses())
        {
            await job.Pousser(offre, version, CancellationToken.None);
        }
        var p = await PublicationAsync(e.OffreId);
        p.Etat.ShouldBe(EtatPublication.Rejetee);
        p.DerniereErreur.ShouldBe("HTTP 422 : Formacode 15062 inconnu du référentiel régional");
        _carif.Appels.ShouldBe(1);
        (await _module.Services.GetRequiredService<RelancerPublicationsJob>().DuesAsync(CancellationToken.None)).ShouldBeEmpty();
        await job.Pousser(e.OffreId, 1, CancellationToken.None);
        _carif.Appels.ShouldBe(1);
    }
}
