using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Referentials.Infrastructure.Formats;

namespace Sigma.Referentials.Infrastructure;

/// <summary>
/// At start: creates the schema, then loads each file shipped in the assembly whose content (or indexing) changed
/// since it was last loaded. Formacode, NSF and ROME replace what is stored; the RNCP and Certif Info samples only
/// add what is missing, so that an imported list is never overwritten by the sample.
/// </summary>
internal sealed class ChargementReferentiels(EntrepotReferentiels entrepot, ILogger<ChargementReferentiels> journal) : IHostedService
{
    private sealed record Source(string Fichier, Nomenclature Nomenclature, Func<TextReader, LectureFichier> Lire, ModeEcriture Mode);

    private static readonly Source[] Sources =
    [
        new("formacode.csv", Nomenclature.Formacode, FormatsEmbarques.Formacode, ModeEcriture.Remplacer),
        new("nsf.csv", Nomenclature.Nsf, FormatsEmbarques.Nsf, ModeEcriture.Remplacer),
        new("rome.csv", Nomenclature.Rome, FormatsEmbarques.Rome, ModeEcriture.Remplacer),
        new("rncp-echantillon.csv", Nomenclature.Rncp, FormatsCertifications.Rncp, ModeEcriture.Completer),
        new("certifinfo-echantillon.csv", Nomenclature.Certifinfo, FormatsCertifications.Certifinfo, ModeEcriture.Completer),
    ];

    public Task StartAsync(CancellationToken ct) => ChargerAsync(forcer: false, ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Loads the shipped files; <paramref name="forcer"/> loads them even when unchanged.</summary>
    public async Task ChargerAsync(bool forcer, CancellationToken ct)
    {
        await entrepot.CreerSchemaAsync(ct);
        foreach (var source in Sources)
        {
            var octets = Lire(source.Fichier);
            var empreinte = $"{TexteRecherche.Version}:{Convert.ToHexString(SHA256.HashData(octets))}";
            if (!forcer && await entrepot.EmpreinteAsync(source.Fichier, ct) == empreinte)
            {
                continue;
            }
            using var lecteur = LecteurCsv.Ouvrir(octets);
            var lecture = source.Lire(lecteur);
            var bilan = await entrepot.EcrireAsync(source.Nomenclature, lecture.Entrees, lecture.Inactives, source.Mode, (source.Fichier, empreinte), ct);
            journal.LogInformation("Référentiel {Nomenclature} chargé depuis {Fichier} : {Nouvelles} ajoutées, {Modifiees} modifiées, {Retirees} retirées",
                source.Nomenclature.Libelle, source.Fichier, bilan.Nouvelles, bilan.Modifiees, bilan.Retirees);
        }
    }

    private static byte[] Lire(string fichier)
    {
        using var flux = typeof(ChargementReferentiels).Assembly.GetManifestResourceStream($"Sigma.Referentials.Donnees.{fichier}")
            ?? throw new InvalidOperationException($"Ressource {fichier} absente de l'assembly Sigma.Referentials.");
        using var memoire = new MemoryStream();
        flux.CopyTo(memoire);
        return memoire.ToArray();
    }
}
