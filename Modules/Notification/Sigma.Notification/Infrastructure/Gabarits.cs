using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Runtime;

namespace Sigma.Notification.Infrastructure;

/// <summary>
/// The French mail templates (Scriban, embedded in this assembly). A template's first line is the subject, the rest
/// the plain-text body; the HTML body is derived from it with every value escaped and links made clickable.
/// </summary>
internal static partial class Gabarits
{
    private static readonly ConcurrentDictionary<string, Template> Cache = new();

    public static (string Sujet, string Texte, string Html) Rendre(string nom, object modele)
    {
        var template = Cache.GetOrAdd(nom, Charger);
        var globals = new ScriptObject();
        globals.Import(modele, renamer: m => m.Name);
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = m => m.Name };
        context.PushGlobal(globals);
        var rendu = template.Render(context).Replace("\r\n", "\n");
        var separation = rendu.IndexOf('\n');
        var sujet = rendu[..separation].Trim();
        var texte = rendu[(separation + 1)..].Trim() + "\n\n-- \nSigma — Marchés de la formation professionnelle\nCe courriel est envoyé automatiquement : merci de ne pas y répondre.\n";
        return (sujet, texte, Html(sujet, texte));
    }

    private static Template Charger(string nom)
    {
        using var stream = typeof(Gabarits).Assembly.GetManifestResourceStream($"Sigma.Notification.Gabarits.{nom}.sbn")
            ?? throw new InvalidOperationException($"Gabarit de courriel inconnu : {nom}");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), nom);
        return template.HasErrors ? throw new InvalidOperationException(string.Join("; ", template.Messages)) : template;
    }

    private static string Html(string sujet, string texte)
    {
        var paragraphes = texte.Split("\n\n").Select(p =>
            "<p>" + Liens().Replace(WebUtility.HtmlEncode(p), m => $"<a href=\"{m.Value}\">{m.Value}</a>").Replace("\n", "<br>") + "</p>");
        return $"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(sujet)}</title></head>" +
               $"<body style=\"font-family:Marianne,Arial,sans-serif;color:#161616\">{string.Concat(paragraphes)}</body></html>";
    }

    [GeneratedRegex(@"https?://[^\s<]+")]
    private static partial Regex Liens();
}
