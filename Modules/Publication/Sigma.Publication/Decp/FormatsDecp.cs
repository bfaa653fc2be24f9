using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;
using Sigma.Publication.Lheo;

namespace Sigma.Publication.Decp;

/// <summary>The essential data as the two formats of the arrêté (DECP v2, JSON and XML), each checked against its schema.</summary>
internal static class FormatsDecp
{
    private static readonly Lazy<XmlSchemaSet> Xsd = new(() => Schemas.Charger("schema_decp_v2.0.2.xsd", null));

    private static readonly Lazy<JsonSchema> SchemaJson = new(() =>
    {
        using var flux = Schemas.Ouvrir("schema_decp_v2.0.3.json");
        using var lecteur = new StreamReader(flux);
        return JsonSchema.FromText(lecteur.ReadToEnd());
    });

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Json(MarcheNotifie m) => new()
    {
        ["id"] = m.IdMarche,
        ["acheteur"] = new JsonObject { ["id"] = m.AcheteurSiret },
        ["nature"] = "Marché",
        ["objet"] = m.Objet,
        ["codeCPV"] = m.CodeCpv,
        ["techniques"] = new JsonObject { ["technique"] = new JsonArray([.. m.Techniques.Select(t => (JsonNode)t)]) },
        ["modalitesExecution"] = new JsonObject { ["modaliteExecution"] = new JsonArray([.. m.ModalitesExecution.Select(t => (JsonNode)t)]) },
        ["marcheInnovant"] = m.MarcheInnovant,
        ["ccag"] = m.Ccag,
        ["offresRecues"] = m.OffresRecues,
        ["attributionAvance"] = m.AttributionAvance,
        ["tauxAvance"] = 0,
        ["typeGroupementOperateurs"] = m.TypeGroupementOperateurs,
        ["sousTraitanceDeclaree"] = m.SousTraitanceDeclaree,
        ["procedure"] = m.Procedure,
        ["lieuExecution"] = new JsonObject { ["code"] = m.LieuCode, ["typeCode"] = "Code postal" },
        ["dureeMois"] = m.DureeMois,
        ["dateNotification"] = Date(m.DateNotification),
        ["datePublicationDonnees"] = Date(m.DatePublicationDonnees),
        ["montant"] = m.Montant,
        ["typesPrix"] = new JsonObject { ["typePrix"] = new JsonArray(m.TypePrix) },
        ["formePrix"] = m.FormePrix,
        ["titulaires"] = new JsonArray([.. m.Titulaires.Select(t => (JsonNode)new JsonObject
            { ["titulaire"] = new JsonObject { ["typeIdentifiant"] = t.TypeIdentifiant, ["id"] = t.Id } })]),
        ["considerationsSociales"] = new JsonObject { ["considerationSociale"] = new JsonArray(m.ConsiderationSociale) },
        ["considerationsEnvironnementales"] = new JsonObject { ["considerationEnvironnementale"] = new JsonArray(m.ConsiderationEnvironnementale) },
    };

    public static string DocumentJson(IEnumerable<MarcheNotifie> marches) =>
        new JsonObject { ["marches"] = new JsonObject { ["marche"] = new JsonArray([.. marches.Select(m => (JsonNode)Json(m))]) } }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Booleen(bool b) => b ? "true" : "false";

    public static XElement Xml(MarcheNotifie m) => new("marche",
        new XElement("id", m.IdMarche),
        new XElement("acheteur", new XElement("id", m.AcheteurSiret)),
        new XElement("nature", "Marché"),
        new XElement("objet", m.Objet),
        new XElement("codeCPV", m.CodeCpv),
        new XElement("procedure", m.Procedure),
        new XElement("lieuExecution", new XElement("code", m.LieuCode), new XElement("typeCode", "Code postal")),
        new XElement("dureeMois", m.DureeMois),
        new XElement("dateNotification", Date(m.DateNotification)),
        new XElement("datePublicationDonnees", Date(m.DatePublicationDonnees)),
        new XElement("montant", m.Montant?.ToString(CultureInfo.InvariantCulture)),
        new XElement("formePrix", m.FormePrix),
        new XElement("titulaires", m.Titulaires.Select(t => new XElement("titulaire", new XElement("typeIdentifiant", t.TypeIdentifiant), new XElement("id", t.Id)))),
        new XElement("considerationsSociales", new XElement("considerationSociale", m.ConsiderationSociale)),
        new XElement("considerationsEnvironnementales", new XElement("considerationEnvironnementale", m.ConsiderationEnvironnementale)),
        new XElement("techniques", m.Techniques.Select(t => new XElement("technique", t))),
        new XElement("modalitesExecution", m.ModalitesExecution.Select(t => new XElement("modaliteExecution", t))),
        new XElement("typesPrix", new XElement("typePrix", m.TypePrix)),
        new XElement("marcheInnovant", Booleen(m.MarcheInnovant)),
        new XElement("ccag", m.Ccag),
        new XElement("offresRecues", m.OffresRecues),
        new XElement("attributionAvance", Booleen(m.AttributionAvance)),
        new XElement("tauxAvance", 0),
        new XElement("typeGroupementOperateurs", m.TypeGroupementOperateurs),
        new XElement("sousTraitanceDeclaree", Booleen(m.SousTraitanceDeclaree)));

    public static string DocumentXml(IEnumerable<MarcheNotifie> marches) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new XElement("marches", marches.Select(Xml));

    public static IReadOnlyList<string> ValiderXml(string document) => Schemas.Valider(Xsd.Value, document);

    public static IReadOnlyList<string> ValiderJson(string document)
    {
        var resultat = SchemaJson.Value.Evaluate(JsonNode.Parse(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return resultat.IsValid ? [] : [.. (resultat.Details ?? []).Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} : {e.Value}"))];
    }
}
