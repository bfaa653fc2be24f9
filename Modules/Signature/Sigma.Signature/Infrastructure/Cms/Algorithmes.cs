using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sigma.Signature.Infrastructure.Cms;

/// <summary>Names and strength of the algorithms a signature may use (ETSI TS 119 312 as the EU DSS applies it).</summary>
internal static class Algorithmes
{
    public static HashAlgorithmName? Hash(string? oid) => oid switch
    {
        "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        _ => null,
    };

    public static string NomEmpreinte(string? oid) => oid switch
    {
        "1.3.14.3.2.26" => "SHA-1",
        "2.16.840.1.101.3.4.2.1" => "SHA-256",
        "2.16.840.1.101.3.4.2.2" => "SHA-384",
        "2.16.840.1.101.3.4.2.3" => "SHA-512",
        "1.2.840.113549.2.5" => "MD5",
        _ => oid ?? "inconnu",
    };

    public static string NomSignature(string? oid, string empreinte) => oid switch
    {
        "1.2.840.113549.1.1.1" or "1.2.840.113549.1.1.5" or "1.2.840.113549.1.1.11" or "1.2.840.113549.1.1.12" or "1.2.840.113549.1.1.13"
            => $"RSA PKCS#1 v1.5 avec {empreinte}",
        "1.2.840.113549.1.1.10" => $"RSA-PSS avec {empreinte}",
        "1.2.840.10045.2.1" or "1.2.840.10045.4.1" or "1.2.840.10045.4.3.2" or "1.2.840.10045.4.3.3" or "1.2.840.10045.4.3.4"
            => $"ECDSA avec {empreinte}",
        _ => oid ?? "inconnu",
    };

    /// <summary>The key's algorithm and size in bits.</summary>
    public static (string Algorithme, int Taille) Cle(X509Certificate2 certificat)
    {
        using var rsa = certificat.GetRSAPublicKey();
        if (rsa is not null)
        {
            return ("RSA", rsa.KeySize);
        }
        using var ec = certificat.GetECDsaPublicKey();
        if (ec is not null)
        {
            return ("ECDSA", ec.KeySize);
        }
        return (certificat.PublicKey.Oid.FriendlyName ?? certificat.PublicKey.Oid.Value ?? "inconnu", 0);
    }

    // Until when each weak algorithm was acceptable (RGS B1 of the ANSSI, as ETSI TS 119 312 dates them): a signature a
    // time-stamp proves older than that keeps the strength it had; a declared time proves nothing.
    private static readonly DateTimeOffset FinMd5 = new(2005, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FinSha1 = new(2011, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FinClesCourtes = new(2011, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Why the algorithms are too weak to trust, or null: SHA-1 and MD5 digests, RSA under 2048 bits, curves under 256
    /// bits; judged at <paramref name="heureProuvee"/> when a time-stamp proves the signature existed then, today otherwise.
    /// </summary>
    public static string? Faiblesse(string empreinte, string algorithmeCle, int tailleCle, DateTimeOffset? heureProuvee = null)
    {
        bool Perime(DateTimeOffset fin) => heureProuvee is not { } h || h >= fin;
        var faiblesses = new List<string>();
        if ((empreinte == "SHA-1" && Perime(FinSha1)) || (empreinte == "MD5" && Perime(FinMd5)))
        {
            faiblesses.Add($"l'empreinte {empreinte} n'est plus sûre");
        }
        if (algorithmeCle == "RSA" && tailleCle < 2048 && Perime(FinClesCourtes))
        {
            faiblesses.Add($"une clé RSA de {tailleCle} bits est trop courte (2048 bits au moins)");
        }
        if (algorithmeCle == "ECDSA" && tailleCle < 256 && Perime(FinClesCourtes))
        {
            faiblesses.Add($"une courbe elliptique de {tailleCle} bits est trop courte (256 bits au moins)");
        }
        return faiblesses.Count == 0 ? null : string.Join(" ; ", faiblesses);
    }
}
