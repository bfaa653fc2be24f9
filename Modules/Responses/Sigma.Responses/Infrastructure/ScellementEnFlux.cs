using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Responses.Infrastructure;

/// <summary>
/// A piece sealed as it arrives, in three stages that run at once: the request is read into lots of 8 blocks of 64 KiB;
/// each lot goes both to the SHA-256 of the plain bytes (one side) and to AES-GCM and the file (the other side), through
/// bounded channels, so that the upload goes at the pace of its slowest stage instead of the sum of all three. A lot
/// (512 KiB) is the unit handed over: sixteen times fewer hand-offs between threads than a block each, which on a
/// small machine left the thread pool spinning instead of working. At most <see cref="Profondeur"/> lots per side are in
/// flight (about 1.5 MiB per upload): memory stays flat whatever the size.
/// <para>
/// The format is unchanged: a header (magic, 12-byte nonce base) then each 64 KiB block encrypted with its own nonce
/// (the base XOR its index) and authenticated with its index, a last-block flag and the storage key, so that truncation,
/// reordering or a file swapped between pieces is detected. A short (possibly empty) block is the last one.
/// </para>
/// </summary>
internal static class ScellementEnFlux
{
    public const int TailleBloc = 64 * 1024;
    public const int TailleTag = 16;
    public static readonly byte[] Entete = "SGM1"u8.ToArray();
    private const int BlocsParLot = 8;
    private const int TailleLot = BlocsParLot * TailleBloc;
    private const int Profondeur = 2;
    private const int BlocsParEcriture = 16;

    public static async Task<(long Taille, string Sha256)> ExecuterAsync(byte[] cle, string cleStockage, Stream source, Stream cible, long tailleMax, CancellationToken ct)
    {
        using var arret = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var options = new BoundedChannelOptions(Profondeur) { SingleReader = true, SingleWriter = true };
        var versHachage = Channel.CreateBounded<Lot>(options);
        var versChiffrement = Channel.CreateBounded<Lot>(options);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hachage = Task.Run(() => ConsommerAsync(versHachage.Reader, lot => sha.AppendData(lot.Clair, 0, lot.Lus), arret), CancellationToken.None);
        using var chiffreur = new Chiffreur(cle, cleStockage, cible);
        var ecriture = Task.Run(() => ConsommerAsync(versChiffrement.Reader, chiffreur.Chiffrer, arret), CancellationToken.None);

        long taille = 0;
        Exception? echec = null;
        try
        {
            for (long premierBloc = 0; ; premierBloc += BlocsParLot)
            {
                var clair = ArrayPool<byte>.Shared.Rent(TailleLot);
                var lus = 0;
                try
                {
                    lus = await LireBlocAsync(source, clair.AsMemory(0, TailleLot), arret.Token);
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
                // A lot not full is the last one; a full one may be followed by an empty last lot (its one empty block).
                var lot = new Lot(premierBloc, clair, lus, lus < TailleLot);
                await versHachage.Writer.WriteAsync(lot, arret.Token);
                await versChiffrement.Writer.WriteAsync(lot, arret.Token);
                if (lot.Dernier)
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

    private static async Task ConsommerAsync(ChannelReader<Lot> lecteur, Action<Lot> traiter, CancellationTokenSource arret)
    {
        try
        {
            await foreach (var lot in lecteur.ReadAllAsync(arret.Token))
            {
                traiter(lot);
                lot.Liberer();
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

        /// <summary>The lot's blocks in order: all full but, in the last lot, the last one (short, possibly empty).</summary>
        public void Chiffrer(Lot lot)
        {
            for (var debut = 0; ; debut += TailleBloc)
            {
                var lus = Math.Min(TailleBloc, lot.Lus - debut);
                var dernier = lot.Dernier && lus < TailleBloc;
                if (lus < TailleBloc && !dernier)
                {
                    return; // a full lot ends on a block boundary
                }
                Chiffrer(lot.PremierBloc + debut / TailleBloc, lot.Clair.AsSpan(debut, lus), dernier);
                if (dernier)
                {
                    return;
                }
            }
        }

        private void Chiffrer(long index, ReadOnlySpan<byte> clair, bool dernier)
        {
            Nonce(_nonceBase, index, _nonce);
            var sortie = _tampon.AsSpan(_rempli, clair.Length + TailleTag);
            _aes.Encrypt(_nonce, clair, sortie[..clair.Length], sortie[clair.Length..], Aad(_cleStockage, index, dernier));
            _rempli += clair.Length + TailleTag;
            if (dernier || _rempli + TailleBloc + TailleTag > _tampon.Length)
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

    /// <summary>A lot of plain blocks shared by the two sides; back to the pool, wiped (it holds a bidder's bytes in clear), once both are done with it.</summary>
    private sealed class Lot(long premierBloc, byte[] clair, int lus, bool dernier)
    {
        private int _lecteurs = 2;
        public long PremierBloc { get; } = premierBloc;
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
