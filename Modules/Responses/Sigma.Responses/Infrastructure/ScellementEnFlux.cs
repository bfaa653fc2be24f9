using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Responses.Infrastructure;

/// <summary>
/// A piece sealed as it arrives, in three stages that run at once: the request is read into 64 KiB blocks; each block
/// goes both to the SHA-256 of the plain bytes (one side) and to AES-GCM and the file (the other side), through bounded
/// channels, so that the upload goes at the pace of its slowest stage instead of the sum of all three. At most
/// <see cref="Profondeur"/> blocks per side are in flight (about 1 MiB per upload): memory stays flat whatever the size.
/// <para>
/// The format is unchanged: a header (magic, 12-byte nonce base) then each block encrypted with its own nonce (the base
/// XOR its index) and authenticated with its index, a last-block flag and the storage key, so that truncation, reordering
/// or a file swapped between pieces is detected. A short (possibly empty) block is the last one.
/// </para>
/// </summary>
internal static class ScellementEnFlux
{
    public const int TailleBloc = 64 * 1024;
    public const int TailleTag = 16;
    public static readonly byte[] Entete = "SGM1"u8.ToArray();
    private const int Profondeur = 8;
    private const int BlocsParEcriture = 16;

    public static async Task<(long Taille, string Sha256)> ExecuterAsync(byte[] cle, string cleStockage, Stream source, Stream cible, long tailleMax, CancellationToken ct)
    {
        using var arret = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var options = new BoundedChannelOptions(Profondeur) { SingleReader = true, SingleWriter = true };
        var versHachage = Channel.CreateBounded<Bloc>(options);
        var versChiffrement = Channel.CreateBounded<Bloc>(options);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hachage = Task.Run(() => ConsommerAsync(versHachage.Reader, bloc => sha.AppendData(bloc.Clair, 0, bloc.Lus), arret), CancellationToken.None);
        using var chiffreur = new Chiffreur(cle, cleStockage, cible);
        var ecriture = Task.Run(() => ConsommerAsync(versChiffrement.Reader, chiffreur.Chiffrer, arret), CancellationToken.None);

        long taille = 0;
        Exception? echec = null;
        try
        {
            for (long index = 0; ; index++)
            {
                var clair = ArrayPool<byte>.Shared.Rent(TailleBloc);
                var lus = 0;
                try
                {
                    lus = await LireBlocAsync(source, clair.AsMemory(0, TailleBloc), arret.Token);
                    taille += lus;
                    if (taille > tailleMax)
                    {
                        throw new FichierTropGrosException(tailleMax);
                    }
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(clair, clearArray: true);
                    throw;
                }
                var bloc = new Bloc(index, clair, lus, lus < TailleBloc);
                await versHachage.Writer.WriteAsync(bloc, arret.Token);
                await versChiffrement.Writer.WriteAsync(bloc, arret.Token);
                if (bloc.Dernier)
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            echec = e;
            await arret.CancelAsync();
        }
        finally
        {
            versHachage.Writer.TryComplete();
            versChiffrement.Writer.TryComplete();
        }
        await Task.WhenAll(hachage, ecriture).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // A stage that failed stopped the others: its own exception is the one that says why.
        if (new[] { hachage, ecriture }.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } panne)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(panne);
        }
        if (echec is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(echec);
        }
        return (taille, Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant());
    }

    /// <summary>Decrypts a sealed piece into <paramref name="destination"/>; throws if it was altered, truncated or moved.</summary>
    public static async Task DescellerAsync(byte[] cle, string cleStockage, Stream source, Stream destination, CancellationToken ct)
    {
        var entete = new byte[16];
        if (await LireBlocAsync(source, entete, ct) != 16 || !entete.AsSpan(0, 4).SequenceEqual(Entete))
        {
            throw new CryptographicException("Fichier scellé illisible.");
        }
        var nonceBase = entete[4..];
        using var aes = new AesGcm(cle, TailleTag);
        var chiffre = new byte[TailleBloc + TailleTag];
        var clair = new byte[TailleBloc];
        var nonce = new byte[12];
        for (long index = 0; ; index++)
        {
            var lus = await LireBlocAsync(source, chiffre, ct);
            var dernier = lus < chiffre.Length;
            if (lus < TailleTag)
            {
                throw new CryptographicException("Fichier scellé tronqué.");
            }
            var n = lus - TailleTag;
            Nonce(nonceBase, index, nonce);
            aes.Decrypt(nonce, chiffre.AsSpan(0, n), chiffre.AsSpan(n, TailleTag), clair.AsSpan(0, n), Aad(cleStockage, index, dernier));
            await destination.WriteAsync(clair.AsMemory(0, n), ct);
            if (dernier)
            {
                return;
            }
        }
    }

    private static async Task ConsommerAsync(ChannelReader<Bloc> lecteur, Action<Bloc> traiter, CancellationTokenSource arret)
    {
        try
        {
            await foreach (var bloc in lecteur.ReadAllAsync(arret.Token))
            {
                traiter(bloc);
                bloc.Liberer();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await arret.CancelAsync();
            throw;
        }
    }

    /// <summary>
    /// The encrypting side: blocks in order, written 16 at a time (about 1 MiB per system call), each megabyte sent on
    /// its way to the disk at once so that the final fsync has little left to wait for.
    /// </summary>
    private sealed class Chiffreur : IDisposable
    {
        private readonly AesGcm _aes;
        private readonly string _cleStockage;
        private readonly Stream _cible;
        private readonly byte[] _nonceBase = RandomNumberGenerator.GetBytes(12);
        private readonly byte[] _nonce = new byte[12];
        private readonly byte[] _tampon = new byte[Entete.Length + 12 + BlocsParEcriture * (TailleBloc + TailleTag)];
        private int _rempli;
        private long _ecrits;

        public Chiffreur(byte[] cle, string cleStockage, Stream cible)
        {
            (_aes, _cleStockage, _cible) = (new AesGcm(cle, TailleTag), cleStockage, cible);
            Entete.CopyTo(_tampon, 0);
            _nonceBase.CopyTo(_tampon, Entete.Length);
            _rempli = Entete.Length + 12;
        }

        public void Chiffrer(Bloc bloc)
        {
            Nonce(_nonceBase, bloc.Index, _nonce);
            var sortie = _tampon.AsSpan(_rempli, bloc.Lus + TailleTag);
            _aes.Encrypt(_nonce, bloc.Clair.AsSpan(0, bloc.Lus), sortie[..bloc.Lus], sortie[bloc.Lus..], Aad(_cleStockage, bloc.Index, bloc.Dernier));
            _rempli += bloc.Lus + TailleTag;
            if (bloc.Dernier || _rempli + TailleBloc + TailleTag > _tampon.Length)
            {
                _cible.Write(_tampon, 0, _rempli);
                if (_cible is FileStream fichier)
                {
                    Durabilite.CommencerEcriture(fichier, _ecrits, _rempli);
                }
                _ecrits += _rempli;
                _rempli = 0;
            }
        }

        public void Dispose() => _aes.Dispose();
    }

    /// <summary>A plain block shared by the two sides; back to the pool, wiped (it holds a bidder's bytes in clear), once both are done with it.</summary>
    private sealed class Bloc(long index, byte[] clair, int lus, bool dernier)
    {
        private int _lecteurs = 2;
        public long Index { get; } = index;
        public byte[] Clair { get; } = clair;
        public int Lus { get; } = lus;
        public bool Dernier { get; } = dernier;

        public void Liberer()
        {
            if (Interlocked.Decrement(ref _lecteurs) == 0)
            {
                ArrayPool<byte>.Shared.Return(Clair, clearArray: true);
            }
        }
    }

    private static void Nonce(byte[] nonceBase, long index, byte[] nonce)
    {
        nonceBase.CopyTo(nonce, 0);
        var compteur = BinaryPrimitives.ReadInt64BigEndian(nonce.AsSpan(4)) ^ index;
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), compteur);
    }

    private static byte[] Aad(string cleStockage, long index, bool dernier)
    {
        var aad = new byte[9 + Encoding.UTF8.GetByteCount(cleStockage)];
        BinaryPrimitives.WriteInt64BigEndian(aad, index);
        aad[8] = dernier ? (byte)1 : (byte)0;
        Encoding.UTF8.GetBytes(cleStockage, aad.AsSpan(9));
        return aad;
    }

    public static async Task<int> LireBlocAsync(Stream source, Memory<byte> tampon, CancellationToken ct)
    {
        var total = 0;
        while (total < tampon.Length)
        {
            var n = await source.ReadAsync(tampon[total..], ct);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }
}
