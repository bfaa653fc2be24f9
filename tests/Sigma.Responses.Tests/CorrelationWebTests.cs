using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>The auditors' thread: every event of a request shares its correlation id, and what other modules do because of it too.</summary>
public class CorrelationWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private async Task<List<(string Type, string? Correlation, string? Cause, string? Utilisateur)>> EvenementsAsync(string schema, string filtre, object valeur)
    {
        await using var connexion = new Npgsql.NpgsqlConnection(sigma.Database.ConnectionString);
        await connexion.OpenAsync();
        await using var commande = new Npgsql.NpgsqlCommand(
            $"select type, correlation_id, causation_id, user_name from {schema}.mt_events where {filtre} order by seq_id", connexion);
        commande.Parameters.AddWithValue("v", valeur);
        var lignes = new List<(string, string?, string?, string?)>();
        await using var lecteur = await commande.ExecuteReaderAsync();
        while (await lecteur.ReadAsync())
        {
            lignes.Add((lecteur.GetString(0), lecteur.IsDBNull(1) ? null : lecteur.GetString(1), lecteur.IsDBNull(2) ? null : lecteur.GetString(2),
                lecteur.IsDBNull(3) ? null : lecteur.GetString(3)));
        }
        return lignes;
    }

    [Fact]
    public async Task The_events_of_one_request_share_a_correlation_id_that_the_mails_they_cause_carry_too()
    {
        var (client, id, _) = await PreteAEnvoyerAsync(sigma);
        (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var evenements = await EvenementsAsync("responses", "stream_id = @v", id);
        evenements.ShouldAllBe(e => e.Correlation != null && e.Utilisateur != null);
        // Each request its own correlation id: the response was built over several requests.
        evenements.Select(e => e.Correlation).Distinct().Count().ShouldBeGreaterThan(3);
        var envoi = evenements.Last();
        envoi.Type.ShouldBe("reponse_envoyee");

        // The receipt's mail, prepared by the Notification module from the integration event, carries the same correlation.
        for (var i = 0; i < 50; i++)
        {
            var courriels = await EvenementsAsync("notification", "correlation_id = @v", envoi.Correlation!);
            if (courriels.Count > 0)
            {
                courriels.ShouldContain(c => c.Type == "courriel_prepare" && c.Cause != null);
                return;
            }
            await Task.Delay(200);
        }
        var tous = await EvenementsAsync("notification", "@v = @v", "x");
        throw new ShouldAssertException($"Aucun courriel ne porte la corrélation de l'envoi {envoi.Correlation} : "
            + string.Join(" | ", tous.Select(c => $"{c.Type} {c.Correlation} {c.Cause}")));
    }
}
