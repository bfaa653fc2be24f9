using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sigma.EndToEnd.Tests;

/// <summary>
/// The shortest complete answer a bidder sends, clicked in the browser: the steps of <see cref="ReponseParcoursTests"/>
/// without its detours (the missing field, the wrong IBAN, the editions): candidature, one offer for lot 1, the definitive send.
/// </summary>
internal static class EnvoiReponse
{
    public static FilePayload Fichier(string nom) => new()
    {
        Name = nom, MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes($"%PDF-1.4\n% pièce {nom}\n" + new string('x', 3000)),
    };

    /// <summary>Answers <paramref name="reference"/> lot 1 with the signed-in account and sends it; returns the receipt's number.</summary>
    /// <summary>
    /// What the in-process tests do with <c>DateLimite.DepasseeAsync</c>, on the E2E host's own database: both copies of
    /// the consultation's deadline (the Responses module's, which decides the opening, and the Consultations module's,
    /// which gives its status) are put in the past, as the Consultations module's events move them in production.
    /// </summary>
    public static async Task DepasserDateLimiteAsync(string connectionString, string reference)
    {
        await using var connexion = new Npgsql.NpgsqlConnection(connectionString);
        await connexion.OpenAsync();
        foreach (var table in new[] { "responses.mt_doc_consultationconnue", "consultations.mt_doc_consultation" })
        {
            await using var commande = new Npgsql.NpgsqlCommand(
                $"update {table} set data = jsonb_set(data, '{{DateLimite}}', to_jsonb('2020-01-01T00:00:00+00:00'::text)) where data->>'Reference' = @reference", connexion);
            commande.Parameters.AddWithValue("reference", reference);
            (await commande.ExecuteNonQueryAsync()).ShouldBe(1, $"La consultation {reference} est introuvable dans {table}.");
        }
    }

