using Npgsql;
using Sigma.Referentials.Contracts;

namespace Sigma.Referentials.Infrastructure;

/// <summary>Searches <c>referentials.entrees</c> through its text-search index (see <see cref="EntrepotReferentiels"/>).</summary>
public sealed class RechercheReferentiels(string connectionString)
{
    /// <summary>
    /// The best entries for what was typed: exact words (a code typed in full) first, then labels that begin with the
    /// text, then the shortest labels. Nothing below <see cref="TexteRecherche.LongueurMinimale"/> characters.
    /// </summary>
    public async Task<IReadOnlyList<EntreeReferentiel>> ChercherAsync(Nomenclature nomenclature, string? saisie, int limite, CancellationToken ct)
    {
        if (TexteRecherche.RequetePrefixes(saisie) is not { } prefixes)
        {
            return [];
        }
        await using var connexion = new NpgsqlConnection(connectionString);
        await connexion.OpenAsync(ct);
        await using var commande = new NpgsqlCommand(
            """
            select code, libelle, niveau
            from referentials.entrees, to_tsquery('simple', @prefixes) as q
            where nomenclature = @nomenclature and recherche @@ q
            order by recherche @@ to_tsquery('simple', @exacte) desc, libelle_normalise like @debut desc, length(libelle), code
            limit @limite
            """, connexion);
        commande.Parameters.AddWithValue("nomenclature", nomenclature.Nom);
        commande.Parameters.AddWithValue("prefixes", prefixes);
        commande.Parameters.AddWithValue("exacte", TexteRecherche.RequeteExacte(saisie)!);
        commande.Parameters.AddWithValue("debut", TexteRecherche.Normaliser(saisie) + "%");
        commande.Parameters.AddWithValue("limite", limite);
        var entrees = new List<EntreeReferentiel>();
        await using var lecteur = await commande.ExecuteReaderAsync(ct);
        while (await lecteur.ReadAsync(ct))
        {
            entrees.Add(new EntreeReferentiel(lecteur.GetString(0), lecteur.GetString(1), lecteur.IsDBNull(2) ? null : lecteur.GetString(2)));
        }
        return entrees;
    }
}
