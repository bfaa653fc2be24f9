using System.Net.Http.Headers;

namespace Sigma.Signature.Tests;

/// <summary>The notification phase: the award asks the retained organisation to sign; it signs in Sigma or elsewhere; the agent reads the report.</summary>
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
        return (client, agent, await Attribution.DemanderSignatureAsync(sigma.Services, reponse, PdfDeTest.Classique()));
    }

    [Fact]
    public async Task The_bidder_signs_the_requested_document_in_sigma_and_the_agent_reads_a_valid_report()
    {
        var (soumissionnaire, agent, demande) = await DemandeAsync();
        var courriel = await CourrielAsync(c => c.Sujet.StartsWith("Signature demandée", StringComparison.Ordinal) && c.Texte.Contains(demande.ToString(), StringComparison.Ordinal));
        courriel.Texte.ShouldContain($"/signature/demandes/{demande}");
        courriel.Texte.ShouldContain("Offre retenue pour le lot 1");
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
}
