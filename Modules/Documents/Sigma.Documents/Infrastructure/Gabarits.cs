using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban;
using Scriban.Runtime;

namespace Sigma.Documents.Infrastructure;

/// <summary>
/// The documents' Scriban templates (embedded in this assembly, one per document, parsed once). The data is turned
/// into Scriban values through JSON with <b>every string HTML-escaped</b> on the way, so no template can forget to
/// escape a value, and a value holding <c>&lt;script&gt;</c> or <c>{{ }}</c> prints as text (Scriban never evaluates data).
/// </summary>
internal static class Gabarits
{
    public const string NonRenseigne = "<span class=\"nr\">non renseigné</span>";
    private static readonly ConcurrentDictionary<string, Template> Cache = new();
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The data as the template sees it, as canonical JSON (what the document's fingerprint is computed on).</summary>
    public static JsonNode? EnJson(object donnees) => JsonSerializer.SerializeToNode(donnees, donnees.GetType(), Json);

    public static string Rendre(string nom, JsonNode? donnees)
    {
        var template = Cache.GetOrAdd(nom, Charger);
        var globals = new ScriptObject { ["d"] = Valeur(donnees) };
        globals.Import("v", new Func<object?, object>(v => Vide(v) ? NonRenseigne : v!));
        globals.Import("texte", new Func<object?, object>(v => Vide(v) ? NonRenseigne : v!.ToString()!.Replace("\r\n", "\n").Replace("\n", "<br>")));
        globals.Import("date_fr", new Func<object?, object>(DateFr));
        globals.Import("oui_non", new Func<object?, object>(v => v is bool b ? (b ? "oui" : "non") : NonRenseigne));
        globals.Import("coche", new Func<object?, object>(v => v is true ? "☒" : "☐"));
        globals.Import("nombre", new Func<object?, string, string, object>(Nombre));
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = m => m.Name, LoopLimit = 100_000 };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>« 1 composante », « 3 composantes »; a value that is not a number is printed as typed.</summary>
    private static object Nombre(object? v, string singulier, string pluriel)
    {
        if (Vide(v))
        {
            return NonRenseigne;
        }
        var texte = Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim();
        return decimal.TryParse(texte.Replace(',', '.').Replace(" ", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? $"{n.ToString("#,##0.##", Fr)} {(Math.Abs(n) >= 2 ? pluriel : singulier)}"
            : $"{texte} {pluriel}";
    }

    private static bool Vide(object? v) => v is null || v is string s && string.IsNullOrWhiteSpace(s);

    /// <summary>A typed date (yyyy-MM-dd) in French (01/03/2027); anything else as typed.</summary>
    private static object DateFr(object? v) => Vide(v) ? NonRenseigne
        : DateOnly.TryParseExact(v!.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("dd/MM/yyyy", Fr)
        : v.ToString()!;

    private static object? Valeur(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => Objet(o),
        JsonArray a => new ScriptArray(a.Select(Valeur)),
        JsonValue v when v.TryGetValue<string>(out var s) => WebUtility.HtmlEncode(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var m) => m,
        _ => WebUtility.HtmlEncode(node.ToJsonString()),
    };

    private static ScriptObject Objet(JsonObject o)
    {
        var objet = new ScriptObject();
        foreach (var (cle, valeur) in o)
        {
            objet[cle] = Valeur(valeur);
        }
        return objet;
    }

    private static Template Charger(string nom)
    {
        using var stream = typeof(Gabarits).Assembly.GetManifestResourceStream($"Sigma.Documents.Modeles.{nom}")
            ?? throw new InvalidOperationException($"Modèle de document inconnu : {nom}");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), nom);
        return template.HasErrors ? throw new InvalidOperationException(string.Join("; ", template.Messages)) : template;
    }

    public static string Ressource(string nom)
    {
        using var stream = typeof(Gabarits).Assembly.GetManifestResourceStream($"Sigma.Documents.Modeles.{nom}")
            ?? throw new InvalidOperationException($"Ressource de document inconnue : {nom}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
