using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Sigma.BuildingBlocks.Stockage;

/// <summary>
/// Files kept on disk under <c>Sigma:Stockage:Dossier</c> (a shared folder when several nodes run). Writes are streamed
/// (never held whole in memory), hashed on the way, and land under their final name only once complete.
/// </summary>
public sealed class StockageFichiers(IConfiguration configuration)
{
    public string Racine { get; } = configuration["Sigma:Stockage:Dossier"] is { Length: > 0 } d ? d : Path.Combine(DossierDonnees(configuration), "fichiers");

    /// <summary>Sigma's data folder: <c>Sigma:DataDirectory</c>, or /var/lib/sigma as root, ~/.local/share/sigma otherwise.</summary>
    public static string DossierDonnees(IConfiguration configuration) =>
        configuration["Sigma:DataDirectory"] is { Length: > 0 } data ? data
        : Environment.UserName == "root" ? "/var/lib/sigma"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "sigma");

    /// <summary>
    /// Stores <paramref name="source"/> under <paramref name="cle"/>, hashed on the way. <paramref name="durable"/>: the
    /// file, then its folder, are synced before it is returned (what a user sent, recorded right after); without it (the
    /// demonstration data, written by the thousand), the kernel writes it when it will.
    /// </summary>
    public async Task<(long Taille, string Sha256)> EcrireAsync(string cle, Stream source, long tailleMax, CancellationToken ct, bool durable = false)
    {
        var chemin = Chemin(cle);
        Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
        var temporaire = chemin + ".partiel";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tampon = new byte[81920];
        long taille = 0;
        await using (var cible = new FileStream(temporaire, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int lus;
            while ((lus = await source.ReadAsync(tampon, ct)) > 0)
            {
                taille += lus;
                if (taille > tailleMax)
                {
                    throw new FichierTropGrosException(tailleMax);
                }
                sha.AppendData(tampon, 0, lus);
                await cible.WriteAsync(tampon.AsMemory(0, lus), ct);
            }
            if (durable)
            {
                cible.Flush(flushToDisk: true);
            }
        }
        File.Move(temporaire, chemin, overwrite: true);
        if (durable)
        {
            Durabilite.SynchroniserDossier(Path.GetDirectoryName(chemin)!);
        }
        return (taille, Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant());
    }

    /// <summary>
    /// Writes through <paramref name="ecrire"/> to a temporary file that takes its final name only once complete and on
    /// disk (the file, then its folder, are synced): what a bidder sent survives a crash of the machine as soon as the
    /// event that records it is committed. The stream is unbuffered: give it large writes.
    /// </summary>
    public async Task<T> EcrireAvecAsync<T>(string cle, Func<Stream, Task<T>> ecrire)
    {
        var chemin = Chemin(cle);
        var dossier = Path.GetDirectoryName(chemin)!;
        Directory.CreateDirectory(dossier);
        var temporaire = chemin + "." + Guid.NewGuid().ToString("N") + ".partiel";
        try
        {
            T resultat;
            await using (var cible = new FileStream(temporaire, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                resultat = await ecrire(cible);
                cible.Flush(flushToDisk: true);
            }
            File.Move(temporaire, chemin, overwrite: true);
            Durabilite.SynchroniserDossier(dossier);
            return resultat;
        }
        finally
        {
            File.Delete(temporaire);
        }
    }

    public void Supprimer(string cle) => File.Delete(Chemin(cle));

    /// <summary>
    /// Deletes the temporary files of writes that never finished (the node killed or the machine stopped during an
    /// upload: always encrypted for a bidder's pieces, never recorded) whose last write is older than
    /// <paramref name="age"/>: a write in progress, on this node or another sharing the folder, touches its file at every
    /// block and is kept. Returns how many were deleted.
    /// </summary>
    public int SupprimerPartielsAbandonnes(TimeSpan age, DateTime maintenantUtc)
    {
        if (!Directory.Exists(Racine))
        {
            return 0;
        }
        var supprimes = 0;
        foreach (var fichier in Directory.EnumerateFiles(Racine, "*.partiel", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(fichier) < maintenantUtc - age)
                {
                    File.Delete(fichier);
                    supprimes++;
                }
            }
            catch (IOException)
            {
                // Finished (renamed) or swept by another node meanwhile.
            }
        }
        return supprimes;
    }

    public Stream Ouvrir(string cle) => new FileStream(Chemin(cle), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Existe(string cle) => File.Exists(Chemin(cle));

    private string Chemin(string cle)
    {
        if (cle.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(cle))
        {
            throw new ArgumentException("Clé de stockage invalide", nameof(cle));
        }
        return Path.Combine(Racine, cle);
    }
}

public sealed class FichierTropGrosException(long tailleMax)
    : Exception($"Le fichier dépasse la taille maximale autorisée ({tailleMax / (1024 * 1024)} Mo).");
