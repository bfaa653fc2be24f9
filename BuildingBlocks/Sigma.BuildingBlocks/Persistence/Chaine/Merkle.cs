using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sigma.BuildingBlocks.Persistence.Chaine;

/// <summary>A stream's head as a checkpoint sees it: its last version and that version's link.</summary>
public sealed record TeteDeFlux(Guid Flux, long Version, byte[] Hash);

/// <summary>The Merkle root over every stream's head, leaves in the order of the streams' ids (PostgreSQL's uuid order).</summary>
public static class Merkle
{
    public static byte[] Feuille(TeteDeFlux t) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{t.Flux:D}\u001f{t.Version}\u001f{Convert.ToHexStringLower(t.Hash)}")));

    /// <summary>The root; <paramref name="tetes"/> in any order.</summary>
    public static byte[] Racine(IEnumerable<TeteDeFlux> tetes)
    {
        var niveau = tetes.OrderBy(t => t.Flux.ToString("D"), StringComparer.Ordinal).Select(Feuille).ToList();
        if (niveau.Count == 0)
        {
            return SHA256.HashData([]);
        }
        var paire = new byte[64];
        while (niveau.Count > 1)
        {
            var suivant = new List<byte[]>((niveau.Count + 1) / 2);
            for (var i = 0; i < niveau.Count; i += 2)
            {
                if (i + 1 == niveau.Count)
                {
                    suivant.Add(niveau[i]);
                    continue;
                }
                niveau[i].CopyTo(paire, 0);
                niveau[i + 1].CopyTo(paire, 32);
                suivant.Add(SHA256.HashData(paire));
            }
            niveau = suivant;
        }
        return niveau[0];
    }
}
