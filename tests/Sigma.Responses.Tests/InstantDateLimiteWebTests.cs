using System.Globalization;
using System.Text.RegularExpressions;
using Sigma.BuildingBlocks.Time;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>
/// The deadline's instant, on the real clock: 1,000 sends of 1,000 ready responses spread over the two seconds around
/// a deadline set a moment ahead. None is accepted at or after it, none refused before it, and the instant that decided
/// each is the one its receipt states (or its refusal names), between the moment the request left and its answer came.
/// </summary>
public sealed partial class InstantDateLimiteWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private const int Envois = 1000;

    private sealed record Envoi(Guid Reponse, DateTimeOffset Parti, DateTimeOffset Revenu, HttpStatusCode Statut, string? Lieu, string Corps);

    [Fact]
    public async Task Around_the_deadline_each_send_is_decided_at_the_instant_its_receipt_or_refusal_states()
    {
        var (client, modele, _) = await PreteAEnvoyerAsync(sigma);
        var reponses = new[] { modele }.Concat(await ReponsesClonees.ClonerAsync(sigma.Services, modele, Envois - 1)).ToList();
        var jeton = await client.JetonAsync($"/reponses/{modele}/envoyer");
        // A warm send path (one copy sent well before), then the deadline on a whole second, a moment ahead.
        (await Poster(client, reponses[^1], jeton)).Headers.Location!.ToString().ShouldEndWith("/accuse");
        reponses.RemoveAt(reponses.Count - 1);
        var maintenant = DateTimeOffset.UtcNow;
        var limite = new DateTimeOffset(maintenant.Ticks - (maintenant.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(3);

        List<Envoi> envois;
        await using (await DateLimite.FixeeAsync(sigma, modele, limite))
        {
            var debut = limite.AddSeconds(-1);
            envois = (await Task.WhenAll(reponses.Select(async (id, i) =>
            {
                var attente = debut.AddMilliseconds(2000.0 * i / reponses.Count) - DateTimeOffset.UtcNow;
                if (attente > TimeSpan.Zero)
                {
                    await Task.Delay(attente);
                }
                var parti = DateTimeOffset.UtcNow;
                using var r = await Poster(client, id, jeton);
                var revenu = DateTimeOffset.UtcNow;
                return new Envoi(id, parti, revenu, r.StatusCode, r.Headers.Location?.ToString(), r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadAsStringAsync() : "");
            }))).ToList();
        }

        var acceptes = envois.Where(e => e.Statut == HttpStatusCode.Redirect && e.Lieu?.EndsWith("/accuse", StringComparison.Ordinal) == true).ToList();
        var refuses = envois.Where(e => e.Statut == HttpStatusCode.OK && e.Corps.Contains("est passée : la réponse ne peut plus être envoyée.", StringComparison.Ordinal)).ToList();
        (acceptes.Count + refuses.Count).ShouldBe(envois.Count, string.Join(" | ", envois.Except(acceptes).Except(refuses).Take(3).Select(e => $"{(int)e.Statut} {e.Lieu} {Soumissionnaire.Erreurs(e.Corps).FirstOrDefault()}")));
        acceptes.ShouldNotBeEmpty();
        refuses.ShouldNotBeEmpty();

        await using var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession();
        var etats = (await session.LoadManyAsync<Reponse>(envois.Select(e => e.Reponse).ToArray())).ToDictionary(r => r.Id);
        foreach (var e in acceptes)
        {
            var reponse = etats[e.Reponse];
            var recueLe = reponse.EnvoyeeLe!.Value;
            recueLe.ShouldBeLessThan(limite, "accepté à ou après la date limite");
            recueLe.ShouldBeInRange(e.Parti, e.Revenu);
            reponse.NumeroAccuse!.ShouldContain(recueLe.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        }
        foreach (var e in refuses)
        {
            etats[e.Reponse].EstEnvoyee.ShouldBeFalse();
            var m = RecuLe().Match(WebUtility.HtmlDecode(e.Corps));
            m.Success.ShouldBeTrue("le refus nomme l'instant de réception");
            var decide = ParisTime.FromParisWallClock(DateTime.ParseExact(m.Groups[1].Value, "dd/MM/yyyy 'à' HH:mm:ss,fff", CultureInfo.GetCultureInfo("fr-FR")));
            // The refusal's instant is truncated to the millisecond: the deadline falls on a whole second.
            decide.ShouldBeGreaterThanOrEqualTo(limite, "refusé avant la date limite");
            decide.ShouldBeInRange(e.Parti.AddMilliseconds(-1), e.Revenu);
        }
    }

    private static async Task<HttpResponseMessage> Poster(HttpClient client, Guid id, string jeton) =>
        await client.PostAsync($"/reponses/{id}/envoyer", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = jeton }));

    [GeneratedRegex(@"Votre envoi a été reçu le (\d{2}/\d{2}/\d{4} à \d{2}:\d{2}:\d{2},\d{3})")]
    private static partial Regex RecuLe();
}
