namespace Sigma.BuildingBlocks.Persistence.Chaine;

/// <summary>
/// The hash chain of a module's events, kept by PostgreSQL as each event is inserted (a trigger on <c>mt_events</c>, so
/// that no path of appending escapes it), one chain per stream: the append path takes no lock beyond the stream's own.
/// A link is <c>SHA-256(previous link ‖ UTF-8(seq_id ␟ id ␟ stream_id ␟ version ␟ type ␟ data ␟ timestamp µs ␟ user_name ␟
/// correlation_id ␟ causation_id))</c>, ␟ being U+001F; the first link of a stream has no previous one. Marten's
/// tombstones (rows of type <c>tombstone</c>, filling the global sequence after a failed append) are not chained.
/// </summary>
public static class ChaineSql
{
    public const string Table = "sigma_chaine";
    public const string Feuilles = "sigma_chaine_feuilles";

    /// <summary>The text hashed for an event, in SQL; <see cref="VerificationChaine"/> builds the same bytes in C#.</summary>
    internal static string Contenu(string e) =>
        $"concat_ws(chr(31), {e}.seq_id, {e}.id, {e}.stream_id, {e}.version, {e}.type, {e}.data::text, " +
        $"floor(extract(epoch from {e}.timestamp) * 1000000)::bigint, coalesce({e}.user_name, ''), coalesce({e}.correlation_id, ''), coalesce({e}.causation_id, ''))";

    /// <summary>Creates (or brings up to date) the chain of <paramref name="schema"/> and chains the events appended before it existed.</summary>
    public static string Installation(string schema) => $"""
        select pg_advisory_xact_lock(hashtext('sigma-chaine-{schema}'));
        create table if not exists {schema}.{Table} (
            seq_id bigint primary key,
            stream_id uuid not null,
            version bigint not null,
            horodatage bigint not null,
            hash bytea not null,
            precedent bytea,
            constraint {Table}_flux unique (stream_id, version));
        create table if not exists {schema}.{Feuilles} (
            numero bigint not null,
            stream_id uuid not null,
            version bigint not null,
            hash bytea not null,
            primary key (numero, stream_id));
        create or replace function {schema}.sigma_maillon(prec bytea, e {schema}.mt_events) returns bytea
            language sql immutable as $f$ select sha256(coalesce(prec, ''::bytea) || convert_to({Contenu("e")}, 'UTF8')) $f$;
        create or replace function {schema}.sigma_chainer() returns trigger language plpgsql as $f$
        declare prec bytea;
        begin
            if NEW.type = 'tombstone' then return null; end if;
            select hash into prec from {schema}.{Table} where stream_id = NEW.stream_id and version = NEW.version - 1;
            insert into {schema}.{Table} (seq_id, stream_id, version, horodatage, hash, precedent)
                values (NEW.seq_id, NEW.stream_id, NEW.version, floor(extract(epoch from NEW.timestamp) * 1000000)::bigint,
                        {schema}.sigma_maillon(prec, NEW), prec);
            return null;
        end $f$;
        create or replace trigger sigma_chaine after insert on {schema}.mt_events for each row execute function {schema}.sigma_chainer();
        do $f$
        declare r {schema}.mt_events; prec bytea;
        begin
            for r in select e.* from {schema}.mt_events e
                     where e.type <> 'tombstone' and not exists (select 1 from {schema}.{Table} c where c.seq_id = e.seq_id)
                     order by e.stream_id, e.version loop
                select hash into prec from {schema}.{Table} where stream_id = r.stream_id and version = r.version - 1;
                insert into {schema}.{Table} (seq_id, stream_id, version, horodatage, hash, precedent)
                    values (r.seq_id, r.stream_id, r.version, floor(extract(epoch from r.timestamp) * 1000000)::bigint, {schema}.sigma_maillon(prec, r), prec);
            end loop;
        end $f$;
        """;
}
