using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sigma.Documents.Infrastructure;

/// <summary>
/// The DSFR's Marianne font (from the <c>@gouvfr/dsfr</c> npm package the web front already ships) as CSS
/// <c>@font-face</c> rules with the files inlined, so that Chromium embeds it in every PDF. Looked for in
/// <c>Documents:Polices</c>, then the web root's <c>lib/dsfr/fonts</c>, then the npm package; without it the documents
/// print in DejaVu Sans and a warning is logged once.
/// </summary>
public sealed class Polices(IConfiguration configuration, ILogger<Polices> log, IWebHostEnvironment? environnement = null)
{
    private static readonly (string Fichier, int Graisse, string Style)[] Fichiers =
        [("Marianne-Regular.woff2", 400, "normal"), ("Marianne-Bold.woff2", 700, "normal"), ("Marianne-Regular_Italic.woff2", 400, "italic"), ("Marianne-Medium.woff2", 500, "normal")];

    private readonly Lazy<string> css = new(() => Charger(configuration, environnement, log));

    public string Css => css.Value;

    public bool Marianne => css.Value.Length > 0;

    private static string Charger(IConfiguration configuration, IWebHostEnvironment? environnement, ILogger log)
    {
        var dossiers = new[]
        {
            configuration["Documents:Polices"],
            environnement?.WebRootPath is { } web ? Path.Combine(web, "lib", "dsfr", "fonts") : null,
            environnement?.ContentRootPath is { } racine ? Path.Combine(racine, "node_modules", "@gouvfr", "dsfr", "dist", "fonts") : null,
        };
        var dossier = dossiers.FirstOrDefault(d => d is { Length: > 0 } && File.Exists(Path.Combine(d, Fichiers[0].Fichier)));
        if (dossier is null)
        {
            log.LogWarning("Police Marianne introuvable (Documents:Polices) : les documents PDF sont imprimés en DejaVu Sans.");
            return "";
        }
        return string.Concat(Fichiers.Where(f => File.Exists(Path.Combine(dossier, f.Fichier))).Select(f =>
            $"@font-face{{font-family:Marianne;font-weight:{f.Graisse};font-style:{f.Style};src:url(data:font/woff2;base64,"
            + Convert.ToBase64String(File.ReadAllBytes(Path.Combine(dossier, f.Fichier))) + ") format('woff2');}\n"));
    }
}
