using Sigma.Referentials.Infrastructure.Formats;

namespace Sigma.Referentials.Features.ImporterReferentiel;

/// <summary>
/// <c>importer-rncp &lt;fichier.csv&gt;</c> (France Compétences' "Standard" export) and <c>importer-certifinfo
/// &lt;fichier.csv&gt;</c>: adds or updates the active entries, removes those the file marks inactive, and says how many.
/// Run by the Host before the web application starts, against the same database.
/// </summary>
internal static class CommandeImport
{
    private static readonly Dictionary<string, (Nomenclature Nomenclature, Func<TextReader, LectureFichier> Lire)> Commandes =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["importer-rncp"] = (Nomenclature.Rncp, FormatsCertifications.Rncp),
            ["importer-certifinfo"] = (Nomenclature.Certifinfo, FormatsCertifications.Certifinfo),
        };

    public static bool Reconnait(string[] args) => args.Any(Commandes.ContainsKey);

    /// <summary>Runs the command; returns the process exit code (0 when imported).</summary>
    public static async Task<int> ExecuterAsync(string[] args, string connectionString, TextWriter sortie, CancellationToken ct)
    {
        var position = Array.FindIndex(args, Commandes.ContainsKey);
        var nomCommande = args[position];
        var (nomenclature, lire) = Commandes[nomCommande];
        if (position + 1 >= args.Length)
        {
            await sortie.WriteLineAsync($"Usage : dotnet run --project Host/Sigma.Host -- {nomCommande} <fichier.csv>");
            return 2;
        }
        if (Chemin(args[position + 1]) is not { } chemin)
        {
            await sortie.WriteLineAsync($"Fichier introuvable : {Path.GetFullPath(args[position + 1])}");
            return 2;
        }

        LectureFichier lecture;
        try
        {
            using var lecteur = LecteurCsv.Ouvrir(await File.ReadAllBytesAsync(chemin, ct));
            lecture = lire(lecteur);
        }
        catch (FormatInvalideException e)
        {
            await sortie.WriteLineAsync(e.Message);
            return 1;
        }

        var entrepot = new EntrepotReferentiels(connectionString);
        await entrepot.CreerSchemaAsync(ct);
        var bilan = await entrepot.EcrireAsync(nomenclature, lecture.Entrees, lecture.Inactives, ModeEcriture.Importer, null, ct);
        await sortie.WriteLineAsync(Resume(nomenclature, chemin, lecture, bilan));
        return 0;
    }

    // "dotnet run --project" starts the Host in its project folder: a relative path is also tried from the shell's folder.
    private static string? Chemin(string argument) =>
        new[] { Path.GetFullPath(argument), Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd ? Path.GetFullPath(argument, pwd) : null }
            .FirstOrDefault(File.Exists);

    public static string Resume(Nomenclature nomenclature, string chemin, LectureFichier lecture, BilanEcriture bilan)
    {
        var lignes = new List<string>
        {
            $"Import {nomenclature.Libelle} depuis {chemin} :",
            $"{lecture.Entrees.Count} entrées importées ({bilan.Nouvelles} nouvelles, {bilan.Modifiees} modifiées, {bilan.Inchangees} inchangées).",
            $"{lecture.Inactives.Count} inactives ignorées ({bilan.Retirees} retirées de Sigma).",
        };
        if (lecture.Ecartees.Count > 0)
        {
            lignes.Add("Écartées : " + string.Join(", ", lecture.Ecartees.Select(e => $"{e.Value} {e.Key}")) + ".");
        }
        return string.Join(Environment.NewLine, lignes);
    }
}
