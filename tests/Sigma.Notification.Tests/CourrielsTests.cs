using MediatR;
using Sigma.Notification.Domain;
using Sigma.Notification.Infrastructure;
using Sigma.Registration.Contracts;

namespace Sigma.Notification.Tests;

public class CourrielsTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private static ReinitialisationMotDePasseDemandeeIntegrationEvent Demande(string email) =>
        new(Guid.NewGuid(), "c.martin", email, "Claire Martin", "http://sigma.test/mot-de-passe/definir?compte=1&jeton=abc",
            new DateTimeOffset(2026, 11, 28, 15, 30, 0, TimeSpan.Zero)) { OccurredAt = DateTimeOffset.UtcNow };

    [Fact]
    public async Task An_event_delivered_twice_sends_one_mail()
    {
        _ = sigma.Server;
        var email = $"{Guid.NewGuid():N}@cfp.test";
        var evenement = Demande(email);

        using (var scope = sigma.Services.CreateScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Publish(evenement);
            await mediator.Publish(evenement);
        }

        var courriel = await sigma.Smtp.AttendreAsync(email);
        courriel.Sujet.ShouldBe("Réinitialisation de votre mot de passe Sigma");
        courriel.Texte.ShouldContain("valable jusqu'au 28/11/2026 à 16:30");
        courriel.Html!.ShouldContain("<a href=\"http://sigma.test/mot-de-passe/definir?compte=1&amp;jeton=abc\">");
        await Task.Delay(2500);
        sigma.Smtp.Courriels.Count(c => c.A.Contains(email)).ShouldBe(1);
    }

    [Fact]
    public async Task Values_are_escaped_in_the_html_body()
    {
        _ = sigma.Server;
        var email = $"{Guid.NewGuid():N}@cfp.test";
        var evenement = Demande(email) with { NomComplet = "<script>alert(1)</script>" };
        using (var scope = sigma.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(evenement);
        }
        var courriel = await sigma.Smtp.AttendreAsync(email);
        courriel.Html!.ShouldNotContain("<script>");
        courriel.Html!.ShouldContain("&lt;script&gt;");
    }
}

/// <summary>Sigma started while its SMTP server is down.</summary>
public sealed class SigmaSmtpEnPanne : SigmaFactory
{
    protected override bool DemarrerSmtp => false;
}

public class SmtpEnPanneTests(SigmaSmtpEnPanne sigma) : IClassFixture<SigmaSmtpEnPanne>
{
    [Fact]
    public async Task A_mail_refused_by_an_unreachable_smtp_server_is_retried_until_it_is_delivered_once()
    {
        _ = sigma.Server;
        var email = $"{Guid.NewGuid():N}@cfp.test";
        using (var scope = sigma.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new EchecsConnexionRepetesIntegrationEvent(
                Guid.NewGuid(), "c.martin", email, "Claire Martin", 5) { OccurredAt = DateTimeOffset.UtcNow });
        }

        var store = sigma.Services.GetRequiredService<INotificationStore>();
        var limite = DateTime.UtcNow.AddSeconds(30);
        Courriel? courriel = null;
        while (DateTime.UtcNow < limite && courriel is not { Tentatives: > 0 })
        {
            await Task.Delay(300);
            await using var session = store.QuerySession();
            courriel = await session.Query<Courriel>().FirstOrDefaultAsync(c => c.Destinataire == email);
        }
        courriel.ShouldNotBeNull();
        courriel.Tentatives.ShouldBeGreaterThan(0);
        courriel.EnvoyeLe.ShouldBeNull();

        await sigma.DemarrerSmtpAsync();

        var recu = await sigma.Smtp.AttendreAsync(email, delai: TimeSpan.FromSeconds(60));
        recu.Sujet.ShouldBe("Tentatives de connexion échouées sur votre compte Sigma");
        // The job records the delivery just after the SMTP server accepted it.
        Courriel? envoye = null;
        for (var i = 0; i < 50 && envoye?.EnvoyeLe is null; i++)
        {
            await Task.Delay(200);
            await using var verification = store.QuerySession();
            envoye = await verification.LoadAsync<Courriel>(courriel.Id);
        }
        envoye!.EnvoyeLe.ShouldNotBeNull();
        sigma.Smtp.Courriels.Count(c => c.A.Contains(email)).ShouldBe(1);
    }
}

/// <summary>
/// Two runs of one mail's job at once (the mail re-enqueued by the minutely relaunch while its first job still waited
/// in a long queue, or a dead node's job visible again): the SMTP server must receive the mail once, counted there by
/// its Message-ID.
/// </summary>
public class EnvoisConcurrentsTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task Two_overlapping_runs_of_one_mail_job_send_it_once()
    {
        _ = sigma.Server;
        var store = sigma.Services.GetRequiredService<INotificationStore>();
        var ids = new List<Guid>();
        await using (var session = store.LightweightSession())
        {
            for (var i = 0; i < 10; i++)
            {
                var id = Guid.NewGuid();
                ids.Add(id);
                session.Events.StartStream<Courriel>(id, new CourrielPrepare(id, $"{id:N}@cfp.test", "Essai d'envoi concurrent", "Bonjour", "<p>Bonjour</p>",
                    "essai", Guid.NewGuid(), DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }

        // Each mail's job run twice at the same instant, as two Hangfire workers (or two nodes) would.
        await Task.WhenAll(ids.SelectMany(id => new[] { 0, 1 }.Select(_ => Task.Run(async () =>
        {
            using var scope = sigma.Services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<EnvoyerCourrielJob>().Envoyer(id, CancellationToken.None);
            }
            catch (JasperFx.ConcurrencyException)
            {
                // The run that lost the race on the stream's version: Hangfire would retry it, and the retry finds the mail sent.
            }
        }))));

        foreach (var id in ids)
        {
            await sigma.Smtp.AttendreAsync($"{id:N}@cfp.test");
        }
        await Task.Delay(500);
        foreach (var id in ids)
        {
            sigma.Smtp.Courriels.Count(c => c.MessageId == $"{id:N}@sigma").ShouldBe(1, $"courriel {id}");
        }
        await using var verification = store.QuerySession();
        (await verification.LoadManyAsync<Courriel>(ids)).ShouldAllBe(c => c.EnvoyeLe != null);
    }
}
