using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Sigma.EndToEnd.Tests.EnvoiReponse;

namespace Sigma.EndToEnd.Tests;

/// <summary>A bidder answers a consultation in a real browser: candidature, one offer, the definitive send and its receipt.</summary>
public class ReponseParcoursTests(SigmaEnLigne sigma) : IClassFixture<SigmaEnLigne>
{
    private const string MotDePasseDemo = "Sigma-Demo-2026!";
    private const string EmailAdmin = "admin.demo@organisme-demo.fr";

    [Fact]
    public async Task A_bidder_fixes_a_missing_field_validates_offers_lot_one_sends_and_gets_the_receipt_by_mail()
    {
        await using var session = await sigma.NouvelleSessionAsync();
        var n = await Navigation.OuvrirAsync(session);
        await n.ConnecterAsync("admin.demo", MotDePasseDemo);
        await n.AllerAsync("/consultations?q=2027-PP-003");
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Projet Pro — Orientation professionnelle" }));
        await n.CliquerAsync(n.Bouton("Répondre à la consultation"));
        n.Page.Url.ShouldMatch(@"/reponses/[0-9a-f-]{36}$");
        var dossier = n.Page.Url;

        // Candidature, Candidat tab, with the signatory's last name left empty.
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Dossier de candidature" }));
        await n.Page.GetByLabel("Candidat seul (titulaire unique)").CheckAsync(new() { Force = true });
        await n.Page.GetByLabel(new Regex("^Lot 1 —")).CheckAsync(new() { Force = true });
        await RemplirEtablissementAsync(n, "#siege");
        var siege = n.Page.Locator("#siege");
        await n.SaisirAsync("Adresse", "12 rue de la Loge", siege);
        await n.SaisirAsync("Code postal", "34000", siege);
        await n.SaisirAsync("Commune", "Montpellier", siege);
        await n.CliquerAsync(n.Bouton("Recopier l'adresse du siège pour l'établissement exécutant, le représentant légal et le signataire"));
        (await n.Champ("Adresse", n.Page.Locator("#signataire")).InputValueAsync()).ShouldBe("12 rue de la Loge");
        await RemplirEtablissementAsync(n, "#executant");
        await RemplirPersonneAsync(n, "#representant", "Durand");
        await RemplirPersonneAsync(n, "#signataire", "");
        var chiffres = n.Page.Locator("#chiffres");
        for (var i = 0; i < 3; i++)
        {
            await chiffres.GetByLabel(new Regex($"^Exercice {i + 1}")).FillAsync((2023 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await chiffres.GetByLabel(new Regex("^Chiffre d'affaires HT")).Nth(i).FillAsync("450 000");
        }
        await n.CliquerAsync(n.Bouton("Valider"));
        await SigmaEnLigne.CaptureAsync(n.Page, "candidature-erreur");
        var signataire = n.Page.Locator("#signataire");
        (await signataire.InnerTextAsync()).ShouldContain("Saisissez le nom.");
        (await n.Champ("Prénom", signataire).InputValueAsync()).ShouldBe("Claire");
        (await n.Page.Locator("h1").InnerTextAsync()).ShouldContain("Brouillon");

        await n.SaisirAsync("Nom", "Martin", signataire);
        await n.CliquerAsync(n.Bouton("Enregistrer"));
        (await n.Champ("Nom", n.Page.Locator("#signataire")).InputValueAsync()).ShouldBe("Martin");

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

        // The editions of the validated candidature: the DC1 opens as a PDF with the candidate's values.
        await SigmaEnLigne.CaptureAsync(n.Page, "candidature-editions");
        var dc1 = await n.TelechargerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Télécharger DC1 — Lettre de candidature" }));
        dc1.SuggestedFilename.ShouldBe("DC1 - Lettre de candidature.pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(await dc1.PathAsync())))
        {
            var texte = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            texte.ShouldContain("DC1 — Lettre de candidature");
            texte.ShouldContain("Formation Occitanie Avenir");
            texte.ShouldContain("Signataire : Madame Martin Claire, Directrice");
        }

        // An offer for lot 1, its five tabs.
        var offre = await CreerOffreLot1Async(n, dossier);

        await n.AllerAsync($"{offre}/prestataires");
        await n.Page.Locator("#Prestataires_AssujettiTva").GetByLabel("Non").CheckAsync(new() { Force = true });
        await n.Page.Locator("#Prestataires_Avance").GetByLabel("Oui").CheckAsync(new() { Force = true });
        await n.Champ("Fréquence de facturation").SelectOptionAsync("Mensuelle");
        await n.SaisirAsync("Titulaire du compte", "Formation Occitanie Avenir");
        await n.SaisirAsync("IBAN", "FR76 3000 6000 0112 3456 7890 188");
        await n.SaisirAsync("BIC", "AGRIFRPP");
        await n.Page.Locator("#Prestataires_SousTraitance").GetByLabel("Non").CheckAsync(new() { Force = true });
        await n.CliquerAsync(n.Bouton("Enregistrer"));
        (await n.Page.Locator("main").InnerTextAsync()).ShouldContain("La clé de l'IBAN est fausse");
        await n.SaisirAsync("IBAN", "FR76 3000 6000 0112 3456 7890 189");
        await n.CliquerAsync(n.Bouton("Enregistrer"));

        await n.AllerAsync($"{offre}/sites");
        (await n.Champ("Nom du site").InputValueAsync()).ShouldBe("12 rue de la Loge");
        await RemplirSitesOffreAsync(n);

        await n.AllerAsync($"{offre}/pedagogie");
        await SigmaEnLigne.CaptureAsync(n.Page, "offre-pedagogie");
        (await n.Page.Locator("#Composantes_0__Formacode").InputValueAsync()).ShouldBe("15062");
        (await n.Page.Locator("#Composantes_0__Blocs_0__Intitule").InputValueAsync()).ShouldBe("Bloc de compétences transversales");
        await RemplirPedagogieAsync(n);
        (await n.Page.Locator("#Composantes_0__Modules_3__DateDebut").InputValueAsync()).ShouldBe("2027-02-01");

        await n.AllerAsync($"{offre}/prix");
        await ValiderPrixAsync(n);

        // The definitive send and its receipt.
        await n.AllerAsync(dossier);
        await SigmaEnLigne.CaptureAsync(n.Page, "dossier-reponse");
        await n.CliquerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Envoyer la réponse" }));
        await SigmaEnLigne.CaptureAsync(n.Page, "confirmation-envoi");
        await n.CliquerAsync(n.Bouton("Confirmer l'envoi définitif"));
        await SigmaEnLigne.CaptureAsync(n.Page, "accuse-reception");
        var numero = await n.TexteAsync("#numero-accuse");
        numero.ShouldStartWith("AR-2027-PP-003-");
        var sha = Convert.ToHexString(SHA256.HashData(Fichier("Annexe technique.pdf").Buffer!)).ToLowerInvariant();
        (await n.Page.Locator("#fichiers-recus").InnerTextAsync()).ShouldContain(sha);
        var pdf = await n.TelechargerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Télécharger l'accusé de réception (PDF)" }));
        var chemin = await pdf.PathAsync();
        (await File.ReadAllBytesAsync(chemin))[..5].ShouldBe("%PDF-"u8.ToArray());

        // The whole pli in one zip: every file is the one the receipt names, byte for byte.
        var lignes = await n.Page.Locator("#fichiers-recus tbody tr").AllAsync();
        var recus = new List<(string Chemin, string Sha)>();
        foreach (var ligne in lignes)
        {
            var cellules = await ligne.Locator("td").AllInnerTextsAsync();
            recus.Add(($"{cellules[0].Trim()}/{cellules[2].Trim()}", cellules[4].Trim()));
        }
        recus.Count(r => r.Chemin.Contains(".pdf", StringComparison.Ordinal)).ShouldBe(recus.Count);
        recus.ShouldContain(r => r.Chemin == "Candidature/DC1 - Lettre de candidature.pdf");
        recus.ShouldContain(r => r.Chemin == "Offre lot 1/Lot 1 - Acte d'engagement.pdf");
        var pli = await n.TelechargerAsync(n.Page.GetByRole(AriaRole.Link, new() { Name = "Télécharger l'ensemble des pièces (zip)" }));
        using (var archive = System.IO.Compression.ZipFile.OpenRead(await pli.PathAsync()))
        {
            foreach (var (cheminRecu, shaRecu) in recus)
            {
                var entree = archive.GetEntry(cheminRecu).ShouldNotBeNull(cheminRecu);
                await using var flux = entree.Open();
                Convert.ToHexString(await SHA256.HashDataAsync(flux)).ToLowerInvariant().ShouldBe(shaRecu, cheminRecu);
            }
            archive.Entries.Count.ShouldBe(recus.Count + 1);
        }
        var courriel = await sigma.Smtp.AttendreAsync(EmailAdmin, c => c.Sujet.Contains(numero, StringComparison.Ordinal));
        courriel.Sujet.ShouldContain("Accusé de réception");
        courriel.Texte.ShouldContain(sha);

        // Nothing is editable any more.
        await n.AllerAsync($"{dossier}/candidature/candidat");
        n.Page.Url.ShouldEndWith("/accuse");
        n.Problemes.ShouldBeEmpty();
    }
}
