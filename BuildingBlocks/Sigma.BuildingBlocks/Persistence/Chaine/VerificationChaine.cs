using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Sigma.BuildingBlocks.Persistence.Chaine;

/// <summary>A broken link: where (module, stream, version, event) and what is wrong, in French.</summary>
public sealed record MaillonRompu(string Module, Guid? Flux, long? Version, long? Sequence, Guid? Evenement, string? Type, string Motif);

/// <summary>What a verification of one module's chains found.</summary>
public sealed record VerificationModule(string Module, long Evenements, int Flux, PointDeControleChaine? PointDeControle, bool PointDeControleVerifie,
    IReadOnlyList<MaillonRompu> Ruptures, TimeSpan Duree)
{
    public bool Intacte => Ruptures.Count == 0;

    /// <summary>The first broken link: in its stream's order, and of the streams the one broken earliest.</summary>
    public MaillonRompu? Premiere => Ruptures.FirstOrDefault();
}

/// <summary>
/// Recomputes every link of a module's chains from the events as they are stored, in one snapshot of the database,
/// and the root of its last checkpoint: a payload changed, a row deleted, inserted or moved, a stream deleted or cut
/// before the checkpoint — each is reported with the first link it breaks. The global sequence's gaps (Marten's
/// tombstones, rolled-back appends) are not links of any chain and are not reported.
/// </summary>
public static class VerificationChaine
{
    private const int Lot = 5000;
    private const int RupturesMax = 200;

