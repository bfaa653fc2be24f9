using System.Text;
using System.Text.Json;

namespace Sigma.Responses.Features.Audit;

/// <summary>One field an event changed, as an auditor reads it: « Candidat › Siège › Raison sociale : A → B ».</summary>
public sealed record Changement(string Champ, string? Avant, string? Apres);

/// <summary>
/// What changed between two states of a form, field by field, with French labels made from the form's own field names
/// (never JSON shown to the auditor).
/// </summary>
public static class Differences
{
    private static readonly Dictionary<string, string> Accents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["siege"] = "siège", ["telephone"] = "téléphone", ["qualite"] = "qualité", ["numero"] = "numéro", ["debut"] = "début", ["activite"] = "activité",
        ["presentation"] = "présentation", ["pedagogiques"] = "pédagogiques", ["ingenierie"] = "ingénierie", ["modalites"] = "modalités",
        ["prerequis"] = "prérequis", ["resultats"] = "résultats", ["executant"] = "exécutant", ["repartition"] = "répartition", ["realisation"] = "réalisation",
        ["accessibilite"] = "accessibilité", ["hebergement"] = "hébergement", ["frequence"] = "fréquence", ["representant"] = "représentant",
        ["legal"] = "légal", ["complementaires"] = "complémentaires", ["periode"] = "période", ["duree"] = "durée", ["reference"] = "référence",
        ["pedagogie"] = "pédagogie", ["interet"] = "intérêt", ["denomination"] = "dénomination", ["specifiques"] = "spécifiques", ["prevus"] = "prévus", ["civilite"] = "civilité", ["prenom"] = "prénom", ["societe"] = "société", ["categorie"] = "catégorie",
    };

    public static IReadOnlyList<Changement> Entre<T>(T? avant, T? apres)
    {
        var a = Aplatir(avant);
        var b = Aplatir(apres);
        var changements = new List<Changement>();
        foreach (var (cle, valeur) in b)
        {
            var ancienne = a.GetValueOrDefault(cle);
            if (!string.Equals(ancienne ?? "", valeur ?? "", StringComparison.Ordinal))
            {
                changements.Add(new Changement(Libelle(cle), Vide(ancienne), Vide(valeur)));
            }
        }
        foreach (var (cle, valeur) in a.Where(x => !b.ContainsKey(x.Key) && !string.IsNullOrEmpty(x.Value)))
        {
            changements.Add(new Changement(Libelle(cle), valeur, null));
        }
        return changements;
    }

    private static readonly JsonSerializerOptions Options = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static string? Vide(string? v) => string.IsNullOrEmpty(v) ? null : v;

    /// <summary>Every leaf of the object, by its path (« Candidat.Siege.RaisonSociale », « Sites[1].Nom »), in the form's order.</summary>
    public static Dictionary<string, string?> Aplatir<T>(T? objet)
    {
        var feuilles = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (objet is not null)
        {
            Parcourir(JsonSerializer.SerializeToElement(objet, Options), "", feuilles);
        }
        return feuilles;
    }

    private static void Parcourir(JsonElement e, string chemin, Dictionary<string, string?> feuilles)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Parcourir(p.Value, chemin.Length == 0 ? p.Name : $"{chemin}.{p.Name}", feuilles);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var x in e.EnumerateArray())
                {
                    Parcourir(x, $"{chemin}[{i++}]", feuilles);
                }
                break;
            case JsonValueKind.True:
                feuilles[chemin] = "oui";
                break;
            case JsonValueKind.False:
                feuilles[chemin] = "non";
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                feuilles[chemin] = null;
                break;
            default:
                feuilles[chemin] = e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
                break;
        }
    }

    /// <summary>« Candidat.Siege.RaisonSociale » → « Candidat › Siège › Raison sociale »; « Sites[1] » → « Sites n° 2 ».</summary>
    public static string Libelle(string chemin) => string.Join(" › ", chemin.Split('.').Select(Segment));

    private static string Segment(string segment)
    {
        var crochet = segment.IndexOf('[', StringComparison.Ordinal);
        var nom = crochet < 0 ? segment : segment[..crochet];
        var mots = new List<string>();
        var mot = new StringBuilder();
        foreach (var ch in nom)
        {
            if (char.IsUpper(ch) && mot.Length > 0)
            {
                mots.Add(mot.ToString());
                mot.Clear();
            }
            mot.Append(ch);
        }
        if (mot.Length > 0)
        {
            mots.Add(mot.ToString());
        }
        var texte = string.Join(' ', mots.Select((m, i) =>
        {
            var accentue = Accents.GetValueOrDefault(m, m.ToLowerInvariant());
            return i == 0 ? char.ToUpperInvariant(accentue[0]) + accentue[1..] : accentue;
        }));
        while (crochet >= 0)
        {
            var fin = segment.IndexOf(']', crochet);
            texte += $" n° {int.Parse(segment[(crochet + 1)..fin], System.Globalization.CultureInfo.InvariantCulture) + 1}";
            crochet = segment.IndexOf('[', fin);
        }
        return texte;
    }
}
