using System.Runtime.InteropServices;

namespace Sigma.BuildingBlocks.Stockage;

/// <summary>
/// A rename is durable only once its folder is synced: .NET cannot open a folder as a file, so on Linux the folder is
/// opened read-only and fsync'ed through libc (elsewhere nothing is done: Sigma runs on Linux in production).
/// </summary>
public static partial class Durabilite
{
    private const int ORdonly = 0;
    private const int ODirectory = 0x10000; // Linux x86-64 and arm64
    private const int Einval = 22;
    private const int Enotsup = 95;

    private const int SyncFileRangeWrite = 2;

    /// <summary>
    /// Starts writing to disk what was just written to <paramref name="fichier"/> (Linux's sync_file_range, which does not
    /// wait): a large file's final fsync then waits for its last megabytes only, not for all of them, the kernel holding
    /// back up to a tenth of the memory before it writes anything on its own.
    /// </summary>
    public static void CommencerEcriture(FileStream fichier, long debut, long longueur)
    {
        if (OperatingSystem.IsLinux())
        {
            // Advice only: a filesystem that does not support it loses nothing, the final fsync still makes it durable.
            _ = sync_file_range((int)fichier.SafeFileHandle.DangerousGetHandle(), debut, longueur, SyncFileRangeWrite);
        }
    }

    public static void SynchroniserDossier(string dossier)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var fd = open(dossier, ORdonly | ODirectory);
        if (fd < 0)
        {
            throw new IOException($"Le dossier {dossier} ne peut être ouvert pour être synchronisé (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            // A filesystem that cannot sync a folder (some network or FUSE mounts) says EINVAL or ENOTSUP: it makes
            // renames durable its own way, and the upload must not fail for it.
            if (fsync(fd) != 0 && Marshal.GetLastPInvokeError() is not (Einval or Enotsup))
            {
                throw new IOException($"Le dossier {dossier} n'a pu être synchronisé sur le disque (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string chemin, int options);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int sync_file_range(int fd, long debut, long longueur, int options);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int close(int fd);
}
