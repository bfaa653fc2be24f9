using System.Globalization;
using System.Text;
using JasperFx.Events;
using Marten.Events.Projections;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Sigma.Consultations.Infrastructure;

/// <summary>
/// The search read model: one row per consultation with a French full-text vector (title weighted above the rest).
/// Accents and case are removed before indexing and before querying, so "competences" finds "COMPÉTENCES".
/// Kept by an inline projection, in the same transaction as the events.
/// </summary>
public sealed partial class ProjectionRecherche : EventProjection
{
    public void Project(IEvent<ConsultationCreee> evenement, IDocumentOperations ops)
    {
        var e = evenement.Data;
        var reste = string.Join(' ', new[] { e.Reference, e.Dispositif, e.Objet, e.Procedure }.Concat(e.Lots.SelectMany(l => new[] { l.Intitule, l.Territoire })));
        ops.QueueSqlCommand(
            "insert into consultations.recherche (id, reference, intitule, dispositif, date_limite, nb_lots, document) values (?, ?, ?, ?, ?, ?, " +
            "setweight(to_tsvector('french', ?), 'A') || setweight(to_tsvector('french', ?), 'B')) on conflict (id) do nothing",
            e.ConsultationId, e.Reference, e.Intitule, e.Dispositif, e.DateLimite.ToUniversalTime(), e.Lots.Count,
            Recherche.Normaliser(e.Intitule), Recherche.Normaliser(reste));
    }

    public void Project(IEvent<ConsultationPubliee> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand("update consultations.recherche set publiee_le = ? where id = ?", e.Data.PublieeLe.ToUniversalTime(), e.Data.ConsultationId);

    public void Project(IEvent<DateLimiteProrogee> e, IDocumentOperations ops) =>
        ops.QueueSqlCommand("update consultations.recherche set date_limite = ? where id = ?", e.Data.NouvelleDate.ToUniversalTime(), e.Data.ConsultationId);
}

public sealed record ResultatRecherche(Guid Id, string Reference, string Intitule, string Dispositif, DateTimeOffset DateLimite, int NombreLots);

public sealed record PageRecherche(IReadOnlyList<ResultatRecherche> Resultats, int Total, int Page, int TaillePage)
{
    public int NombrePages => Math.Max(1, (int)Math.Ceiling(Total / (double)TaillePage));
}

public sealed class Recherche(IConsultationsStore store)
{
    public const int TaillePage = 20;

    /// <summary>The search, ranked below the window count (the count buffers small rows, not the vectors); the benchmark's diagnostic reuses it.</summary>
    public const string Requete =
        """
        select id, reference, intitule, dispositif, date_limite, nb_lots, count(*) over () as total
        from (
            -- ranks computed here, below the window count, so the count buffers small rows and not the vectors
            select id, reference, intitule, dispositif, date_limite, nb_lots,
                   case when @terme = '' then 0 else ts_rank(document, q) end as rang
            from consultations.recherche, websearch_to_tsquery('french', @terme) as q
            where publiee_le is not null
              and (date_limite > @maintenant) = @enCours
              and (@terme = '' or document @@ q)
              and (@dispositif = '' or dispositif = @dispositif)
            offset 0) as trouvees
        order by rang desc, case when @enCours then date_limite end asc, date_limite desc
        limit @taille offset @decalage
        """;

    /// <summary>Beyond it, a page number shows the last pages' emptiness rather than overflowing the offset.</summary>
    public const int PageMaximale = 10_000;

    public static string Normaliser(string texte)
    {
        var decompose = texte.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decompose.Length);
        foreach (var c in decompose)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", _ => char.ToLowerInvariant(c).ToString() });
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Published consultations still open (<paramref name="enCours"/>) or closed, matching the words typed, best first.</summary>
    public async Task<PageRecherche> ChercherAsync(string? terme, string? dispositif, bool enCours, int page, DateTimeOffset maintenant, CancellationToken ct)
    {
        // Paging is clamped (no offset overflows) and a search is at most 200 characters without control characters.
        page = Math.Clamp(page, 1, PageMaximale);
        var requete = Normaliser(new string((terme ?? "").Where(c => !char.IsControl(c)).Take(200).ToArray()).Trim());
        await using var connexion = new NpgsqlConnection(store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
        await connexion.OpenAsync(ct);
        await using var commande = new NpgsqlCommand(Requete, connexion);
        commande.Parameters.AddWithValue("terme", requete);
        commande.Parameters.AddWithValue("maintenant", maintenant.UtcDateTime);
        commande.Parameters.AddWithValue("enCours", enCours);
        commande.Parameters.AddWithValue("dispositif", dispositif?.Trim() ?? "");
        commande.Parameters.AddWithValue("taille", TaillePage);
        commande.Parameters.AddWithValue("decalage", (page - 1) * TaillePage);
        var resultats = new List<ResultatRecherche>();
        var total = 0;
        await using var lecteur = await commande.ExecuteReaderAsync(ct);
        while (await lecteur.ReadAsync(ct))
        {
            resultats.Add(new ResultatRecherche(lecteur.GetGuid(0), lecteur.GetString(1), lecteur.GetString(2), lecteur.GetString(3),
                new DateTimeOffset(lecteur.GetDateTime(4), TimeSpan.Zero), lecteur.GetInt32(5)));
            total = (int)lecteur.GetInt64(6);
        }
        return new PageRecherche(resultats, total, page, TaillePage);
    }
}

/// <summary>Creates the search table and its indexes at start, before anything is appended.</summary>
internal sealed class SchemaRecherche(string connectionString) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var connexion = new NpgsqlConnection(connectionString);
        await connexion.OpenAsync(ct);
        await using var commande = new NpgsqlCommand(
            """
            create schema if not exists consultations;
            create table if not exists consultations.recherche (
                id uuid primary key, reference text not null, intitule text not null, dispositif text not null,
                date_limite timestamptz not null, publiee_le timestamptz, nb_lots int not null, document tsvector not null);
            create index if not exists recherche_document on consultations.recherche using gin (document);
            create index if not exists recherche_date_limite on consultations.recherche (date_limite) where publiee_le is not null;
            """, connexion);
        await commande.ExecuteNonQueryAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
