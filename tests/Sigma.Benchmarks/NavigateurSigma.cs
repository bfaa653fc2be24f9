using System.Text.RegularExpressions;

namespace Sigma.Benchmarks;

/// <summary>A browser-like HttpClient on the Host process: cookies kept, redirects not followed, antiforgery tokens taken from the pages.</summary>
internal static partial class NavigateurSigma
{
    public static HttpClient Nouveau(string url, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5),
        };

    public static async Task<HttpClient> AgentAsync(string url)
    {
        var agent = Nouveau(url);
        using var reponse = await agent.ConnecterAsync("agent.region", "Sigma-Demo-2026!");
        Attendre(reponse, HttpStatusCode.Redirect, "connexion de agent.region");
        return agent;
    }

    public static async Task<Guid> CreerConsultationAsync(HttpClient agent, string reference)
    {
        var champs = new Dictionary<string, string>
        {
            ["Reference"] = reference, ["Intitule"] = "Compétences Plus — Numérique (bench DCE 200 Mo)",
            ["Objet"] = "Actions de formation qualifiantes aux métiers du numérique, DCE volumineux pour la mesure de téléchargement.",
            ["Dispositif"] = "COMPETENCES PLUS", ["Procedure"] = "Appel d'offres ouvert", ["DateLimite"] = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd", Format.Inv),
            ["HeureLimite"] = "12:00", ["Contact"] = "marches.formation@region.localhost", ["Lots[0].Numero"] = "1",
            ["Lots[0].Intitule"] = "Développeur web et web mobile", ["Lots[0].Territoire"] = "Haute-Garonne — Toulouse", ["Lots[0].UniteOeuvre"] = "Hsta",
            ["Lots[0].Volume"] = "42 000", ["action"] = "enregistrer",
        };
        using var reponse = await agent.PosterAsync("/back-office/consultations/nouvelle", "/back-office/consultations/nouvelle", champs);
        Attendre(reponse, HttpStatusCode.Redirect, "création de la consultation");
        return Guid.Parse(reponse.Headers.Location!.ToString().TrimEnd('/').Split('/')[^1]);
    }

    /// <summary>The DCE's files, streamed from disk into the multipart body (never whole in memory).</summary>
    public static async Task DeposerDceAsync(HttpClient agent, Guid id, IEnumerable<string> chemins)
    {
        var page = $"/back-office/consultations/{id}";
        using var contenu = new MultipartFormDataContent { { new StringContent(await agent.JetonAsync(page)), "__RequestVerificationToken" } };
        foreach (var chemin in chemins)
        {
            var fichier = new StreamContent(File.OpenRead(chemin), 81920);
            fichier.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            contenu.Add(fichier, "fichiers", Path.GetFileName(chemin));
        }
        using var reponse = await agent.PostAsync($"{page}/dce", contenu);
        Attendre(reponse, HttpStatusCode.Redirect, "dépôt du DCE");
    }

    public static async Task PublierAsync(HttpClient agent, Guid id)
    {
        using var reponse = await agent.PosterAsync($"/back-office/consultations/{id}", $"/back-office/consultations/{id}/publier", new Dictionary<string, string>());
        Attendre(reponse, HttpStatusCode.Redirect, "publication");
    }

    /// <summary>What an anonymous bidder's browser sends: the public page's token and every file box ticked.</summary>
    public static async Task<HttpRequestMessage> DemandeTelechargementAsync(HttpClient visiteur, Guid id)
    {
        var html = await visiteur.GetStringAsync($"/consultations/{id}");
        var jeton = JetonRegex().Match(html);
        var fichiers = FichierRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        if (!jeton.Success || fichiers.Count == 0)
        {
            throw new InvalidOperationException("Page publique sans jeton ou sans fichier à télécharger.");
        }
        var champs = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(jeton.Groups[1].Value)) };
        champs.AddRange(fichiers.Select(f => new KeyValuePair<string, string>("fichiers", f)));
        return new HttpRequestMessage(HttpMethod.Post, $"/consultations/{id}/dce") { Content = new FormUrlEncodedContent(champs) };
    }

    public static void Attendre(HttpResponseMessage reponse, HttpStatusCode attendu, string etape)
    {
        if (reponse.StatusCode != attendu)
        {
            var texte = reponse.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw new InvalidOperationException($"{etape} : {(int)reponse.StatusCode} au lieu de {(int)attendu} — {texte[..Math.Min(texte.Length, 2000)]}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();

    [GeneratedRegex("name=\"fichiers\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex FichierRegex();
}
