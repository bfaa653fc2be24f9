using System.Text.RegularExpressions;

namespace Sigma.Consultations.Tests;

/// <summary>What an agent does in the back office, through HTTP as a browser would.</summary>
internal static partial class Agent
{
    public const string MotDePasse = "Sigma-Demo-2026!";

    public static async Task<HttpClient> ConnecteAsync(SigmaFactory sigma, string identifiant = "agent.region")
    {
        var client = sigma.Navigateur();
        (await client.ConnecterAsync(identifiant, MotDePasse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    public static Dictionary<string, string> Formulaire(string reference, string intitule, DateTime? dateLimite = null) => new()
    {
        ["Reference"] = reference, ["Intitule"] = intitule, ["Objet"] = "Actions de formation qualifiantes.", ["Dispositif"] = "COMPETENCES PLUS",
        ["Procedure"] = "Appel d'offres ouvert", ["DateLimite"] = (dateLimite ?? DateTime.Today.AddDays(30)).ToString("yyyy-MM-dd"), ["HeureLimite"] = "12:00",
        ["Contact"] = "marches@region.test", ["Lots[0].Numero"] = "1", ["Lots[0].Intitule"] = "Électricien", ["Lots[0].Territoire"] = "Tarn — Albi",
        ["Lots[0].UniteOeuvre"] = "Hsta", ["Lots[0].Volume"] = "1 200", ["action"] = "enregistrer",
    };

    public static async Task<Guid> CreerAsync(HttpClient agent, string reference, string intitule, string? objet = null)
    {
        var champs = Formulaire(reference, intitule);
        if (objet is not null)
        {
            champs["Objet"] = objet;
        }
        var reponse = await agent.PosterAsync("/back-office/consultations/nouvelle", "/back-office/consultations/nouvelle", champs);
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await reponse.Content.ReadAsStringAsync());
        return Guid.Parse(reponse.Headers.Location!.ToString().Split('/').Last());
    }

    public static async Task<HttpResponseMessage> DeposerAsync(HttpClient agent, Guid id, string? note, params (string Nom, byte[] Octets)[] fichiers)
    {
        var page = $"/back-office/consultations/{id}";
        var contenu = new MultipartFormDataContent { { new StringContent(await agent.JetonAsync(page)), "__RequestVerificationToken" } };
        if (note is not null)
        {
            contenu.Add(new StringContent(note), "note");
        }
        foreach (var id2 in IdsFichiersCourants(await agent.GetStringAsync(page)))
        {
            contenu.Add(new StringContent(id2), "conserver");
        }
        foreach (var (nom, octets) in fichiers)
        {
            contenu.Add(new ByteArrayContent(octets), "fichiers", nom);
        }
        return await agent.PostAsync($"{page}/dce", contenu);
    }

    public static async Task PublierAsync(HttpClient agent, Guid id) =>
        (await agent.PosterAsync($"/back-office/consultations/{id}", $"/back-office/consultations/{id}/publier", new Dictionary<string, string>()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

    public static IEnumerable<string> IdsFichiersCourants(string html) => ConserverRegex().Matches(html).Select(m => m.Groups[1].Value);

    public static IReadOnlyList<string> IdsFichiersPublics(string html) => FichierPublicRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("name=\"conserver\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ConserverRegex();

    [GeneratedRegex("name=\"fichiers\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex FichierPublicRegex();
}