    public static async Task<VerificationModule> VerifierAsync(string connectionString, string module, string schema, CancellationToken ct = default)
    {
        var debut = System.Diagnostics.Stopwatch.StartNew();
        await using var connexion = new NpgsqlConnection(connectionString);
        await connexion.OpenAsync(ct);
        await using var transaction = await connexion.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var point = await PointsDeControle.DernierAsync(connexion, schema, ct);
        var ruptures = new List<(long Ordre, MaillonRompu Maillon)>();

        await Executer(connexion, $"""
            declare evenements no scroll cursor for
                select seq_id, id, stream_id, version, type, data::text, floor(extract(epoch from timestamp) * 1000000)::bigint,
                       coalesce(user_name, ''), coalesce(correlation_id, ''), coalesce(causation_id, '')
                from {schema}.mt_events where type <> 'tombstone' order by stream_id, version, seq_id;
            declare maillons no scroll cursor for
                select seq_id, stream_id, version, horodatage, hash, precedent from {schema}.{ChaineSql.Table} order by stream_id, version, seq_id;
            """, ct);
        var evenements = new Curseur<Evenement>(connexion, "evenements", LireEvenement);
        var maillons = new Curseur<Maillon>(connexion, "maillons", LireMaillon);
        await evenements.AvancerAsync(ct);
        await maillons.AvancerAsync(ct);

        long total = 0;
        var flux = 0;
        var tetes = new List<TeteDeFlux>();
        Guid? fluxCourant = null;
        byte[]? precedent = null;
        long versionPrecedente = 0;
        TeteDeFlux? tete = null;
        var rompu = false;
        var limite = point?.JusquaMicro;

        void Rompre(MaillonRompu m, long ordre)
        {
            // One break per stream: what follows a broken link is not trusted either, the first one says where.
            if (!rompu && ruptures.Count < RupturesMax)
            {
                ruptures.Add((ordre, m));
            }
            rompu = true;
        }

        void Fermer()
        {
            if (fluxCourant is { } f && f != PointsDeControle.Flux && tete is not null)
            {
                tetes.Add(tete);
            }
        }

        while (evenements.Courant is not null || maillons.Courant is not null)
        {
            var e = evenements.Courant;
            var m = maillons.Courant;
            var comparaison = e is null ? 1 : m is null ? -1 : Comparer(e.Flux, e.Version, m.Flux, m.Version);
            var cle = comparaison <= 0 ? e!.Flux : m!.Flux;
            if (cle != fluxCourant)
            {
                Fermer();
                fluxCourant = cle;
                flux++;
                precedent = null;
                versionPrecedente = 0;
                tete = null;
                rompu = false;
            }
            if (comparaison < 0)
            {
                Rompre(new MaillonRompu(module, e!.Flux, e.Version, e.Sequence, e.Id, e.Type,
                    "Événement sans maillon : il a été ajouté ou déplacé dans la base hors de Sigma."), e.Sequence);
                total++;
                await evenements.AvancerAsync(ct);
                continue;
            }
            if (comparaison > 0)
            {
                Rompre(new MaillonRompu(module, m!.Flux, m.Version, m.Sequence, null, null,
                    "Maillon sans événement : l'événement a été supprimé de la base."), m.Sequence);
                precedent = m.Hash;
                versionPrecedente = m.Version;
                await maillons.AvancerAsync(ct);
                continue;
            }
            total++;
            if (e!.Version != versionPrecedente + 1)
            {
                Rompre(new MaillonRompu(module, e.Flux, e.Version, e.Sequence, e.Id, e.Type,
                    versionPrecedente == 0 && e.Version > 1
                        ? $"Le flux commence à la version {e.Version} : ses premiers événements ont été supprimés."
                        : $"Il manque la version {versionPrecedente + 1} du flux : un événement et son maillon ont été supprimés."), e.Sequence);
            }
            if (e.Sequence != m!.Sequence)
            {
                Rompre(new MaillonRompu(module, e.Flux, e.Version, e.Sequence, e.Id, e.Type,
                    $"L'événement à cette place n'est pas celui qui y a été enchaîné (n° d'ordre {e.Sequence} au lieu de {m.Sequence}) : des lignes ont été déplacées ou insérées."),
                    Math.Min(e.Sequence, m.Sequence));
            }
            else if (!Egal(m.Precedent, precedent))
            {
                Rompre(new MaillonRompu(module, e.Flux, e.Version, e.Sequence, e.Id, e.Type,
                    "Le maillon ne suit pas le précédent : la chaîne a été recousue."), e.Sequence);
            }
            else if (!Egal(Lien(m.Precedent, e), m.Hash))
            {
                Rompre(new MaillonRompu(module, e.Flux, e.Version, e.Sequence, e.Id, e.Type,
                    "Le contenu de l'événement (données, date, auteur ou place) ne correspond plus à son maillon : il a été modifié."), e.Sequence);
            }
            if (limite is { } l && e.Micro <= l && !rompu)
            {
                tete = new TeteDeFlux(e.Flux, e.Version, m.Hash);
            }
            precedent = m.Hash;
            versionPrecedente = e.Version;
            await evenements.AvancerAsync(ct);
            await maillons.AvancerAsync(ct);
        }
        Fermer();

        var pointVerifie = false;
        if (point is not null)
        {
            var racine = Convert.ToHexStringLower(Merkle.Racine(tetes));
            pointVerifie = racine == point.Racine;
            if (!pointVerifie)
            {
                ruptures.AddRange((await FluxDisparusAsync(connexion, module, schema, point, tetes, ct)).Select(m => (long.MaxValue, m)));
            }
        }
        await transaction.RollbackAsync(ct);
        return new VerificationModule(module, total, flux, point, pointVerifie, ruptures.OrderBy(r => r.Ordre).Select(r => r.Maillon).ToList(), debut.Elapsed);
    }

