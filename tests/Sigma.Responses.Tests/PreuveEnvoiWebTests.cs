using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Npgsql;
using Sigma.BuildingBlocks.Persistence.Chaine;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>
/// The receipt anchors the history outside the database: it carries the response's chain head at the send and the
/// checkpoint then in force, and its PDF is sealed with the platform's certificate. The auditors' verification finds
/// an event changed with SQL.
/// </summary>
public partial class PreuveEnvoiWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private static async Task<string> VerifierPdfAsync(HttpClient client, byte[] pdf)
    {
        using var formulaire = new MultipartFormDataContent { { new StringContent(await client.JetonAsync("/signature/verifier")), "__RequestVerificationToken" } };
        var fichier = new ByteArrayContent(pdf);
        fichier.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        formulaire.Add(fichier, "Fichier", "accuse.pdf");
        var reponse = await client.PostAsync("/signature/verifier", formulaire);
        return WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_receipt_carries_the_chain_head_and_checkpoint_and_its_sealed_pdf_fails_verification_once_edited()
    {
        var chaines = sigma.Services.GetRequiredService<Chaines>();
        var point = await chaines.PointsDeControle("responses").PrendreAsync(DateTimeOffset.UtcNow.AddSeconds(1));
        var (client, id, _) = await PreteAEnvoyerAsync(sigma);
        (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The head on the page is the link the chain keeps for the send event.
        var page = await client.GetStringAsync($"/reponses/{id}/accuse");
        var tete = TeteChaine().Match(page).Groups[1].Value;
        await using (var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession())
        {
            var envoi = (await session.Events.FetchStreamAsync(id)).Single(e => e.Data is Sigma.Responses.Domain.ReponseEnvoyee);
            tete.ShouldBe(Convert.ToHexStringLower((await chaines.LienAsync("responses", id, envoi.Version))!));
        }
        page.ShouldContain($"n° {point.Numero}");
        page.ShouldContain(point.Racine);

        var pdf = await client.GetByteArrayAsync($"/reponses/{id}/accuse.pdf");
        var texte = string.Concat(UglyToad.PdfPig.PdfDocument.Open(pdf).GetPages().Select(p => p.Text));
        texte.ShouldContain(tete);
        texte.ShouldContain(point.Racine);

        // Sealed by the platform: the verification page (anyone may use it) says valid, and names the seal.
        var verifie = await VerifierPdfAsync(sigma.Navigateur(), pdf);
        verifie.ShouldContain("Signature valide");
        verifie.ShouldContain("cachet serveur");

        // One byte of the acknowledged content changed: the seal no longer holds.
        var modifie = (byte[])pdf.Clone();
        var milieu = modifie.Length / 3;
        modifie[milieu] = (byte)(modifie[milieu] ^ 0x01);
        var refus = await VerifierPdfAsync(sigma.Navigateur(), modifie);
        refus.ShouldNotContain("Signature valide");
        refus.ShouldContain("Signature invalide");
    }

    [Fact]
    public async Task The_auditors_verification_is_clean_then_names_an_event_changed_with_sql()
    {
        var (client, id, _) = await PreteAEnvoyerAsync(sigma);
        (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auditeur = await ConnecteAsync(sigma, "auditeur");

        var rapport = WebUtility.HtmlDecode(await auditeur.GetStringAsync("/audit/verification/rapport"));
        rapport.ShouldContain("Historique intact");
        foreach (var module in new[] { "Inscription", "Consultations", "Réponses", "Notification", "Signature" })
        {
            rapport.ShouldContain($"<td>{module}</td>");
        }

        await using (var connexion = new NpgsqlConnection(sigma.Database.ConnectionString))
        {
            await connexion.OpenAsync();
            await using var commande = new NpgsqlCommand(
                $"update responses.mt_events set data = data || '{{\"Organisation\": \"Organisme substitué\"}}' where stream_id = '{id}' and version = 1", connexion);
            (await commande.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var altere = WebUtility.HtmlDecode(await auditeur.GetStringAsync("/audit/verification/rapport"));
        altere.ShouldContain("Historique altéré");
        altere.ShouldContain($"Premier maillon rompu — module Réponses, flux {id}, version 1");
        altere.ShouldContain("il a été modifié");

        // Only auditors and agents run it.
        (await client.GetAsync("/audit/verification/rapport")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [GeneratedRegex("id=\"tete-chaine\"[^>]*>([0-9a-f]{64})<")]
    private static partial Regex TeteChaine();
}
