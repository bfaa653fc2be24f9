using System.Globalization;
using System.Text.RegularExpressions;

namespace Sigma.Signature.Domain;

/// <summary>
/// The guide's naming: "Ce fichier PDF a le même nom que le fichier et se termine par « DateHeure - Signature 1.pdf »";
/// a file that already carries signatures gets the next number, and loses the suffix of the previous signing.
/// </summary>
public static partial class NomFichierSigne
{
    public static string Pdf(string original, DateTimeOffset heureParis, int signaturesExistantes) =>
        $"{Base(Path.GetFileNameWithoutExtension(NomSimple(original)))} - {Horodatage(heureParis)} - Signature {signaturesExistantes + 1}.pdf";

    /// <summary>The detached CAdES signature of a file: the file's full name, then the same suffix, in <c>.p7s</c>.</summary>
    public static string Detachee(string original, DateTimeOffset heureParis) =>
        $"{NomSimple(original)} - {Horodatage(heureParis)} - Signature 1.p7s";

    private static string Horodatage(DateTimeOffset heure) => heure.ToString("yyyyMMdd HHmmss", CultureInfo.InvariantCulture);

    private static string Base(string nom) => SuffixePrecedent().Replace(nom, "") is { Length: > 0 } b ? b : "document";

    /// <summary>The name without any folder a browser may send, and without characters a file system refuses.</summary>
    public static string NomSimple(string nom) => Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur(nom, "document");

    [GeneratedRegex(@" - \d{8} \d{6} - Signature \d+$")]
    private static partial Regex SuffixePrecedent();
}
