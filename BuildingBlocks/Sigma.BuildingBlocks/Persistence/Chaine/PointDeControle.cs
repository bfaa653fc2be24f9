using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;
using Sigma.BuildingBlocks.Contracts;

namespace Sigma.BuildingBlocks.Persistence.Chaine;

/// <summary>
/// A checkpoint of a module's chains: the Merkle root over the head of every stream as it stood at <see cref="Jusqua"/>
/// (events stamped at or before it), kept as an event of its own (in the stream <see cref="PointsDeControle.Flux"/>, chained
/// like any other). It closes what a per-stream chain leaves open: a whole stream deleted, a stream's last events cut.
/// </summary>
public sealed record PointDeControleChaine(long Numero, DateTimeOffset Jusqua, long JusquaMicro, int Flux, long Evenements, string Racine, DateTimeOffset CalculeLe);

/// <summary>Takes the checkpoints of one module's event store.</summary>
public sealed class PointsDeControle(IDocumentStore store, string schema, string connectionString, TimeProvider clock)
{
    /// <summary>The stream of the checkpoints, the same id in every module's schema.</summary>
    public static readonly Guid Flux = new(MD5.HashData(Encoding.UTF8.GetBytes("sigma:chaine:points-de-controle")));

    /// <summary>
    /// How far back a checkpoint stops: an event is stamped when its transaction starts, so a transaction still open
    /// when the checkpoint is taken could commit an event older than it; none stays open this long.
    /// </summary>
    public static readonly TimeSpan Marge = TimeSpan.FromMinutes(1);

    /// <summary>Takes a checkpoint up to now minus <see cref="Marge"/> (or up to <paramref name="jusqua"/>), and returns it.</summary>
    public async Task<PointDeControleChaine> PrendreAsync(DateTimeOffset? jusqua = null, CancellationToken ct = default)
    {
        var maintenant = clock.GetUtcNow();
        var limite = jusqua ?? maintenant - Marge;
        var micro = Micro(limite);
        await using var connexion = new NpgsqlConnection(connectionString);
        await connexion.OpenAsync(ct);
        await using var transaction = await connexion.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var precedent = await DernierAsync(connexion, schema, ct);
        var tetes = await TetesAsync(connexion, schema, micro, ct);
        var evenements = (long)(await Commande(connexion, $"select count(*) from {schema}.{ChaineSql.Table} where horodatage <= @t and stream_id <> @cp",
            ("t", micro), ("cp", Flux)).ExecuteScalarAsync(ct))!;
        var numero = (precedent?.Numero ?? 0) + 1;
        // The leaves that changed since the previous checkpoint, so that a verification can name a stream gone since.
        var depuis = precedent?.JusquaMicro ?? long.MinValue;
        await using (var nouvelles = Commande(connexion, $"""
            insert into {schema}.{ChaineSql.Feuilles} (numero, stream_id, version, hash)
            select @n, t.stream_id, t.version, t.hash from (
                select distinct on (stream_id) stream_id, version, hash from {schema}.{ChaineSql.Table}
                where horodatage <= @t and stream_id <> @cp and stream_id in (select stream_id from {schema}.{ChaineSql.Table} where horodatage > @d and horodatage <= @t)
                order by stream_id, version desc) t
            """, ("n", numero), ("t", micro), ("cp", Flux), ("d", depuis)))
        {
            await nouvelles.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        var point = new PointDeControleChaine(numero, limite, micro, tetes.Count, evenements, Convert.ToHexStringLower(Merkle.Racine(tetes)), maintenant);
        await using var session = store.Ouvrir(Acteur.Sigma);
        session.Events.Append(Flux, point);
        await session.SaveChangesAsync(ct);
        return point;
    }

    /// <summary>A time as the chain stamps it: microseconds since the Unix epoch.</summary>
    public static long Micro(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    internal static async Task<List<TeteDeFlux>> TetesAsync(NpgsqlConnection connexion, string schema, long micro, CancellationToken ct)
    {
        var tetes = new List<TeteDeFlux>();
        await using var commande = Commande(connexion, $"""
            select distinct on (stream_id) stream_id, version, hash from {schema}.{ChaineSql.Table}
            where horodatage <= @t and stream_id <> @cp order by stream_id, version desc
            """, ("t", micro), ("cp", Flux));
        await using var lecteur = await commande.ExecuteReaderAsync(ct);
        while (await lecteur.ReadAsync(ct))
        {
            tetes.Add(new TeteDeFlux(lecteur.GetGuid(0), lecteur.GetInt64(1), (byte[])lecteur[2]));
        }
        return tetes;
    }

    /// <summary>The last checkpoint of the module, read from its stream (null before the first).</summary>
    internal static async Task<PointDeControleChaine?> DernierAsync(NpgsqlConnection connexion, string schema, CancellationToken ct)
    {
        await using var commande = Commande(connexion, $"select data::text from {schema}.mt_events where stream_id = @cp order by version desc limit 1", ("cp", Flux));
        return await commande.ExecuteScalarAsync(ct) is string json
            ? System.Text.Json.JsonSerializer.Deserialize<PointDeControleChaine>(json, JsonChaine.Options) : null;
    }

    internal static NpgsqlCommand Commande(NpgsqlConnection connexion, string sql, params (string Nom, object Valeur)[] parametres)
    {
        var commande = new NpgsqlCommand(sql, connexion);
        foreach (var (nom, valeur) in parametres)
        {
            commande.Parameters.AddWithValue(nom, valeur);
        }
        return commande;
    }
}

internal static class JsonChaine
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
