using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Cms;

namespace Sigma.Signature.Infrastructure.Horodatage;

/// <summary>
/// A verified RFC 3161 time-stamp: the time it proves, the authority that issued it, and why it proves nothing when
/// <see cref="Anomalie"/> is set (imprint not matching, signature not verified, authority not trusted or not a TSA).
/// </summary>
internal sealed record JetonVerifie(DateTimeOffset Heure, string Autorite, IReadOnlyList<string> Chaine, string AlgorithmeEmpreinte, string? Anomalie)
{
    public bool Probant => Anomalie is null;

    /// <summary>The token does not hold over its data (unreadable, imprint or signature wrong), rather than coming from an authority not trusted.</summary>
    public bool Altere { get; init; }
}

/// <summary>Checks a time-stamp token over the bytes it stamps (the signature value, or the document's signed range).</summary>
internal static class VerificateurHorodatage
{
    private const string OidHorodatage = "1.3.6.1.5.5.7.3.8";

    public static JetonVerifie Verifier(byte[] jeton, Func<HashAlgorithmName, byte[]> empreinte, IReadOnlyList<X509Certificate2> racines,
        IEnumerable<X509Certificate2> autresCertificats)
    {
        try
        {
            return Verifier(jeton, empreinte, racines, autresCertificats.ToList());
        }
        catch (Exception e) when (e is CryptographicException or System.Formats.Asn1.AsnContentException or ArgumentException)
        {
            return new JetonVerifie(default, "inconnue", [], "inconnu", "le jeton d'horodatage est mal formé") { Altere = true };
        }
    }

    private static JetonVerifie Verifier(byte[] jeton, Func<HashAlgorithmName, byte[]> empreinte, IReadOnlyList<X509Certificate2> racines,
        List<X509Certificate2> autresCertificats)
    {
        if (!Rfc3161TimestampToken.TryDecode(jeton, out var token, out _) || token is null)
        {
            return new JetonVerifie(default, "inconnue", [], "inconnu", "le jeton d'horodatage n'est pas une structure RFC 3161 lisible") { Altere = true };
        }
        var info = token.TokenInfo;
        var heure = info.Timestamp;
        var algorithme = Algorithmes.NomEmpreinte(info.HashAlgorithmId.Value);
        var certificats = token.AsSignedCms().Certificates.Cast<X509Certificate2>().Concat(autresCertificats).ToList();
        if (Algorithmes.Hash(info.HashAlgorithmId.Value) is not { } hash)
        {
            return new JetonVerifie(heure, "inconnue", [], algorithme, $"algorithme d'empreinte de l'horodatage non pris en charge ({info.HashAlgorithmId.Value})");
        }
        var calculee = empreinte(hash);
        if (!info.GetMessageHash().Span.SequenceEqual(calculee))
        {
            return new JetonVerifie(heure, "inconnue", [], algorithme, "l'empreinte que porte l'horodatage ne correspond pas aux données horodatées") { Altere = true };
        }
        if (!token.VerifySignatureForHash(calculee, hash, out var autorite, new X509Certificate2Collection(certificats.ToArray())) || autorite is null)
        {
            return new JetonVerifie(heure, "inconnue", [], algorithme, "la signature de l'autorité d'horodatage ne se vérifie pas") { Altere = true };
        }
        var nom = autorite.GetNameInfo(X509NameType.SimpleName, false);
        var chaine = ChaineCertificats.Construire(autorite, certificats, racines, heure);
        var noms = chaine.Chaine.Select(c => c.GetNameInfo(X509NameType.SimpleName, false)).ToList();
        string? anomalie = null;
        if (!autorite.Extensions.OfType<X509EnhancedKeyUsageExtension>().Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == OidHorodatage)))
        {
            anomalie = $"le certificat « {nom} » n'est pas un certificat d'autorité d'horodatage (usage id-kp-timeStamping absent)";
        }
        else if (heure < autorite.NotBefore.ToUniversalTime() || heure > autorite.NotAfter.ToUniversalTime())
        {
            anomalie = $"le certificat de l'autorité d'horodatage « {nom} » n'était pas en vigueur à l'heure qu'il atteste";
        }
        else if (chaine.Contraintes is { } contraintes)
        {
            anomalie = $"la chaîne de l'autorité d'horodatage n'est pas valable : {contraintes}";
        }
        else if (!chaine.Ancree)
        {
            anomalie = $"l'autorité d'horodatage « {nom} » ne remonte à aucune autorité de confiance configurée";
        }
        else if (chaine.Anomalie is { } autre)
        {
            anomalie = $"la chaîne de l'autorité d'horodatage atteint une autorité de confiance, mais {autre}";
        }
        return new JetonVerifie(heure, nom, noms, algorithme, anomalie);
    }
}
