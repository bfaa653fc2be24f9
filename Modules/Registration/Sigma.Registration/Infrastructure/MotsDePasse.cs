using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Sigma.Registration.Infrastructure;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2) and single-use tokens for reset and activation links.</summary>
internal sealed class MotsDePasse
{
    private static readonly PasswordHasher<Compte> Hasher = new();

    // Verified when the identifiant is unknown, so that a wrong identifiant takes as long as a wrong password.
    private static readonly string HacheLeurre = Hasher.HashPassword(null!, "leurre-" + Guid.NewGuid());

    public string Hacher(string motDePasse) => Hasher.HashPassword(null!, motDePasse);

    public bool Verifier(string? hache, string motDePasse)
    {
        var resultat = Hasher.VerifyHashedPassword(null!, hache ?? HacheLeurre, motDePasse);
        return hache is not null && resultat != PasswordVerificationResult.Failed;
    }

    /// <summary>A URL-safe random token (256 bits); only its SHA-256 fingerprint is stored.</summary>
    public static (string Jeton, string Empreinte) NouveauJeton()
    {
        var jeton = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (jeton, Empreinte(jeton));
    }

    public static string Empreinte(string jeton) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(jeton)));

    private static string Base64Url(byte[] octets) => Convert.ToBase64String(octets).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
