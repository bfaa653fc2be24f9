using System.Security.Cryptography;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

public class ReponsesWebTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    [Fact]
    public async Task A_complete_response_is_sent_with_a_receipt_on_page_pdf_and_mail()
    {
        var (client, id, _) = await PreteAEnvoyerAsync(sigma);
        var envoi = await EnvoyerAsync(client, id);
        envoi.Headers.Location!.ToString().ShouldBe($"/reponses/{id}/accuse");

        var accuse = await client.GetStringAsync($"/reponses/{id}/accuse");
        var numero = System.Text.RegularExpressions.Regex.Match(accuse, "id=\"numero-accuse\">([^<]+)<").Groups[1].Value;
        numero.ShouldStartWith("AR-2027-PP-003-");
        var sha = Convert.ToHexString(SHA256.HashData(Pdf("Pouvoirs"))).ToLowerInvariant();
        accuse.ShouldContain(sha);
        accuse.ShouldMatch("Formation Occitanie Avenir — SIRET \\d{14}");
        accuse.ShouldContain("AnnexeTechnique.pdf");

        var pdf = await client.GetAsync($"/reponses/{id}/accuse.pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var texte = string.Join(" ", UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()).GetPages().Select(p => p.Text));
        texte.ShouldContain(numero);
        texte.ShouldContain(sha);

        // The receipt is mailed by a background job: wait for it rather than read the mailbox at once.
        for (var i = 0; i < 100 && !sigma.Smtp.Courriels.Any(c => c.Sujet.Contains(numero, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }
        var courriel = await sigma.Smtp.AttendreAsync(sigma.Smtp.Courriels.Last(c => c.Sujet.Contains(numero, StringComparison.Ordinal)).A);
        courriel.Sujet.ShouldContain("Accusé de réception");
        courriel.Texte.ShouldContain(sha);
        courriel.Texte.ShouldContain("Lots : lot 1");

        // The agents' deposit registry lists it, from the receipt only.
        var agent = await ConnecteAsync(sigma, "agent.region");
        var consultation = await ConsultationAsync(client);
        string registre;
        var essais = 0;
        do
        {
            await Task.Delay(100);
            registre = await agent.GetStringAsync($"/back-office/consultations/{consultation}/registres/depots");
        }
        while (!registre.Contains(numero, StringComparison.Ordinal) && ++essais < 50);
        registre.ShouldContain(numero);
        registre.ShouldContain("Formation Occitanie Avenir");
        (await agent.GetStringAsync($"/back-office/consultations/{consultation}/registres/depots.csv")).ShouldContain($"{numero};Formation Occitanie Avenir;");
    }

    [Fact]
    public async Task Validating_an_incomplete_candidature_lists_what_is_missing_and_keeps_the_input_as_draft()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        var champs = Candidat();
        champs.Remove("Candidat.Signataire.Nom");
        champs["Candidat.Executant.Siret"] = "73282932000075";

        var refus = await OngletAsync(client, $"/reponses/{id}/candidature/candidat", champs, "valider");
        var html = await refus.Content.ReadAsStringAsync();
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        Erreurs(html).ShouldContain("Le SIRET compte 14 chiffres et sa clé doit être juste : vérifiez-le sur votre extrait Kbis ou l'avis de situation INSEE.");
        html.ShouldHaveField("Candidat.Executant.Siret", "73282932000075");
        html.ShouldHaveField("Candidat.Signataire.Prenom", "Claire");

        champs["Candidat.Executant.Siret"] = "73282932000074";
        html = await (await OngletAsync(client, $"/reponses/{id}/candidature/candidat", champs, "valider")).Content.ReadAsStringAsync();
        Erreurs(html).ShouldContain("Saisissez le nom.");
        html.ShouldContain("id=\"Candidat_Signataire_Nom\"");
        html.ShouldContain("À compléter dans les autres onglets");
        html.ShouldContain("Déposez la pièce « Certification Qualiopi ou devis en cours ».");
        html.ShouldContain("Brouillon");
        html.ShouldHaveField("Candidat.Signataire.Prenom", "Claire");
        (await client.GetStringAsync($"/reponses/{id}")).ShouldNotContain("fr-badge--success");
        // The summary at the top names the section of each missing field.
        System.Net.WebUtility.HtmlDecode(html).ShouldContain("Signataire — Saisissez le nom.");
    }

    [Fact]
    public async Task A_new_organisations_first_response_starts_from_its_registration_field_by_field()
    {
        var (client, identifiant) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        var html = await client.GetStringAsync($"/reponses/{id}/candidature/candidat");
        html.ShouldHaveField("Candidat.Siege.Adresse", "3 place du Capitole");
        html.ShouldHaveField("Candidat.Siege.CodePostal", "31000");
        html.ShouldHaveField("Candidat.Siege.Commune", "Toulouse");
        html.ShouldHaveField("Candidat.Siege.Email", $"{identifiant}@cfp.test");
    }

    [Fact]
    public async Task An_offer_needs_a_validated_candidature_and_there_is_one_offer_per_lot()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        var avant = await client.PosterAsync($"/reponses/{id}", $"/reponses/{id}/offres", new Dictionary<string, string> { ["lot"] = "1" });
        avant.Headers.Location!.ToString().ShouldBe($"/reponses/{id}");
        (await client.GetStringAsync($"/reponses/{id}")).ShouldContain("Pour créer un dossier d'offre, la candidature doit d'abord être validée");

        await ValiderCandidatureAsync(client, id);
        var offre = await CreerOffreAsync(client, id);
        var sites = await client.GetStringAsync($"/reponses/{id}/offres/{offre}/sites");
        sites.ShouldHaveField("Sites[0].Nom", "12 rue de la Loge");
        var pedagogie = await client.GetStringAsync($"/reponses/{id}/offres/{offre}/pedagogie");
        pedagogie.ShouldHaveField("Composantes[0].Formacode", "15062");
        pedagogie.ShouldHaveField("Composantes[0].Blocs[1].Intitule", "Bloc de compétences professionnelles");
        pedagogie.ShouldHaveField("Composantes[0].Modules[3].Intitule", "Validation d&#x27;un ou de projet(s) professionnel(s)");

        var double_ = await client.PosterAsync($"/reponses/{id}", $"/reponses/{id}/offres", new Dictionary<string, string> { ["lot"] = "1" });
        double_.Headers.Location!.ToString().ShouldBe($"/reponses/{id}");
        (await client.GetStringAsync($"/reponses/{id}")).ShouldContain("Une offre existe déjà pour le lot 1 : une seule offre par lot.");
    }

    [Fact]
    public async Task A_major_change_of_the_candidature_requires_deleting_the_offers_first()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        await ValiderCandidatureAsync(client, id);
        var offre = await CreerOffreAsync(client, id);

        var refus = await OngletAsync(client, $"/reponses/{id}/candidature/candidat", Candidat("GroupementSolidaire"));
        (await refus.Content.ReadAsStringAsync()).ShouldContain("Changer la forme de la candidature ou ajouter un co-traitant est une modification majeure");

        var mineure = Candidat();
        mineure["Candidat.Signataire.Telephone"] = "06 12 34 56 78";
        var acceptee = await OngletAsync(client, $"/reponses/{id}/candidature/candidat", mineure);
        acceptee.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(acceptee.Headers.Location!.ToString())).ShouldContain("les offres déjà saisies ne sont pas mises à jour");

        await client.PosterAsync($"/reponses/{id}", $"/reponses/{id}/offres/{offre}/supprimer", new Dictionary<string, string>());
        (await OngletAsync(client, $"/reponses/{id}/candidature/candidat", Candidat("GroupementSolidaire"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_stale_save_is_refused_naming_who_saved_in_between_and_the_input_stays()
    {
        var (premier, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(premier, await ConsultationAsync(premier));
        var page = $"/reponses/{id}/candidature/sites";
        var versionLue = Version(await premier.GetStringAsync(page));

        var autre = SiteDeCandidature.ToDictionary();
        autre["Sites[0].Commune"] = "Sète";
        (await OngletAsync(premier, page, autre, version: versionLue)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mien = SiteDeCandidature.ToDictionary();
        mien["Sites[0].Commune"] = "Lunel";
        var refus = await OngletAsync(premier, page, mien, version: versionLue);
        var html = await refus.Content.ReadAsStringAsync();
        html.ShouldContain("Hélène Durand");
        html.ShouldContain("a enregistré ce formulaire le");
        html.ShouldHaveField("Sites[0].Commune", "Lunel");
        (await OngletAsync(premier, page, mien, version: Version(html))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await premier.GetStringAsync(page)).ShouldHaveField("Sites[0].Commune", "Lunel");
    }

    [Fact]
    public async Task Two_accounts_of_one_organisation_on_the_same_form_the_second_is_told_who_saved_and_keeps_the_input()
    {
        var admin = await ConnecteAsync(sigma, "admin.demo");
        var formateur = await ConnecteAsync(sigma, "formateur.demo");
        var id = await CommencerAsync(admin, await ConsultationAsync(admin, "2027-FP-001"));
        var page = $"/reponses/{id}/candidature/sites";
        var versionAdmin = Version(await admin.GetStringAsync(page));
        var versionFormateur = Version(await formateur.GetStringAsync(page));

        var saisieAdmin = SiteDeCandidature.ToDictionary();
        saisieAdmin["Sites[0].Commune"] = "Sète";
        (await OngletAsync(admin, page, saisieAdmin, version: versionAdmin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var saisieFormateur = SiteDeCandidature.ToDictionary();
        saisieFormateur["Sites[0].Commune"] = "Lunel";
        var html = await (await OngletAsync(formateur, page, saisieFormateur, version: versionFormateur)).Content.ReadAsStringAsync();
        html.ShouldContain("Claire Martin (admin.demo) a enregistré ce formulaire le");
        html.ShouldHaveField("Sites[0].Commune", "Lunel");
        (await admin.GetStringAsync(page)).ShouldHaveField("Sites[0].Commune", "Sète");

        (await OngletAsync(formateur, page, saisieFormateur, version: Version(html))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var apres = await admin.GetStringAsync(page);
        apres.ShouldHaveField("Sites[0].Commune", "Lunel");
        apres.ShouldContain("Dernier enregistrement par");
    }

    [Fact]
    public async Task An_account_drafts_one_response_per_consultation_and_another_organisation_cannot_see_it()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var consultation = await ConsultationAsync(client);
        var id = await CommencerAsync(client, consultation);
        (await CommencerAsync(client, consultation)).ShouldBe(id);

        var (etranger, _) = await NouvelOrganismeAsync(sigma);
        (await CommencerAsync(etranger, consultation)).ShouldNotBe(id);
        (await etranger.GetAsync($"/reponses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await etranger.GetAsync($"/reponses/{id}/candidature/candidat")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OngletAsync(client, $"/reponses/{id}/candidature/sites", SiteDeCandidature)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sigma.Navigateur().GetAsync($"/reponses/{id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Uploads_are_checked_for_type_and_their_names_are_sanitised()
    {
        var (client, _) = await NouvelOrganismeAsync(sigma);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        var refus = await DeposerAsync(client, id, null, "Pouvoirs", "outil.exe", [1, 2, 3]);
        refus.Headers.Location!.ToString().ShouldEndWith("#depot-Pouvoirs");
        (await client.GetStringAsync(refus.Headers.Location!.ToString().Split('#')[0])).ShouldContain("Le type du fichier « outil.exe » n&#x27;est pas accepté");

        (await DeposerAsync(client, id, null, "Pouvoirs", "../../pou<voirs>.pdf", Pdf("x"))).Headers.Location!.ToString().ShouldNotContain("#depot");
        var page = await client.GetStringAsync($"/reponses/{id}/candidature/pieces");
        page.ShouldContain("pou_voirs_.pdf");
        page.ShouldNotContain("../");
    }

    [Fact]
    public async Task Nothing_can_change_after_sending_and_two_racing_sends_make_one_receipt()
    {
        var (client, id, offre) = await PreteAEnvoyerAsync(sigma);
        var jeton = await client.JetonAsync($"/reponses/{id}/envoyer");
        var envois = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsync($"/reponses/{id}/envoyer", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = jeton }))));
        envois.Count(e => e.StatusCode == HttpStatusCode.Redirect).ShouldBeGreaterThanOrEqualTo(1);
        await using (var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession())
        {
            var evenements = await session.Events.FetchStreamAsync(id);
            evenements.Count(e => e.Data is ReponseEnvoyee).ShouldBe(1);
        }

        (await client.GetAsync($"/reponses/{id}/candidature/candidat")).Headers.Location!.ToString().ShouldBe($"/reponses/{id}/accuse");
        var apres = await client.PostAsync($"/reponses/{id}/candidature/sites", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.JetonAsync($"/reponses/{id}/accuse"), ["version"] = "99", ["action"] = "enregistrer", ["Sites[0].Nom"] = "1 rue Neuve",
        }));
        (await apres.Content.ReadAsStringAsync()).ShouldContain("Cette réponse est envoyée : elle est scellée jusqu&#x27;à l&#x27;ouverture des plis");
        (await DeposerAsync(client, id, offre, "AutreOffre", "ajout.pdf", Pdf("ajout"), $"/reponses/{id}/accuse")).Headers.Location!.ToString().ShouldContain("#depot");
        (await client.GetAsync($"/reponses/{id}/offres/{offre}/offre")).Headers.Location!.ToString().ShouldBe($"/reponses/{id}/accuse");
    }

    [Fact]
    public async Task A_candidate_sends_one_offer_per_lot_alone_or_within_one_groupement()
    {
        var siret = NouveauSiret();
        var (premier, _) = await NouvelOrganismeAsync(sigma);
        var consultation = await ConsultationAsync(premier);
        var id = await CommencerAsync(premier, consultation);
        await ValiderCandidatureAsync(premier, id, siret);
        await ValiderOffreAsync(premier, id, await CreerOffreAsync(premier, id));
        (await EnvoyerAsync(premier, id)).Headers.Location!.ToString().ShouldEndWith("/accuse");

        // The same establishment, now a member of a groupement led by another organisation, on the same lot.
        var (second, _) = await NouvelOrganismeAsync(sigma);
        var autre = await CommencerAsync(second, consultation);
        var champs = Candidat("GroupementSolidaire", NouveauSiret());
        (await OngletAsync(second, $"/reponses/{autre}/candidature/candidat", champs)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var membre = new Dictionary<string, string> { ["RepartitionPrestations"] = "Moitié chacun", ["Membres[0].Prestations"] = "Formation" };
        foreach (var d in new[] { Etablissement("Membres[0].Siege", "Membre", siret), Personne("Membres[0].RepresentantLegal"), Personne("Membres[0].Signataire") })
        {
            foreach (var (k, v) in d)
            {
                membre[k] = v;
            }
        }
        for (var i = 0; i < 3; i++)
        {
            membre[$"Membres[0].ChiffresAffaires[{i}].Exercice"] = "2024";
            membre[$"Membres[0].ChiffresAffaires[{i}].Montant"] = "100 000";
        }
        (await OngletAsync(second, $"/reponses/{autre}/candidature/membres", membre)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OngletAsync(second, $"/reponses/{autre}/candidature/sites", SiteDeCandidature)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var piece in new[] { "Pouvoirs", "BilanDreets", "Qualiopi", "HabilitationMandataire" })
        {
            await DeposerAsync(second, autre, null, piece, $"{piece}.pdf", Pdf(piece));
        }
        (await OngletAsync(second, $"/reponses/{autre}/candidature/pieces", [], "valider")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ValiderOffreAsync(second, autre, await CreerOffreAsync(second, autre));
        var refus = await EnvoyerAsync(second, autre);
        (await refus.Content.ReadAsStringAsync()).ShouldContain($"Le SIRET {siret} a déjà une offre envoyée sur le lot 1 de cette consultation");
    }

    [Fact]
    public async Task Sending_after_the_deadline_is_refused_by_the_server_clock()
    {
        var (client, id, _) = await PreteAEnvoyerAsync(sigma);
        await using (await DateLimite.DepasseeAsync(sigma, id))
        {
            var refus = await EnvoyerAsync(client, id);
            refus.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refus.Content.ReadAsStringAsync()).ShouldContain("est passée : la réponse ne peut plus être envoyée.");
        }
    }
}
