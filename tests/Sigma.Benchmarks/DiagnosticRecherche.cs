using System.Diagnostics;
using Npgsql;
using Sigma.Consultations.Infrastructure;

namespace Sigma.Benchmarks;

/// <summary>
/// The plan of the search query, and, to explain its slow cases, the same query with more work_mem and the earlier
/// form of the query (rank computed above the window, so every matching tsvector went through the count).
/// <see cref="Production"/> is the SQL of <see cref="Recherche.ChercherAsync"/> itself.
/// </summary>
internal static class DiagnosticRecherche
{
    private const string Production = Recherche.Requete;

    private const string RangAuDessusDeLaFenetre =
        """
        select id, reference, intitule, dispositif, date_limite, nb_lots, count(*) over () as total
        from consultations.recherche, websearch_to_tsquery('french', @terme) as q
        where publiee_le is not null
          and (date_limite > @maintenant) = @enCours
          and (@terme = '' or document @@ q)
          and (@dispositif = '' or dispositif = @dispositif)
        order by case when @terme = '' then 0 else ts_rank(document, q) end desc,
                 case when @enCours then date_limite end asc, date_limite desc
        limit @taille offset @decalage
        """;

    public static async Task ExpliquerAsync(string connectionString, string terme, DateTimeOffset maintenant)
    {
        await using var connexion = new NpgsqlConnection(connectionString);
        await connexion.OpenAsync();
        await using var commande = Commande(connexion, "explain (analyze, buffers) " + Production, terme, maintenant);
        var plan = new List<string>();
        await using (var lecteur = await commande.ExecuteReaderAsync())
        {
            while (await lecteur.ReadAsync())
            {
                plan.Add(lecteur.GetString(0));
            }
        }
        Console.WriteLine();
        Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS) de la recherche « {terme} » (en cours, page 1) :");
        plan.ForEach(l => Console.WriteLine("  " + l));
        Console.WriteLine(plan.Any(l => l.Contains("recherche_document", StringComparison.Ordinal))
            ? "=> l'index GIN recherche_document est utilisé."
            : "=> l'index GIN recherche_document n'est pas dans ce plan (le mot est dans presque toutes les lignes : le parcours séquentiel est moins cher).");
    }

    /// <summary>p50 / p95 of each variant on the slow queries, interleaved, on one open connection.</summary>
    public static async Task ComparerVariantesAsync(string connectionString, DateTimeOffset maintenant)
    {
        var variantes = new (string Nom, string? Reglage, string Sql)[]
        {
            ("production", null, Production),
            ("production, work_mem = 32MB", "set work_mem = '32MB'", Production),
            ("ancienne forme (rang au-dessus)", null, RangAuDessusDeLaFenetre),
        };
        var termes = new[] { "formation", "", "numérique" };
        Console.WriteLine();
        Console.WriteLine("Variantes : la même requête, 100 mesures après 10 d'échauffement");
        Console.WriteLine($"{"variante",-32} {"terme",-12} {"p50 ms",8} {"p95 ms",8}  disque temporaire");
        foreach (var terme in termes)
        {
            foreach (var (nom, reglage, sql) in variantes)
            {
                await using var connexion = new NpgsqlConnection(connectionString);
                await connexion.OpenAsync();
                if (reglage is not null)
                {
                    await new NpgsqlCommand(reglage, connexion).ExecuteNonQueryAsync();
                }
                var mesures = new List<double>();
                for (var i = 0; i < 110; i++)
                {
                    await using var commande = Commande(connexion, sql, terme, maintenant);
                    var debut = Stopwatch.GetTimestamp();
                    await using (var lecteur = await commande.ExecuteReaderAsync())
                    {
                        while (await lecteur.ReadAsync())
                        {
                            // Read every row, as the production code does.
                        }
                    }
                    if (i >= 10)
                    {
                        mesures.Add(Stopwatch.GetElapsedTime(debut).TotalMilliseconds);
                    }
                }
                var s = new Statistiques(mesures);
                Console.WriteLine($"{nom,-32} {(terme.Length == 0 ? "(aucun)" : terme),-12} {Format.Ms(s.P50),8} {Format.Ms(s.P95),8}  {await TemporaireAsync(connexion, sql, terme, maintenant)}");
            }
        }
    }

    private static async Task<string> TemporaireAsync(NpgsqlConnection connexion, string sql, string terme, DateTimeOffset maintenant)
    {
        await using var commande = Commande(connexion, "explain (analyze, buffers) " + sql, terme, maintenant);
        await using var lecteur = await commande.ExecuteReaderAsync();
        var temp = "aucun";
        while (await lecteur.ReadAsync())
        {
            var ligne = lecteur.GetString(0);
            if (ligne.Contains("temp read", StringComparison.Ordinal))
            {
                temp = ligne[ligne.IndexOf("temp", StringComparison.Ordinal)..].Trim();
                break;
            }
        }
        return temp;
    }

    private static NpgsqlCommand Commande(NpgsqlConnection connexion, string sql, string terme, DateTimeOffset maintenant)
    {
        var commande = new NpgsqlCommand(sql, connexion);
        commande.Parameters.AddWithValue("terme", Recherche.Normaliser(terme));
        commande.Parameters.AddWithValue("maintenant", maintenant.UtcDateTime);
        commande.Parameters.AddWithValue("enCours", true);
        commande.Parameters.AddWithValue("dispositif", "");
        commande.Parameters.AddWithValue("taille", Recherche.TaillePage);
        commande.Parameters.AddWithValue("decalage", 0);
        return commande;
    }
}