    /// <summary>The agent, signed in: Back-office > Consultations > the consultation > « Ouverture des plis », one pli received and sealed.</summary>
    public static async Task AllerAOuvertureAsync(Navigation agent, string reference)
    {
        var menu = agent.Page.Locator("nav#navigation");
        await menu.GetByRole(AriaRole.Button, new() { Name = "Back-office", Exact = true }).ClickAsync();
        await agent.CliquerAsync(menu.GetByRole(AriaRole.Link, new() { Name = "Consultations", Exact = true }));
        await agent.CliquerAsync(agent.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }));
        await agent.CliquerAsync(agent.Page.Locator("#lien-ouverture"));
        agent.Page.Url.ShouldMatch(@"/back-office/ouvertures/[0-9a-f-]{36}$");
        (await agent.TexteAsync("h1")).ShouldBe("Ouverture des plis");
        (await agent.TexteAsync("#plis-recus")).ShouldContain("1 pli reçu, scellé");
    }

    /// <summary>« Ouvrir les plis »: the confirmation is read and accepted, the opening is announced.</summary>
    public static async Task OuvrirLesPlisAsync(Navigation agent, string reference)
    {
        var questions = new List<string>();
        void Accepter(object? _, IDialog d)
        {
            questions.Add(d.Message);
            _ = d.AcceptAsync();
        }
        agent.Page.Dialog += Accepter;
        await agent.CliquerAsync(agent.Bouton("Ouvrir les plis"));
        agent.Page.Dialog -= Accepter;
        questions.ShouldBe([$"Ouvrir les plis de la consultation {reference} ? L'ouverture est définitive et enregistrée à votre nom."]);
        (await agent.TexteAsync("#message")).ShouldBe("Les plis sont ouverts : 1 réponse reçue.");
    }

    public static async Task<string> EnvoyerLot1Async(Navigation n, string reference, string titre)
    {
        await n.AllerAsync($"/consultations?q={reference}");
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = titre }));
        await n.CliquerAsync(n.Bouton("Répondre à la consultation"));
        n.Page.Url.ShouldMatch(@"/reponses/[0-9a-f-]{36}$");
        var dossier = n.Page.Url;

        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Dossier de candidature" }));
        await n.Page.GetByLabel("Candidat seul (titulaire unique)").CheckAsync(new() { Force = true });
        await n.Page.GetByLabel(new Regex("^Lot 1 —")).CheckAsync(new() { Force = true });
        await RemplirEtablissementAsync(n, "#siege");
        var siege = n.Page.Locator("#siege");
        await n.SaisirAsync("Adresse", "12 rue de la Loge", siege);
        await n.SaisirAsync("Code postal", "34000", siege);
        await n.SaisirAsync("Commune", "Montpellier", siege);
        await n.CliquerAsync(n.Bouton("Recopier l'adresse du siège pour l'établissement exécutant, le représentant légal et le signataire"));
        await RemplirEtablissementAsync(n, "#executant");
        await RemplirPersonneAsync(n, "#representant", "Durand");
        await RemplirPersonneAsync(n, "#signataire", "Martin");
        var chiffres = n.Page.Locator("#chiffres");
        for (var i = 0; i < 3; i++)
        {
            await chiffres.GetByLabel(new Regex($"^Exercice {i + 1}")).FillAsync((2023 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await chiffres.GetByLabel(new Regex("^Chiffre d'affaires HT")).Nth(i).FillAsync("450 000");
        }
        await n.CliquerAsync(n.Bouton("Enregistrer"));

        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Sites de réalisation" }));
        await n.SaisirAsync("Nom du site", "12 rue de la Loge");
        await n.SaisirAsync("Code postal", "34000");
        await n.SaisirAsync("Commune", "Montpellier");
        await n.CliquerAsync(n.Bouton("Enregistrer"));

        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Pièces jointes" }));
        await DeposerAsync(n, "Pouvoirs", "Pouvoirs.pdf");
        await DeposerAsync(n, "BilanDreets", "Bilan DREETS 2025.pdf");
        await DeposerAsync(n, "Qualiopi", "Qualiopi.pdf");
        await n.CliquerAsync(n.Bouton("Valider la candidature"));
        (await n.Page.Locator("h1").InnerTextAsync()).ShouldContain("Validé");

        var offre = await CreerOffreLot1Async(n, dossier);

        await n.AllerAsync($"{offre}/prestataires");
        await n.Page.Locator("#Prestataires_AssujettiTva").GetByLabel("Non").CheckAsync(new() { Force = true });
        await n.Page.Locator("#Prestataires_Avance").GetByLabel("Oui").CheckAsync(new() { Force = true });
        await n.Champ("Fréquence de facturation").SelectOptionAsync("Mensuelle");
        await n.SaisirAsync("Titulaire du compte", "Formation Occitanie Avenir");
        await n.SaisirAsync("IBAN", "FR76 3000 6000 0112 3456 7890 189");
        await n.SaisirAsync("BIC", "AGRIFRPP");
        await n.Page.Locator("#Prestataires_SousTraitance").GetByLabel("Non").CheckAsync(new() { Force = true });
        await n.CliquerAsync(n.Bouton("Enregistrer"));

        await n.AllerAsync($"{offre}/sites");
        await RemplirSitesOffreAsync(n);

        await n.AllerAsync($"{offre}/pedagogie");
        await RemplirPedagogieAsync(n);

        await n.AllerAsync($"{offre}/prix");
        await ValiderPrixAsync(n);

        await n.AllerAsync(dossier);
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Envoyer la réponse" }));
        await n.CliquerAsync(n.Bouton("Confirmer l'envoi définitif"));
        var numero = await n.TexteAsync("#numero-accuse");
        numero.ShouldStartWith($"AR-{reference}-");
        return numero;
    }

    /// <summary>« Créer une offre » for lot 1 from the response's page, its « Offre » tab saved and its four pieces deposited; returns the offer's address.</summary>
    public static async Task<string> CreerOffreLot1Async(Navigation n, string dossier)
    {
        await n.AllerAsync(dossier);
        await n.Page.GetByLabel(new Regex("^Lot de la nouvelle offre")).SelectOptionAsync(new SelectOptionValue { Label = "Lot 1 — Projet Pro Occitanie Est" });
        await n.CliquerAsync(n.Bouton("Créer une offre"));
        var offre = n.Page.Url[..n.Page.Url.LastIndexOf('/')];
        await n.SaisirAsync("Intitulé de l'offre", "Projet Pro Est");
        await n.SaisirAsync("Caractéristiques générales de l'offre", "Parcours de 400 heures, entrées et sorties permanentes.");
        await n.SaisirAsync("Date de début", "2027-02-01");
        await n.SaisirAsync("Date de fin", "2027-09-30");
        await n.SaisirAsync("Effectif prévu", "12");
        await n.CliquerAsync(n.Bouton("Enregistrer"));
        foreach (var (categorie, nom) in new[] { ("TableauRessourcesHumaines", "RH.pdf"), ("CvEquipe", "CV.pdf"), ("PlateauxTechniques", "Plateaux.pdf"), ("AnnexeTechnique", "Annexe technique.pdf") })
        {
            await DeposerAsync(n, categorie, nom);
        }
        return offre;
    }

    /// <summary>The offer's « Sites de réalisation » tab (the page open), filled and saved.</summary>
    public static async Task RemplirSitesOffreAsync(Navigation n)
    {
        await n.SaisirAsync("Description des locaux", "Trois salles, dont une informatique.");
        await n.SaisirAsync("Moyens matériels", "12 postes, vidéoprojecteurs.");
        await n.Page.Locator("#Sites_0__AccesTransportsCommun").GetByLabel("Oui").CheckAsync(new() { Force = true });
        await n.Page.GetByLabel(new Regex("^Moyens de transport pour accéder au site")).FillAsync("Tram 1, arrêt Comédie");
        await n.Page.Locator("#Sites_0__AccessibleHandicap").GetByLabel("Oui").CheckAsync(new() { Force = true });
        await n.Page.Locator("#Sites_0__Hebergement").GetByLabel("Non").CheckAsync(new() { Force = true });
        await n.SaisirAsync("Restauration", "Restaurants à proximité");
        await n.CliquerAsync(n.Bouton("Enregistrer"));
    }

    /// <summary>The offer's « Informations pédagogiques » tab (the page open), filled and saved.</summary>
    public static async Task RemplirPedagogieAsync(Navigation n)
    {
        await n.Page.Locator("#Composantes_0__DateDebut").FillAsync("2027-02-01");
        await n.Page.Locator("#Composantes_0__DateFin").FillAsync("2027-09-30");
        await n.Page.Locator("#Composantes_0__VolumeHoraire").FillAsync("400");
        await n.Page.Locator("#Composantes_0__Effectif").FillAsync("12");
        foreach (var (champ, valeur) in new[] { ("Prerequis", "Aucun"), ("Objectifs", "Construire un projet professionnel"), ("ModalitesRecrutement", "Entretien"),
                     ("ModalitesPedagogiques", "Présentiel et immersions"), ("ResultatsAttendus", "Projet validé"), ("Contenu", "Remise à niveau, immersions") })
        {
            await n.Page.Locator($"#Composantes_0__{champ}").FillAsync(valeur);
        }
        for (var m = 0; m < 4; m++)
        {
            await n.Page.Locator($"#Composantes_0__Modules_{m}__VolumeHoraire").FillAsync("100");
        }
        await n.CliquerAsync(n.Bouton("Enregistrer"));
    }

    /// <summary>The offer's « Prix » tab (the page open), filled and validated.</summary>
    public static async Task ValiderPrixAsync(Navigation n)
    {
        await n.Page.Locator("#Prix_PrixUnitaireHt").FillAsync("2 400");
        await n.SaisirAsync("Frais pédagogiques (€)", "2 000");
        await n.SaisirAsync("Frais de structure (€)", "400");
        await n.CliquerAsync(n.Bouton("Valider"));
        (await n.Page.Locator("h1").InnerTextAsync()).ShouldContain("Validé");
    }

    public static async Task RemplirEtablissementAsync(Navigation n, string section)
    {
        var dans = n.Page.Locator(section);
        await n.SaisirAsync("Raison sociale", "Formation Occitanie Avenir", dans);
        await n.SaisirAsync("SIRET", "73282932000074", dans);
        await n.SaisirAsync("Téléphone", "04 67 22 80 00", dans);
        await n.SaisirAsync("Adresse électronique", "contact@foa.fr", dans);
    }

    public static async Task RemplirPersonneAsync(Navigation n, string section, string nom)
    {
        var dans = n.Page.Locator(section);
        await n.Champ("Civilité", dans).SelectOptionAsync("Madame");
        await n.SaisirAsync("Nom", nom, dans);
        await n.SaisirAsync("Prénom", "Claire", dans);
        await n.SaisirAsync("Qualité", "Directrice", dans);
        await n.SaisirAsync("Téléphone", "06 12 34 56 78", dans);
        await n.SaisirAsync("Adresse électronique", "claire@foa.fr", dans);
    }

    public static async Task DeposerAsync(Navigation n, string categorie, string nom)
    {
        var bloc = n.Page.Locator($"#depot-{categorie}");
        await bloc.GetByLabel(new Regex("^Ajouter un fichier")).SetInputFilesAsync(Fichier(nom));
        await n.CliquerAsync(bloc.GetByRole(AriaRole.Button, new() { Name = "Déposer", Exact = true }));
        (await n.Page.Locator($"#depot-{categorie}").InnerTextAsync()).ShouldContain(nom);
    }
}
