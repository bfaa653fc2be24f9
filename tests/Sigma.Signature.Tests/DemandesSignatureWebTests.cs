using System.Net.Http.Headers;

namespace Sigma.Signature.Tests;

/// <summary>The notification phase: an agent asks the organisation of a sent response to sign; it signs in Sigma; the agent reads the report.</summary>
public class DemandesSignatureWebTests(SignatureFactory sigma) : IClassFixture<SignatureFactory>
{
    private static async Task<HttpResponseMessage> PosterFichiersAsync(HttpClient client, string page, string action, Dictionary<string, string> champs,
        params (string Nom, string Fichier, byte[] Octets)[] fichiers)
    {
        using var formulaire = new MultipartFormDataContent { { new StringContent(await client.JetonAsync(page)), "__RequestVerificationToken" } };
        foreach (var (cle, valeur) in champs)
        {
            formulaire.Add(new StringContent(valeur), cle);
        }
        foreach (var (nom, fichier, octets) in fichiers)
        {
            var contenu = new ByteArrayContent(octets);
            contenu.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            formulaire.Add(contenu, nom, fichier);
        }
        return await client.PostAsync(action, formulaire);
    }

    private async Task<Sigma.Notification.Infrastructure.CourrielCapte> CourrielAsync(Func<Sigma.Notification.Infrastructure.CourrielCapte, bool> filtre)
    {
        for (var essai = 0; essai < 100; essai++)
        {
            if (sigma.Smtp.Courriels.FirstOrDefault(filtre) is { } courriel)
            {
                return courriel;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException("Courriel attendu non reçu");
    }

    private async Task<(HttpClient Soumissionnaire, HttpClient Agent, Guid Demande)> DemandeAsync()
    {
        var (client, reponse, _) = await Soumissionnaire.PreteAEnvoyerAsync(sigma);
        (await Soumissionnaire.EnvoyerAsync(client, reponse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agent = await Soumissionnaire.ConnecteAsync(sigma, "agent.region");
        var page = $"/signature/demandes/nouvelle?reponse={reponse}";
        for (var essai = 0; !(await agent.GetStringAsync(page)).Contains($"value=\"{reponse}\"", StringComparison.Ordinal); essai++)
        {
            essai.ShouldBeLessThan(50, "La réponse envoyée n'est jamais arrivée dans le module Signature");
            await Task.Delay(100);
        }
        var creee = await PosterFichiersAsync(agent, page, "/signature/demandes",
            new() { ["reponseId"] = reponse.ToString(), ["lot"] = "1", ["message"] = "Merci de signer avant vendredi." },
            ("document", "Acte d'engagement lot 1.pdf", PdfDeTest.Classique()));
        creee.StatusCode.ShouldBe(HttpStatusCode.Redirect, await creee.Content.ReadAsStringAsync());
        return (client, agent, Guid.Parse(creee.Headers.Location!.ToString().Split('/').Last()));
    }

    [Fact]
    public async Task The_bidder_signs_the_requested_document_in_sigma_and_the_agent_reads_a_valid_report()
    {
        var (soumissionnaire, agent, demande) = await DemandeAsync();
        var courriel = await CourrielAsync(c => c.Sujet.StartsWith("Signature demandée", StringComparison.Ordinal) && c.Texte.Contains(demande.ToString(), StringComparison.Ordinal));
        courriel.Texte.ShouldContain($"/signature/demandes/{demande}");
        courriel.Texte.ShouldContain("Merci de signer avant vendredi.");
        (await soumissionnaire.GetStringAsync("/signature/demandes")).ShouldContain($"/signature/demandes/{demande}");

        var page = $"/signature/demandes/{demande}";
        var refus = await PosterFichiersAsync(soumissionnaire, page, $"{page}/signer", new() { ["motDePasse"] = "faux" },
            ("certificat", "moi.p12", Pki.Instance.Pkcs12(Pki.Instance.Signataire)));
        (await refus.Content.ReadAsStringAsync()).ShouldContain("fr-message--error");

        var signe = await PosterFichiersAsync(soumissionnaire, page, $"{page}/signer", new() { ["motDePasse"] = Pki.MotDePasse },
            ("certificat", "moi.p12", Pki.Instance.Pkcs12(Pki.Instance.Signataire)));
        signe.Headers.Location!.ToString().ShouldBe(page);
        var detail = await agent.GetStringAsync(page);
        detail.ShouldContain("Signature valide");
        detail.ShouldContain("Acte d&#x27;engagement lot 1");
        detail.ShouldContain("dans Sigma");
        (await sigma.Smtp.AttendreAsync("agent.region@sigma.localhost", c => c.Sujet.Contains("Document signé déposé", StringComparison.Ordinal))).Texte
            .ShouldContain("Signature valide");

        var version = System.Text.RegularExpressions.Regex.Match(detail, $"/signature/demandes/{demande}/versions/([0-9a-f-]{{36}})").Groups[1].Value;
        var pdf = await agent.GetByteArrayAsync($"/signature/demandes/{demande}/versions/{version}");
        Signatures.Verifier(pdf).Conclusion.ShouldBe(Sigma.Signature.Domain.Verdict.Valide);
        (await soumissionnaire.GetStringAsync(page)).ShouldNotContain($"action=\"{page}/signer\"");
    }

    [Fact]
    public async Task A_document_signed_elsewhere_is_verified_and_an_unsigned_one_leaves_the_request_open()
    {
        var (soumissionnaire, agent, demande) = await DemandeAsync();
        var page = $"/signature/demandes/{demande}";
        (await PosterFichiersAsync(soumissionnaire, page, $"{page}/deposer", [], ("fichier", "non-signe.pdf", PdfDeTest.Classique()))).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);
        (await agent.GetStringAsync(page)).ShouldNotContain("Signature valide</span>");
        (await soumissionnaire.GetStringAsync(page)).ShouldContain($"action=\"{page}/deposer\"");

        var signeAilleurs = Signatures.SignerPdf(PdfDeTest.Classique());
        (await PosterFichiersAsync(soumissionnaire, page, $"{page}/deposer", [], ("fichier", "signe.pdf", signeAilleurs))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await agent.GetStringAsync(page);
        detail.ShouldContain("avec un autre outil");
        detail.ShouldContain("Signature valide");

        var (etranger, _) = await Soumissionnaire.NouvelOrganismeAsync(sigma);
        (await etranger.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await etranger.GetAsync($"{page}/document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_incomplete_request_is_shown_again_with_each_message_next_to_its_field_and_what_was_typed()
    {
        var agent = await Soumissionnaire.ConnecteAsync(sigma, "agent.region");
        var refus = await agent.PosterAsync("/signature/demandes/nouvelle", "/signature/demandes",
            new Dictionary<string, string> { ["lot"] = "2", ["message"] = "Merci de signer." });
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refus.Content.ReadAsStringAsync();
        page.ShouldContain("id=\"ReponseId-erreur\">Choisissez la réponse de l&#x27;organisme");
        page.ShouldContain("id=\"Document-erreur\">Choisissez le document à faire signer");
        page.ShouldNotContain("id=\"Lot-erreur\"");
        page.ShouldContain("value=\"2\"");
        page.ShouldContain(">Merci de signer.</textarea>");
    }
}
