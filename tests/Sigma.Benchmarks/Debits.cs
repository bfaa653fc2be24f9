using System.Diagnostics;
using System.IO.Compression;

namespace Sigma.Benchmarks;

internal sealed record Resultat(long Octets, TimeSpan Duree, Statistiques ParClient)
{
    public double MioParSeconde => Octets / (1024d * 1024) / Duree.TotalSeconds;
}

/// <summary>Concurrent transfers timed from a common start, and the CPU price of the zip itself.</summary>
internal static class Debits
{
    public const int Tampon = 81920;

    /// <summary>Starts <paramref name="n"/> workers at once; the total duration runs from the start to the last byte of the last one.</summary>
    public static async Task<Resultat> MesurerAsync(int n, Func<int, Action<int>, Task> travail)
    {
        long octets = 0;
        var depart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var durees = new double[n];
        var taches = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            await depart.Task;
            var debut = Stopwatch.GetTimestamp();
            await travail(i, lus => Interlocked.Add(ref octets, lus));
            durees[i] = Stopwatch.GetElapsedTime(debut).TotalSeconds;
        })).ToList();
        var chrono = Stopwatch.StartNew();
        depart.SetResult();
        await Task.WhenAll(taches);
        return new Resultat(octets, chrono.Elapsed, new Statistiques(durees));
    }

    /// <summary>The plain-read baseline: every stored file read whole, with the buffer size the storage uses.</summary>
    public static async Task LireAsync(IEnumerable<string> fichiers, Action<int> compter)
    {
        var tampon = new byte[Tampon];
        foreach (var f in fichiers)
        {
            await using var source = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.Read, Tampon, useAsync: true);
            int lus;
            while ((lus = await source.ReadAsync(tampon)) > 0)
            {
                compter(lus);
            }
        }
    }

    /// <summary>
    /// The zip the endpoint builds (entry per file, copied with an 80 KB buffer), written to nowhere on one thread:
    /// what one core can produce at this compression level, and the size of the result.
    /// </summary>
    public static (double MioParSeconde, long Taille) CoutZip(IReadOnlyList<string> fichiers, CompressionLevel niveau)
    {
        using var compteur = new FluxCompteur();
        var chrono = Stopwatch.StartNew();
        using (var zip = new ZipArchive(compteur, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var f in fichiers)
            {
                using var destination = zip.CreateEntry(Path.GetFileName(f), niveau).Open();
                using var source = File.OpenRead(f);
                source.CopyTo(destination, Tampon);
            }
        }
        var octets = fichiers.Sum(f => new FileInfo(f).Length);
        return (octets / (1024d * 1024) / chrono.Elapsed.TotalSeconds, compteur.Longueur);
    }

    /// <summary>A write-only, non-seekable sink that counts what it is given, like a response body.</summary>
    private sealed class FluxCompteur : Stream
    {
        public long Longueur { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Longueur += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Longueur += buffer.Length;
    }
}
