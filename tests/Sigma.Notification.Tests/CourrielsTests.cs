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
