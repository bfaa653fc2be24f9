using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Shouldly;

namespace Sigma.Testing;

/// <summary>What a bidder does, through HTTP as a browser would: forms with their antiforgery token, streamed uploads.</summary>
public static partial class Soumissionnaire
{
    public const string MotDePasse = "Sigma-Demo-2026!";
    public const string ProjetPro = "2027-PP-003";

    public static async Task<HttpClient> ConnecteAsync(SigmaFactory sigma, string identifiant = "admin.demo")
    {
        var client = sigma.Navigateur();
        (await client.ConnecterAsync(identifiant, MotDePasse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>A newly registered organisation's administrator, signed in: a bidder no other test touches.</summary>
    public static Task<(HttpClient Client, string Identifiant)> NouvelOrganismeAsync(SigmaFactory sigma) => NouvelOrganismeAsync(sigma.Navigateur);

    /// <summary>The same against any running Sigma, given how to make a browser-like client (cookies kept, redirects not followed).</summary>
    public static async Task<(HttpClient Client, string Identifiant)> NouvelOrganismeAsync(Func<HttpClient> navigateur)
    {
        var identifiant = $"sou.{Guid.NewGuid():N}"[..20];
        var siret = NouveauSiret();
        var client = navigateur();
        var r = await client.PosterAsync("/inscription", "/inscription", new Dictionary<string, string>
        {
            ["Siret"] = siret, ["RaisonSociale"] = "Centre de Formation Pyrénées", ["CodeNaf"] = "8559A", ["AdresseLigne1"] = "3 place du Capitole",
            ["AdresseLigne2"] = "", ["CodePostal"] = "31000", ["Ville"] = "Toulouse", ["Telephone"] = "05 61 00 00 00", ["Prenom"] = "Hélène", ["Nom"] = "Durand",
            ["Email"] = $"{identifiant}@cfp.test", ["Identifiant"] = identifiant, ["MotDePasse"] = "Formation-Occitanie-2026", ["ConfirmationMotDePasse"] = "Formation-Occitanie-2026",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        client = navigateur();
        (await client.ConnecterAsync(identifiant, "Formation-Occitanie-2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, identifiant);
    }

    public static async Task<Guid> ConsultationAsync(HttpClient client, string reference = ProjetPro)
    {
        var page = await client.GetStringAsync($"/consultations?q={reference}");
        return Guid.Parse(LienConsultation().Match(page).Groups[1].Value);
    }

    /// <summary>« Répondre à la consultation »; waits for the Responses module to know the consultation (it learns it through the outbox).</summary>
    public static async Task<Guid> CommencerAsync(HttpClient client, Guid consultationId)
    {
        for (var essai = 0; ; essai++)
        {
            var r = await client.PosterAsync($"/consultations/{consultationId}", "/reponses/commencer", new Dictionary<string, string> { ["consultationId"] = consultationId.ToString() });
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var lieu = r.Headers.Location!.ToString();
            if (lieu.StartsWith("/reponses/", StringComparison.Ordinal))
            {
                return Guid.Parse(lieu.Split('/').Last());
            }
            essai.ShouldBeLessThan(50, "La consultation n'est jamais arrivée dans le module Réponses");
            await Task.Delay(200);
        }
    }

    public static async Task<HttpResponseMessage> OngletAsync(HttpClient client, string page, Dictionary<string, string> champs, string action = "enregistrer", string? version = null)
    {
        var html = await client.GetStringAsync(page);
        var valeurs = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Formulaires.JetonDe(html, page)),
            new("version", version ?? Version(html)),
            new("action", action),
        };
        valeurs.AddRange(champs.Select(c => new KeyValuePair<string, string>(c.Key.Split('#')[0], c.Value)));
        return await client.PostAsync(page.Split('?')[0], new FormUrlEncodedContent(valeurs));
    }

    public static string Version(string html) => VersionCachee().Match(html).Groups[1].Value;

    /// <param name="jeton">The token of the page already loaded; otherwise the page is loaded for it.</param>
    public static async Task<HttpResponseMessage> DeposerAsync(HttpClient client, Guid reponseId, Guid? offreId, string categorie, string nom, byte[] octets, string? pageJeton = null,
        string? jeton = null)
    {
        var page = pageJeton ?? (offreId is null ? $"/reponses/{reponseId}/candidature/pieces" : $"/reponses/{reponseId}/offres/{offreId}/offre");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(jeton ?? await client.JetonAsync(page)), "__RequestVerificationToken" },
            { new StringContent(categorie), "categorie" },
        };
        var fichier = new ByteArrayContent(octets);
        fichier.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        contenu.Add(fichier, "fichier", nom);
        return await client.PostAsync($"/reponses/{reponseId}/pieces" + (offreId is null ? "" : $"?offre={offreId}"), contenu);
    }

    public static Dictionary<string, string> Personne(string prefixe) => new()
    {
        [$"{prefixe}.Civilite"] = "Madame", [$"{prefixe}.Nom"] = "Durand", [$"{prefixe}.Prenom"] = "Claire", [$"{prefixe}.Qualite"] = "Directrice",
        [$"{prefixe}.Adresse"] = "12 rue de la Loge", [$"{prefixe}.CodePostal"] = "34000", [$"{prefixe}.Commune"] = "Montpellier",
        [$"{prefixe}.Telephone"] = "04 67 22 80 00", [$"{prefixe}.Email"] = "claire.durand@exemple.fr",
    };

    public static Dictionary<string, string> Etablissement(string prefixe, string raisonSociale = "Formation Occitanie Avenir", string siret = "73282932000074") => new()
    {
        [$"{prefixe}.RaisonSociale"] = raisonSociale, [$"{prefixe}.Siret"] = siret, [$"{prefixe}.Adresse"] = "12 rue de la Loge",
        [$"{prefixe}.CodePostal"] = "34000", [$"{prefixe}.Commune"] = "Montpellier", [$"{prefixe}.Telephone"] = "04 67 22 80 00", [$"{prefixe}.Email"] = "contact@foa.fr",
    };

    /// <summary>The Candidat tab, complete; the head office's SIRET is <paramref name="siret"/> (by default the demo organisation's).</summary>
    public static Dictionary<string, string> Candidat(string type = "Seul", string siret = "73282932000074")
    {
        var champs = new Dictionary<string, string> { ["Candidat.Type"] = type, ["Candidat.Lots"] = "1", ["Candidat.NumeroDeclarationActivite"] = "76 34 01234 34" };
        foreach (var d in new[] { Etablissement("Candidat.Siege", siret: siret), Etablissement("Candidat.Executant", siret: siret), Personne("Candidat.RepresentantLegal"), Personne("Candidat.Signataire") })
        {
            foreach (var (k, v) in d)
            {
                champs[k] = v;
            }
        }
        for (var i = 0; i < 3; i++)
        {
            champs[$"Candidat.ChiffresAffaires[{i}].Exercice"] = (2023 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            champs[$"Candidat.ChiffresAffaires[{i}].Montant"] = "450 000";
        }
        return champs;
    }

    public static readonly Dictionary<string, string> SiteDeCandidature = new()
    {
        ["Sites[0].Nom"] = "12 rue de la Loge", ["Sites[0].CodePostal"] = "34000", ["Sites[0].Commune"] = "Montpellier",
    };

    public static async Task ValiderCandidatureAsync(HttpClient client, Guid id, string? siret = null)
    {
        (await OngletAsync(client, $"/reponses/{id}/candidature/candidat", Candidat(siret: siret ?? NouveauSiret()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OngletAsync(client, $"/reponses/{id}/candidature/sites", SiteDeCandidature)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var piece in new[] { "Pouvoirs", "BilanDreets", "Qualiopi" })
        {
            (await DeposerAsync(client, id, null, piece, $"{piece}.pdf", Pdf(piece))).Headers.Location!.ToString().ShouldNotContain("#depot");
        }
        var r = await OngletAsync(client, $"/reponses/{id}/candidature/pieces", [], "valider");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
    }

    public static async Task<Guid> CreerOffreAsync(HttpClient client, Guid id, int lot = 1)
    {
        var r = await client.PosterAsync($"/reponses/{id}", $"/reponses/{id}/offres", new Dictionary<string, string> { ["lot"] = lot.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        r.Headers.Location!.ToString().ShouldContain("/offres/");
        return Guid.Parse(r.Headers.Location!.ToString().Split('/')[^2]);
    }

    public static Dictionary<string, string> Pedagogie() => new()
    {
        ["Composantes[0].Numero"] = "1", ["Composantes[0].Intitule"] = "Projet professionnel", ["Composantes[0].DateDebut"] = "2027-02-01",
        ["Composantes[0].DateFin"] = "2027-09-30", ["Composantes[0].VolumeHoraire"] = "400", ["Composantes[0].Effectif"] = "12", ["Composantes[0].Formacode"] = "15062",
        ["Composantes[0].Prerequis"] = "Aucun", ["Composantes[0].Objectifs"] = "Construire un projet", ["Composantes[0].ModalitesRecrutement"] = "Entretien",
        ["Composantes[0].ModalitesPedagogiques"] = "Présentiel", ["Composantes[0].ResultatsAttendus"] = "Projet validé", ["Composantes[0].Contenu"] = "Remise à niveau, immersion",
        ["Composantes[0].Rythme"] = "Temps plein, 35 h par semaine",
        ["Composantes[0].Modules[0].Numero"] = "1", ["Composantes[0].Modules[0].Intitule"] = "Remise à niveau", ["Composantes[0].Modules[0].VolumeHoraire"] = "200",
        ["Composantes[0].Modules[1].Numero"] = "2", ["Composantes[0].Modules[1].Intitule"] = "Immersion", ["Composantes[0].Modules[1].VolumeHoraire"] = "200",
    };

    public static async Task ValiderOffreAsync(HttpClient client, Guid id, Guid offre)
    {
        var page = $"/reponses/{id}/offres/{offre}";
        (await OngletAsync(client, $"{page}/offre", new() { ["Offre.Intitule"] = "Projet Pro Est", ["Offre.Presentation"] = "Parcours complet",
            ["Offre.DateDebut"] = "2027-02-01", ["Offre.DateFin"] = "2027-09-30", ["Offre.Effectif"] = "12" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OngletAsync(client, $"{page}/prestataires", new() { ["Prestataires.AssujettiTva"] = "false", ["Prestataires.Avance"] = "true",
            ["Prestataires.FrequenceFacturation"] = "Mensuelle", ["Prestataires.TitulaireCompte"] = "FOA", ["Prestataires.Iban"] = "FR76 3000 6000 0112 3456 7890 189",
            ["Prestataires.Bic"] = "AGRIFRPP", ["Prestataires.SousTraitance"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OngletAsync(client, $"{page}/sites", new() { ["Sites[0].Nom"] = "12 rue de la Loge", ["Sites[0].CodePostal"] = "34000", ["Sites[0].Commune"] = "Montpellier",
            ["Sites[0].Locaux"] = "3 salles", ["Sites[0].Equipements"] = "12 postes", ["Sites[0].AccesTransportsCommun"] = "true", ["Sites[0].MoyensTransport"] = "Tram 1",
            ["Sites[0].AccessibleHandicap"] = "true", ["Sites[0].Hebergement"] = "false", ["Sites[0].Restauration"] = "À proximité",
            ["ReferentHandicap.Nom"] = "Paul Martin", ["ReferentHandicap.Telephone"] = "04 67 22 80 01", ["ReferentHandicap.Email"] = "handicap@foa.fr" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OngletAsync(client, $"{page}/pedagogie", Pedagogie())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var piece in new[] { "TableauRessourcesHumaines", "CvEquipe", "PlateauxTechniques", "AnnexeTechnique" })
        {
            (await DeposerAsync(client, id, offre, piece, $"{piece}.pdf", Pdf(piece))).Headers.Location!.ToString().ShouldNotContain("#depot");
        }
        var r = await OngletAsync(client, $"{page}/prix", new() { ["Prix.PrixUnitaireHt"] = "2 400", ["Prix.FraisPedagogiques"] = "2 000", ["Prix.FraisStructure"] = "400" }, "valider");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, Guid id) =>
        await client.PosterAsync($"/reponses/{id}/envoyer", $"/reponses/{id}/envoyer", new Dictionary<string, string>());

    /// <summary>A response with a validated candidature and a validated offer for lot 1, ready to send.</summary>
    public static Task<(HttpClient Client, Guid Reponse, Guid Offre)> PreteAEnvoyerAsync(SigmaFactory sigma) => PreteAEnvoyerAsync(sigma.Navigateur);

    public static async Task<(HttpClient Client, Guid Reponse, Guid Offre)> PreteAEnvoyerAsync(Func<HttpClient> navigateur)
    {
        var (client, _) = await NouvelOrganismeAsync(navigateur);
        var id = await CommencerAsync(client, await ConsultationAsync(client));
        await ValiderCandidatureAsync(client, id);
        var offre = await CreerOffreAsync(client, id);
        await ValiderOffreAsync(client, id, offre);
        return (client, id, offre);
    }

    /// <summary>A random SIRET whose SIREN and SIRET keys are right: a candidate no other test uses.</summary>
    public static string NouveauSiret()
    {
        string siret;
        do
        {
            siret = string.Concat(Enumerable.Range(0, 14).Select(_ => Random.Shared.Next(10)));
        }
        while (!Luhn(siret[..9]) || !Luhn(siret) || siret.StartsWith("356000000", StringComparison.Ordinal));
        return siret;
    }

    private static bool Luhn(string chiffres) =>
        chiffres.Reverse().Select((c, i) => (c - '0') * (i % 2 == 1 ? 2 : 1)).Sum(n => n > 9 ? n - 9 : n) % 10 == 0;

    public static byte[] Pdf(string marque) => System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4 pièce {marque} " + new string('x', 2000));

    public static IReadOnlyList<string> Erreurs(string html) =>
        MessageErreur().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("href=\"/consultations/([0-9a-f-]{36})\"")]
    private static partial Regex LienConsultation();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionCachee();

    [GeneratedRegex("fr-message--error\"[^>]*>([^<]+)<")]
    private static partial Regex MessageErreur();
}
