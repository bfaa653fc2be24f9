using Npgsql;
using NpgsqlTypes;
using Sigma.Referentials.Contracts;

namespace Sigma.Referentials.Infrastructure;

/// <summary>How a list is written over what is stored.</summary>
internal enum ModeEcriture
{
    /// <summary>The list is the whole nomenclature: entries are added or updated, and those it no longer holds removed.</summary>
    Remplacer,
    /// <summary>Entries are added or updated; the list's inactive codes are removed; the others stay.</summary>
    Importer,
    /// <summary>Only missing entries are added: a shipped sample never overwrites an imported list.</summary>
    Completer,
}

internal sealed record BilanEcriture(int Nouvelles, int Modifiees, int Inchangees, int Retirees);

/// <summary>
/// The table <c>referentials.entrees</c>: one row per nomenclature and code, with a 'simple' text-search vector of
/// the normalised code and label (GIN index) so that prefix searches stay fast and ignore accents and case without
/// any extension. Writes take an advisory lock: several nodes starting together load each list once.
/// </summary>
internal sealed class EntrepotReferentiels(string connectionString)
{
    private const long Verrou = 0x5265_6665_7265_6e74; // "Referent"

    public async Task CreerSchemaAsync(CancellationToken ct)
    {
        await using var connexion = await OuvrirAsync(ct);
        await using var transaction = await connexion.BeginTransactionAsync(ct);
        await ExecuterAsync(connexion, "select pg_advisory_xact_lock(@verrou)", ct, ("verrou", Verrou));
        await ExecuterAsync(connexion,
            """
            create schema if not exists referentials;
            create table if not exists referentials.entrees (
                nomenclature text not null, code text not null, libelle text not null, niveau text,
                libelle_normalise text not null, recherche tsvector not null, mis_a_jour_le timestamptz not null default now(),
                primary key (nomenclature, code));
            create index if not exists entrees_recherche on referentials.entrees using gin (recherche);
            create table if not exists referentials.chargements (source text primary key, empreinte text not null, charge_le timestamptz not null);
            """, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Writes a list in one transaction; when <paramref name="source"/> is given, records its fingerprint with it.</summary>
    public async Task<BilanEcriture> EcrireAsync(Nomenclature nomenclature, IReadOnlyCollection<EntreeReferentiel> entrees,
        IReadOnlyCollection<string> inactives, ModeEcriture mode, (string Nom, string Empreinte)? source, CancellationToken ct)
    {
        await using var connexion = await OuvrirAsync(ct);
        await using var transaction = await connexion.BeginTransactionAsync(ct);
        await ExecuterAsync(connexion, "select pg_advisory_xact_lock(@verrou)", ct, ("verrou", Verrou));
        await ExecuterAsync(connexion,
            "create temp table entrees_lues (code text, libelle text, niveau text, libelle_normalise text, document text) on commit drop", ct);
        await using (var copie = await connexion.BeginBinaryImportAsync(
            "copy entrees_lues (code, libelle, niveau, libelle_normalise, document) from stdin (format binary)", ct))
        {
            foreach (var e in entrees)
            {
                await copie.StartRowAsync(ct);
                await copie.WriteAsync(e.Code, NpgsqlDbType.Text, ct);
                await copie.WriteAsync(e.Libelle, NpgsqlDbType.Text, ct);
                await copie.WriteAsync((object?)e.Niveau ?? DBNull.Value, NpgsqlDbType.Text, ct);
                await copie.WriteAsync(TexteRecherche.Normaliser(e.Libelle), NpgsqlDbType.Text, ct);
                await copie.WriteAsync(TexteRecherche.Document(e.Code, e.Libelle), NpgsqlDbType.Text, ct);
            }
            await copie.CompleteAsync(ct);
        }

        var surConflit = mode == ModeEcriture.Completer ? "do nothing" :
            """
            do update set libelle = excluded.libelle, niveau = excluded.niveau, libelle_normalise = excluded.libelle_normalise,
                recherche = excluded.recherche, mis_a_jour_le = excluded.mis_a_jour_le
            where (entrees.libelle, entrees.niveau, entrees.recherche) is distinct from (excluded.libelle, excluded.niveau, excluded.recherche)
            """;
        int nouvelles = 0, modifiees = 0;
        await using (var ecriture = new NpgsqlCommand(
            $"""
            insert into referentials.entrees as entrees (nomenclature, code, libelle, niveau, libelle_normalise, recherche, mis_a_jour_le)
            select @nomenclature, code, libelle, niveau, libelle_normalise, to_tsvector('simple', document), now() from entrees_lues
            on conflict (nomenclature, code) {surConflit}
            returning (xmax = 0) as nouvelle
            """, connexion))
        {
            ecriture.Parameters.AddWithValue("nomenclature", nomenclature.Nom);
            await using var lecteur = await ecriture.ExecuteReaderAsync(ct);
            while (await lecteur.ReadAsync(ct))
            {
                if (lecteur.GetBoolean(0)) { nouvelles++; } else { modifiees++; }
            }
        }

        var retirees = mode switch
        {
            ModeEcriture.Remplacer => await ExecuterAsync(connexion,
                "delete from referentials.entrees e where e.nomenclature = @nomenclature and not exists (select 1 from entrees_lues l where l.code = e.code)",
                ct, ("nomenclature", nomenclature.Nom)),
            ModeEcriture.Importer => await ExecuterAsync(connexion,
                "delete from referentials.entrees where nomenclature = @nomenclature and code = any(@codes)",
                ct, ("nomenclature", nomenclature.Nom), ("codes", inactives.ToArray())),
            _ => 0,
        };
        if (source is var (nom, empreinte))
        {
            await ExecuterAsync(connexion,
                "insert into referentials.chargements (source, empreinte, charge_le) values (@source, @empreinte, now()) " +
                "on conflict (source) do update set empreinte = excluded.empreinte, charge_le = excluded.charge_le",
                ct, ("source", nom), ("empreinte", empreinte));
        }
        // Statistics now rather than at the next autovacuum: with them the planner picks the text-search index.
        await ExecuterAsync(connexion, "analyze referentials.entrees", ct);
        await transaction.CommitAsync(ct);
        return new BilanEcriture(nouvelles, modifiees, entrees.Count - nouvelles - modifiees, retirees);
    }

    /// <summary>The fingerprint recorded the last time <paramref name="source"/> was loaded, if ever.</summary>
    public async Task<string?> EmpreinteAsync(string source, CancellationToken ct)
    {
        await using var connexion = await OuvrirAsync(ct);
        await using var commande = new NpgsqlCommand("select empreinte from referentials.chargements where source = @source", connexion);
        commande.Parameters.AddWithValue("source", source);
        return await commande.ExecuteScalarAsync(ct) as string;
    }

    public async Task<int> CompterAsync(Nomenclature nomenclature, CancellationToken ct)
    {
        await using var connexion = await OuvrirAsync(ct);
        await using var commande = new NpgsqlCommand("select count(*) from referentials.entrees where nomenclature = @nomenclature", connexion);
        commande.Parameters.AddWithValue("nomenclature", nomenclature.Nom);
        return Convert.ToInt32(await commande.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlConnection> OuvrirAsync(CancellationToken ct)
    {
        var connexion = new NpgsqlConnection(connectionString);
        await connexion.OpenAsync(ct);
        return connexion;
    }

    private static async Task<int> ExecuterAsync(NpgsqlConnection connexion, string sql, CancellationToken ct, params (string Nom, object Valeur)[] parametres)
    {
        await using var commande = new NpgsqlCommand(sql, connexion);
        foreach (var (nom, valeur) in parametres)
        {
            commande.Parameters.AddWithValue(nom, valeur);
        }
        return await commande.ExecuteNonQueryAsync(ct);
    }
}