    /// <summary>The streams the last checkpoint knew and the chain no longer has as they were, from the checkpoints' leaves.</summary>
    private static async Task<List<MaillonRompu>> FluxDisparusAsync(NpgsqlConnection connexion, string module, string schema, PointDeControleChaine point,
        List<TeteDeFlux> tetes, CancellationToken ct)
    {
        var actuelles = tetes.ToDictionary(t => t.Flux);
        await using var commande = PointsDeControle.Commande(connexion, $"""
            select distinct on (stream_id) stream_id, version, hash from {schema}.{ChaineSql.Feuilles} where numero <= @n order by stream_id, numero desc
            """, ("n", point.Numero));
        var ruptures = new List<MaillonRompu>();
        await using var lecteur = await commande.ExecuteReaderAsync(ct);
        while (await lecteur.ReadAsync(ct) && ruptures.Count < RupturesMax)
        {
            var attendue = new TeteDeFlux(lecteur.GetGuid(0), lecteur.GetInt64(1), (byte[])lecteur[2]);
            if (!actuelles.TryGetValue(attendue.Flux, out var actuelle))
            {
                ruptures.Add(new MaillonRompu(module, attendue.Flux, attendue.Version, null, null, null,
                    $"Le flux a disparu : le point de contrôle n° {point.Numero} le connaissait à la version {attendue.Version}."));
            }
            else if (actuelle.Version != attendue.Version || !Egal(actuelle.Hash, attendue.Hash))
            {
                ruptures.Add(new MaillonRompu(module, attendue.Flux, actuelle.Version, null, null, null,
                    $"Le flux a été coupé : le point de contrôle n° {point.Numero} le connaissait jusqu'à la version {attendue.Version}, il s'arrête à la version {actuelle.Version}."));
            }
        }
        return ruptures.Count > 0 ? ruptures :
        [
            new MaillonRompu(module, null, null, null, null, null,
                $"La racine du point de contrôle n° {point.Numero} ne correspond plus aux flux : un flux a été supprimé ou coupé."),
        ];
    }

    /// <summary>The link of an event after <paramref name="precedent"/>, as <see cref="ChaineSql"/> computes it.</summary>
    private static byte[] Lien(byte[]? precedent, Evenement e)
    {
        var texte = string.Join('\u001f', e.Sequence.ToString(CultureInfo.InvariantCulture), e.Id.ToString("D"), e.Flux.ToString("D"),
            e.Version.ToString(CultureInfo.InvariantCulture), e.Type, e.Donnees, e.Micro.ToString(CultureInfo.InvariantCulture), e.Auteur, e.Correlation, e.Cause);
        var octets = Encoding.UTF8.GetBytes(texte);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (precedent is not null)
        {
            sha.AppendData(precedent);
        }
        sha.AppendData(octets);
        return sha.GetHashAndReset();
    }

    private static bool Egal(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    /// <summary>PostgreSQL's order of (uuid, bigint): the uuid's bytes as written, then the version.</summary>
    private static int Comparer(Guid fluxA, long versionA, Guid fluxB, long versionB)
    {
        var c = string.CompareOrdinal(fluxA.ToString("N"), fluxB.ToString("N"));
        return c != 0 ? c : versionA.CompareTo(versionB);
    }

    private static async Task Executer(NpgsqlConnection connexion, string sql, CancellationToken ct)
    {
        await using var commande = new NpgsqlCommand(sql, connexion);
        await commande.ExecuteNonQueryAsync(ct);
    }

    private sealed record Evenement(long Sequence, Guid Id, Guid Flux, long Version, string Type, string Donnees, long Micro, string Auteur, string Correlation, string Cause);

    private sealed record Maillon(long Sequence, Guid Flux, long Version, long Micro, byte[] Hash, byte[]? Precedent);

    private static Evenement LireEvenement(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetInt64(3), r.GetString(4), r.GetString(5),
        r.GetInt64(6), r.GetString(7), r.GetString(8), r.GetString(9));

    private static Maillon LireMaillon(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetGuid(1), r.GetInt64(2), r.GetInt64(3), (byte[])r[4],
        r.IsDBNull(5) ? null : (byte[])r[5]);

    /// <summary>A server-side cursor read in batches: the two cursors of a verification advance side by side on one connection.</summary>
    private sealed class Curseur<T>(NpgsqlConnection connexion, string nom, Func<NpgsqlDataReader, T> lire) where T : class
    {
        private readonly Queue<T> tampon = new();
        private bool fini;

        public T? Courant { get; private set; }

        public async Task AvancerAsync(CancellationToken ct)
        {
            if (tampon.Count == 0 && !fini)
            {
                await using var commande = new NpgsqlCommand($"fetch {Lot} from {nom}", connexion);
                await using var lecteur = await commande.ExecuteReaderAsync(ct);
                while (await lecteur.ReadAsync(ct))
                {
                    tampon.Enqueue(lire(lecteur));
                }
                fini = tampon.Count < Lot;
            }
            Courant = tampon.TryDequeue(out var suivant) ? suivant : null;
        }
    }
}
