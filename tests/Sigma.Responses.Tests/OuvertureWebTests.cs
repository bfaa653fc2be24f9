using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

/// <summary>Before the deadline the plis stay shut: the domain refuses the opening and keeps the attempt.</summary>
public class OuvertureAvantDateLimiteTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task Opening_before_the_deadline_is_refused_by_the_domain_and_recorded()
    {
        var (client, id, _) = await PreteAEnvoyerAsync(sigma);
        (await EnvoyerAsync(client, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consultation = await ConsultationAsync(client);
        var agent = await ConnecteAsync(sigma, "agent.region");

        var page = await agent.GetStringAsync($"/back-office/ouvertures/{consultation}");
        WebUtility.HtmlDecode(page).ShouldContain("La date limite n'est pas passée");
        var refus = await agent.PosterAsync($"/back-office/ouvertures/{consultation}", $"/back-office/ouvertures/{consultation}/ouvrir", new Dictionary<string, string>());
        refus.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var apres = WebUtility.HtmlDecode(await agent.GetStringAsync(refus.Headers.Location!.ToString()));
        apres.ShouldContain("Les plis ne peuvent être ouverts qu'après la date limite");
        apres.ShouldContain("1 tentative d'ouverture refusée");

        await using var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession();
        var evenements = await session.Events.FetchStreamAsync(consultation);
        var tentative = evenements.Select(e => e.Data).OfType<OuvertureRefusee>().ShouldHaveSingleItem();
        tentative.Par.ShouldBe("agent.region");
        evenements.Select(e => e.Data).OfType<PlisOuverts>().ShouldBeEmpty();
        (await agent.GetAsync($"/back-office/ouvertures/{consultation}/plis/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A bidder is no agent.
        (await client.GetAsync($"/back-office/ouvertures/{consultation}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>After the deadline: opening, reading each pli checked against its receipt, award of a lot and its notification.</summary>
public partial class OuvertureWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task After_the_deadline_the_agent_opens_reads_intact_and_altered_plis_awards_and_notifies_every_bidder()
    {
        var (client1, id1, _) = await PreteAEnvoyerAsync(sigma);
        var (client2, id2, _) = await PreteAEnvoyerAsync(sigma);
        (await EnvoyerAsync(client1, id1)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EnvoyerAsync(client2, id2)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consultation = await ConsultationAsync(client1);
        await using var depassee = await DateLimite.DepasseeAsync(sigma, id1);
        var agent = await ConnecteAsync(sigma, "agent.region");
        Statut().Match(await agent.GetStringAsync($"/back-office/consultations/{consultation}")).Groups[1].Value.ShouldBe("Clôturée");

        var ouvrir = await agent.PosterAsync($"/back-office/ouvertures/{consultation}", $"/back-office/ouvertures/{consultation}/ouvrir", new Dictionary<string, string>());
        var seance = WebUtility.HtmlDecode(await agent.GetStringAsync(ouvrir.Headers.Location!.ToString()));
        seance.ShouldContain("Les plis sont ouverts : 2 réponses reçues.");
        seance.ShouldContain("Lire le pli");
        var statut = "";
        for (var essai = 0; essai < 50 && statut != "Ouverte"; essai++)
        {
            statut = Statut().Match(await agent.GetStringAsync($"/back-office/consultations/{consultation}")).Groups[1].Value;
            await Task.Delay(100);
        }
        statut.ShouldBe("Ouverte");

        // Each file of pli 1 is what its receipt says; pli 2 has a piece altered on disk since it was sent.
        Reponse r1, r2;
        await using (var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession())
        {
            r1 = (await session.LoadAsync<Reponse>(id1))!;
            r2 = (await session.LoadAsync<Reponse>(id2))!;
            (await session.Events.FetchStreamAsync(consultation)).Select(e => e.Data).OfType<PlisOuverts>().ShouldHaveSingleItem().Reponses.ShouldBe([id1, id2], ignoreOrder: true);
        }
        var lecture = WebUtility.HtmlDecode(await agent.GetStringAsync($"/back-office/ouvertures/{consultation}/plis/{id1}"));
        lecture.ShouldContain("Chaque fichier du pli est identique à l'accusé de réception");
        lecture.ShouldContain("Formation Occitanie Avenir");
        for (var i = 0; i < r1.FichiersEnvoyes.Count; i++)
        {
            var octets = await agent.GetByteArrayAsync($"/back-office/ouvertures/{consultation}/plis/{id1}/fichiers/{i}");
            Convert.ToHexString(SHA256.HashData(octets)).ToLowerInvariant().ShouldBe(r1.FichiersEnvoyes[i].Sha256, r1.FichiersEnvoyes[i].Nom);
        }
        var zip = await agent.GetAsync($"/back-office/ouvertures/{consultation}/plis/{id1}/pli.zip");
        zip.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");

        var altere = r2.FichiersEnvoyes.Select((f, i) => (f, i)).First(x => x.f.Nom == "CvEquipe.pdf");
        var chemin = Path.Combine(sigma.Services.GetRequiredService<StockageFichiers>().Racine, altere.f.Stockage!);
        var contenu = await File.ReadAllBytesAsync(chemin);
        contenu[40] ^= 0xFF;
        await File.WriteAllBytesAsync(chemin, contenu);
        var lecture2 = WebUtility.HtmlDecode(await agent.GetStringAsync($"/back-office/ouvertures/{consultation}/plis/{id2}"));
        lecture2.ShouldContain("1 fichier ne correspond pas à l'accusé de réception");
        lecture2.ShouldContain("ALTÉRÉ");
        (await agent.GetAsync($"/back-office/ouvertures/{consultation}/plis/{id2}/fichiers/{altere.i}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Award of lot 1: a decision without its reason is refused; then 1 retained, 2 not, and the lot notified.
        var offre1 = r1.Offres.Single(o => o.Lot == 1).Id;
        var offre2 = r2.Offres.Single(o => o.Lot == 1).Id;
        var page = $"/back-office/ouvertures/{consultation}";
        var sansMotif = await agent.PosterAsync(page, $"{page}/lots/1/decisions", Decisions((id1, offre1, "retenue", ""), (id2, offre2, "non-retenue", "Prix plus élevé")));
        WebUtility.HtmlDecode(await agent.GetStringAsync(sansMotif.Headers.Location!.ToString())).ShouldContain("Indiquez le motif de la décision");
        var inconnue = await agent.PosterAsync(page, $"{page}/lots/1/decisions", Decisions((id1, offre1, "peut-etre", "Hésitation")));
        WebUtility.HtmlDecode(await agent.GetStringAsync(inconnue.Headers.Location!.ToString())).ShouldContain("Choisissez « Retenue » ou « Non retenue » pour chaque offre jugée.");
        var tropTot = await agent.PosterAsync(page, $"{page}/lots/1/notifier", new Dictionary<string, string>());
        WebUtility.HtmlDecode(await agent.GetStringAsync(tropTot.Headers.Location!.ToString())).ShouldContain("Jugez chaque offre du lot 1 avant de notifier (2 offres sans décision)");
        var juges = await agent.PosterAsync(page, $"{page}/lots/1/decisions",
            Decisions((id1, offre1, "retenue", "Meilleur rapport qualité-prix"), (id2, offre2, "non-retenue", "Prix plus élevé que l'offre retenue")));
        WebUtility.HtmlDecode(await agent.GetStringAsync(juges.Headers.Location!.ToString())).ShouldContain("Lot 1 : 2 décisions enregistrées.");
        var notifie = await agent.PosterAsync(page, $"{page}/lots/1/notifier", new Dictionary<string, string>());
        WebUtility.HtmlDecode(await agent.GetStringAsync(notifie.Headers.Location!.ToString())).ShouldContain("Lot 1 notifié : 2 soumissionnaires sont prévenus");

        var retenu = await sigma.Smtp.AttendreAsync(r1.EmailDeposant!, c => c.Sujet.StartsWith("Votre offre", StringComparison.Ordinal));
        retenu.Sujet.ShouldStartWith("Votre offre est retenue");
        retenu.Texte.ShouldContain("Meilleur rapport qualité-prix");
        var rejete = await sigma.Smtp.AttendreAsync(r2.EmailDeposant!, c => c.Sujet.StartsWith("Votre offre", StringComparison.Ordinal));
        rejete.Sujet.ShouldStartWith("Votre offre n'est pas retenue");
        rejete.Texte.ShouldContain("Prix plus élevé que l'offre retenue");

        // The winner is asked to sign the acte d'engagement of its pli: the very file its receipt lists.
        var demande = await sigma.Smtp.AttendreAsync(r1.EmailDeposant!, c => c.Sujet.StartsWith("Signature demandée", StringComparison.Ordinal));
        var lien = Regex.Match(demande.Texte, @"http://sigma\.test(/signature/demandes/[0-9a-f-]{36})").Groups[1].Value;
        var pageDemande = WebUtility.HtmlDecode(await client1.GetStringAsync(lien));
        pageDemande.ShouldContain("Lot 1 - Acte d'engagement.pdf");
        await using (var signature = sigma.Services.GetRequiredService<Sigma.Signature.Infrastructure.Demandes.ISignatureStore>().QuerySession())
        {
            var d = (await signature.LoadAsync<Sigma.Signature.Domain.DemandeSignature>(Guid.Parse(lien.Split('/')[^1])))!;
            d.Sha256.ShouldBe(r1.FichiersEnvoyes.Single(f => f.Nom == "Lot 1 - Acte d'engagement.pdf").Sha256);
            d.ReponseId.ShouldBe(id1);
        }
        sigma.Smtp.Courriels.ShouldNotContain(c => c.A == r2.EmailDeposant && c.Sujet.StartsWith("Signature demandée", StringComparison.Ordinal));

        // The awarded offer leaves the sealed perimeter only as what the CARIF-OREF publishes and the contract's essential data (its price, public once
        // notified): no bank details, no pieces.
        await using (var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession())
        {
            var publiee = (await session.Query<Sigma.BuildingBlocks.Messaging.OutboxMessage>().ToListAsync())
                .Where(m => m.Type.Contains(nameof(Sigma.Responses.Contracts.OffreAttribueeIntegrationEvent), StringComparison.Ordinal)).ShouldHaveSingleItem();
            var snapshot = System.Text.Json.JsonSerializer.Deserialize<Sigma.Responses.Contracts.OffreAttribueeIntegrationEvent>(publiee.Payload, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
            snapshot.ReponseId.ShouldBe(id1);
            snapshot.Action.Intitule.ShouldBe("Projet Pro Est");
            snapshot.Composantes.ShouldHaveSingleItem().Formacode.ShouldBe("15062");
            snapshot.Sites.ShouldHaveSingleItem().AccesTransportsCommun.ShouldBe(true);
            publiee.Payload.ShouldNotContain("FR76");
            snapshot.Marche!.PrixUnitaireHt.ShouldBe("2 400");
            snapshot.NumeroActivite.ShouldBe("76 34 01234 34");
            snapshot.Composantes[0].Rythme.ShouldBe("Temps plein, 35 h par semaine");
            snapshot.ReferentHandicap!.Email.ShouldBe("handicap@foa.fr");
        }

        // Notified decisions are final; the consultation's status follows.
        var apres = await agent.PosterAsync(page, $"{page}/lots/1/decisions", Decisions((id2, offre2, "retenue", "Changement d'avis")));
        WebUtility.HtmlDecode(await agent.GetStringAsync(apres.Headers.Location!.ToString())).ShouldContain("Les décisions du lot 1 sont notifiées");
        for (var essai = 0; essai < 50 && !(await agent.GetStringAsync($"/back-office/consultations/{consultation}")).Contains("notifié", StringComparison.Ordinal); essai++)
        {
            await Task.Delay(100);
        }
        Statut().Match(await agent.GetStringAsync($"/back-office/consultations/{consultation}")).Groups[1].Value.ShouldBe("Attribuée (lot 1 notifié)");

        // The consultation's history, as the auditor reads it: the opening, the award and its notification, the signature request.
        var auditeur = await ConnecteAsync(sigma, "auditeur");
        var histoire = "";
        for (var essai = 0; essai < 50 && !histoire.Contains("<td>Signature demandée</td>", StringComparison.Ordinal); essai++)
        {
            histoire = WebUtility.HtmlDecode(await auditeur.GetStringAsync($"/audit/consultations/{consultation}"));
            await Task.Delay(100);
        }
        histoire.ShouldContain("<td>Plis ouverts</td>");
        histoire.ShouldContain("<td>Lot 1 attribué et notifié</td>");
        histoire.ShouldContain("— retenue : Meilleur rapport qualité-prix");
        histoire.ShouldContain("— non retenue : Prix plus élevé que l'offre retenue");
        histoire.ShouldContain("<td>Signature demandée</td>");
    }

    private static Dictionary<string, string> Decisions(params (Guid Reponse, Guid Offre, string Decision, string Motif)[] decisions)
    {
        var champs = new Dictionary<string, string>();
        for (var i = 0; i < decisions.Length; i++)
        {
            champs[$"Decisions[{i}].ReponseId"] = decisions[i].Reponse.ToString();
            champs[$"Decisions[{i}].OffreId"] = decisions[i].Offre.ToString();
            champs[$"Decisions[{i}].Decision"] = decisions[i].Decision;
            champs[$"Decisions[{i}].Motif"] = decisions[i].Motif;
        }
        return champs;
    }

    [GeneratedRegex("id=\"statut\">([^<]+)<")]
    private static partial Regex Statut();
}
