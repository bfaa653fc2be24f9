using Microsoft.Extensions.Configuration;

namespace Sigma.BuildingBlocks.Web;

public static class Urls
{
    /// <summary>The default public address of the local run (<c>./run.sh</c>), and only of it.</summary>
    public const string AdresseLocale = "http://localhost:5080";
}

/// <summary>
/// Absolute links for mails and integration events: <c>Sigma:UrlPublique</c> and a module's own path, never the
/// request's Host (a forged Host would send a valid reset link to the attacker). The Host requires the address at
/// start outside the local run.
/// </summary>
public sealed class AdressePublique(IConfiguration configuration)
{
    public string Base => (configuration["Sigma:UrlPublique"] is { Length: > 0 } configuree ? configuree
        : throw new InvalidOperationException("Sigma:UrlPublique n'est pas configurée.")).TrimEnd('/');

    public string Lien(string chemin) => Base + chemin;
}

/// <summary>The one way to name a download: the framework's header type (ASCII fallback and UTF-8 <c>filename*</c>).</summary>
public static class Telechargements
{
    /// <param name="enLigne">Shown in the browser (an « Aperçu ») rather than saved.</param>
    public static void Nommer(Microsoft.AspNetCore.Http.HttpResponse response, string nom, bool enLigne = false)
    {
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(enLigne ? "inline" : "attachment");
        disposition.SetHttpFileName(Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur(nom));
        response.Headers.ContentDisposition = disposition.ToString();
    }
}
