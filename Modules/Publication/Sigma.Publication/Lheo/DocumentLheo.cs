using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Sigma.Publication.Lheo;

/// <summary>
/// The LHÉO 2.3 document around <c>formation</c> elements, and its check against the schema: no document leaves
/// Sigma without passing it.
/// </summary>
internal static class DocumentLheo
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() => Schemas.Charger("lheo-2.3.xsd", "http://lheo.gouv.fr/2.3"));

    public static string Entete(DateTimeOffset export) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lheo xmlns=\"http://lheo.gouv.fr/2.3\" horodatage-export=\"{Horodatage(export)}\"><offres>";

    public const string Pied = "</offres></lheo>";

    public static string Horodatage(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The formation elements as one fragment, without the namespace declaration the document carries once.</summary>
    public static string Fragment(IEnumerable<XElement> formations)
    {
        var texte = new StringBuilder();
        foreach (var f in formations)
        {
            texte.Append(f.ToString(SaveOptions.DisableFormatting).Replace(" xmlns=\"http://lheo.gouv.fr/2.3\"", "", StringComparison.Ordinal));
        }
        return texte.ToString();
    }

    public static string Document(string fragments, DateTimeOffset export) => Entete(export) + fragments + Pied;

    /// <summary>The schema's complaints about a document, empty when it is valid.</summary>
    public static IReadOnlyList<string> Valider(string document) => Schemas.Valider(Schema.Value, document);
}

/// <summary>The schemas Sigma ships (embedded in the module) and XSD validation.</summary>
internal static class Schemas
{
    public static Stream Ouvrir(string nom) =>
        typeof(Schemas).Assembly.GetManifestResourceStream($"Sigma.Publication.Schemas.{nom}") ?? throw new InvalidOperationException($"Schéma {nom} absent.");

    public static XmlSchemaSet Charger(string nom, string? espace)
    {
        var set = new XmlSchemaSet();
        using var flux = Ouvrir(nom);
        using var lecteur = XmlReader.Create(flux, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(espace, lecteur);
        set.Compile();
        return set;
    }

    public static IReadOnlyList<string> Valider(XmlSchemaSet schema, string document)
    {
        var erreurs = new List<string>();
        var reglages = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schema, DtdProcessing = DtdProcessing.Prohibit };
        reglages.ValidationEventHandler += (_, e) => erreurs.Add($"ligne {e.Exception.LineNumber}, colonne {e.Exception.LinePosition} : {e.Message}");
        try
        {
            using var lecteur = XmlReader.Create(new StringReader(document), reglages);
            while (lecteur.Read())
            {
            }
        }
        catch (XmlException ex)
        {
            erreurs.Add(ex.Message);
        }
        return erreurs;
    }
}
