using Microsoft.AspNetCore.HostFiltering;
using Sigma.BuildingBlocks.Web;

namespace Sigma.Host.Web;

/// <summary>
/// What Sigma refuses to start without outside the default local run (<c>./run.sh</c>, environment Development):
/// its public address (links in mails are built from it, never from the request) and a real SMTP server (the local
/// mail catcher lets agents read every mail, reset links included).
/// </summary>
public static class ConfigurationDeProduction
{
    public static void Verifier(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var locale = builder.Environment.IsDevelopment();
        var erreurs = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["Sigma:UrlPublique"]))
        {
            if (locale)
            {
                configuration["Sigma:UrlPublique"] = Urls.AdresseLocale;
            }
            else
            {
                erreurs.Add("Sigma:UrlPublique (variable Sigma__UrlPublique) est obligatoire : c'est l'adresse publique de la plate-forme, " +
                    "par exemple https://marchesformation.region.fr. Les liens envoyés par courriel (réinitialisation du mot de passe, invitations, " +
                    "demandes de signature, alertes) sont construits à partir d'elle, jamais à partir de la requête.");
            }
        }
        else if (!Uri.TryCreate(configuration["Sigma:UrlPublique"], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            erreurs.Add($"Sigma:UrlPublique « {configuration["Sigma:UrlPublique"]} » n'est pas une adresse http(s) absolue.");
        }
        if (!locale && string.IsNullOrWhiteSpace(configuration["Smtp:Host"]))
        {
            erreurs.Add("Smtp:Host (variable Smtp__Host) est obligatoire : hors de l'exécution locale, Sigma envoie ses courriels par un vrai serveur SMTP. " +
                "Le capteur de courriels local (page /courriels) n'existe qu'en exécution locale (./run.sh).");
        }
        if (erreurs.Count > 0)
        {
            throw new InvalidOperationException("Sigma ne peut pas démarrer en " + builder.Environment.EnvironmentName + " :" + Environment.NewLine
                + string.Join(Environment.NewLine, erreurs.Select(e => " - " + e)));
        }

        // Requests for another host are refused (400) before anything reads them: the public address's host, and in
        // the local run the loopback names too.
        if (configuration["AllowedHosts"] is null or "" or "*")
        {
            var hote = new Uri(configuration["Sigma:UrlPublique"]!).Host;
            string[] hotes = locale ? [hote, "localhost", "127.0.0.1", "[::1]"] : [hote];
            builder.Services.PostConfigure<HostFilteringOptions>(o =>
            {
                o.AllowedHosts = hotes.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                o.AllowEmptyHosts = false;
            });
        }
    }
}
