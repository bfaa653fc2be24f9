using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Responses.Infrastructure;

/// <summary>A consultation's data key, wrapped (AES-GCM) by the master key: useless without the key file.</summary>
public sealed class CleConsultation
{
    public Guid Id { get; set; }
    public byte[] CleEnveloppee { get; set; } = [];
    public DateTimeOffset CreeeLe { get; set; }
}

/// <summary>
/// Envelope encryption of everything a bidder sends: one data key per consultation, wrapped by a master key read from a
/// file outside the database (<c>Sigma:Scellement:CleMaitre</c>). Forms are sealed as AES-GCM blobs; pieces are
/// streamed through AES-GCM in 64 KiB chunks (each authenticated, numbered, the last one flagged, so that truncation,
/// reordering or a file swapped between pieces is detected), their SHA-256 computed on the plain bytes on the way.
/// </summary>
public sealed class Coffre(IResponsesStore store, StockageFichiers stockage, IConfiguration configuration, TimeProvider clock)
{
    private const int TailleTag = ScellementEnFlux.TailleTag;
    private readonly ConcurrentDictionary<Guid, byte[]> cles = new();
    private readonly Lazy<byte[]> cleMaitre = new(() => LireOuCreerCleMaitre(CheminCleMaitre(configuration)));

    public static string CheminCleMaitre(IConfiguration configuration) =>
        configuration["Sigma:Scellement:CleMaitre"] is { Length: > 0 } chemin ? chemin
        : Path.Combine(StockageFichiers.DossierDonnees(configuration), "scellement", "cle-maitre");

    public async Task<byte[]> ScellerAsync<T>(Guid consultationId, Guid reponseId, T donnees, CancellationToken ct)
    {
        var cle = await CleAsync(consultationId, ct);
        var clair = JsonSerializer.SerializeToUtf8Bytes(donnees);
        var resultat = new byte[12 + clair.Length + TailleTag];
        RandomNumberGenerator.Fill(resultat.AsSpan(0, 12));
        using var aes = new AesGcm(cle, TailleTag);
        aes.Encrypt(resultat.AsSpan(0, 12), clair, resultat.AsSpan(12, clair.Length), resultat.AsSpan(12 + clair.Length), reponseId.ToByteArray());
        return resultat;
    }

    public async Task<T> DescellerAsync<T>(Guid consultationId, Guid reponseId, byte[] scelle, CancellationToken ct) where T : new()
    {
        if (scelle.Length == 0)
        {
            return new T();
        }
        var cle = await CleAsync(consultationId, ct);
        var clair = new byte[scelle.Length - 12 - TailleTag];
        using var aes = new AesGcm(cle, TailleTag);
        aes.Decrypt(scelle.AsSpan(0, 12), scelle.AsSpan(12, clair.Length), scelle.AsSpan(12 + clair.Length), clair, reponseId.ToByteArray());
        return JsonSerializer.Deserialize<T>(clair) ?? new T();
    }

    /// <summary>
    /// A keyed fingerprint (HMAC-SHA-256 under a key derived from the consultation's): equal inputs give equal
    /// fingerprints, so uniqueness can be enforced in the database without the database knowing the inputs.
    /// </summary>
    public async Task<string> EmpreinteAsync(Guid consultationId, string texte, CancellationToken ct)
    {
        var cle = HKDF.DeriveKey(HashAlgorithmName.SHA256, await CleAsync(consultationId, ct), 32, info: "sigma:empreintes"u8.ToArray());
        return Convert.ToHexString(HMACSHA256.HashData(cle, Encoding.UTF8.GetBytes(texte))).ToLowerInvariant();
    }

    /// <summary>Streams <paramref name="source"/> into sealed storage under <paramref name="cleStockage"/> (see <see cref="ScellementEnFlux"/>); returns the plain size and SHA-256.</summary>
    public async Task<(long Taille, string Sha256)> ScellerFichierAsync(Guid consultationId, string cleStockage, Stream source, long tailleMax, CancellationToken ct)
    {
        var cle = await CleAsync(consultationId, ct);
        return await stockage.EcrireAvecAsync(cleStockage, cible => ScellementEnFlux.ExecuterAsync(cle, cleStockage, source, cible, tailleMax, ct));
    }

    /// <summary>Decrypts a sealed piece into <paramref name="destination"/>; throws if it was altered, truncated or moved.</summary>
    public async Task DescellerFichierAsync(Guid consultationId, string cleStockage, Stream destination, CancellationToken ct)
    {
        var cle = await CleAsync(consultationId, ct);
        await using var source = stockage.Ouvrir(cleStockage);
        await ScellementEnFlux.DescellerAsync(cle, cleStockage, source, destination, ct);
    }

    private async Task<byte[]> CleAsync(Guid consultationId, CancellationToken ct)
    {
        if (cles.TryGetValue(consultationId, out var connue))
        {
            return connue;
        }
        await using var session = store.LightweightSession();
        var doc = await session.LoadAsync<CleConsultation>(consultationId, ct);
        if (doc is null)
        {
            var nouvelle = RandomNumberGenerator.GetBytes(32);
            doc = new CleConsultation { Id = consultationId, CleEnveloppee = Envelopper(consultationId, nouvelle), CreeeLe = clock.GetUtcNow() };
            session.Insert(doc);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception ex) when (Doublons.EstDoublon(ex))
            {
                await using var relecture = store.QuerySession();
                doc = await relecture.LoadAsync<CleConsultation>(consultationId, ct) ?? throw new InvalidOperationException("Clé de consultation introuvable.");
            }
        }
        var cle = Desenvelopper(consultationId, doc.CleEnveloppee);
        cles[consultationId] = cle;
        return cle;
    }

    private byte[] Envelopper(Guid consultationId, byte[] cle)
    {
        var resultat = new byte[12 + cle.Length + TailleTag];
        RandomNumberGenerator.Fill(resultat.AsSpan(0, 12));
        using var aes = new AesGcm(cleMaitre.Value, TailleTag);
        aes.Encrypt(resultat.AsSpan(0, 12), cle, resultat.AsSpan(12, cle.Length), resultat.AsSpan(12 + cle.Length), consultationId.ToByteArray());
        return resultat;
    }

    private byte[] Desenvelopper(Guid consultationId, byte[] enveloppe)
    {
        var cle = new byte[enveloppe.Length - 12 - TailleTag];
        using var aes = new AesGcm(cleMaitre.Value, TailleTag);
        aes.Decrypt(enveloppe.AsSpan(0, 12), enveloppe.AsSpan(12, cle.Length), enveloppe.AsSpan(12 + cle.Length), cle, consultationId.ToByteArray());
        return cle;
    }

    private static byte[] LireOuCreerCleMaitre(string chemin)
    {
        if (!File.Exists(chemin))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var fichier = new FileStream(chemin, options);
                fichier.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(chemin))
            {
                // Another node created it first: use theirs.
            }
        }
        var cle = Convert.FromBase64String(File.ReadAllText(chemin).Trim());
        return cle.Length == 32 ? cle : throw new InvalidOperationException($"La clé maîtresse de scellement ({chemin}) doit faire 32 octets en base 64.");
    }
}
