using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Microsoft.Extensions.Configuration;

namespace Sigma.Signature.Infrastructure.Horodatage;

/// <summary>
/// The time-stamp authority of <c>Signature:Horodatage:Url</c> (RFC 3161 over HTTP): when configured, signatures made
/// in Sigma carry a signature time-stamp (PAdES-B-T, CAdES-B-T). Without it, they stay B-B.
/// </summary>
internal sealed class AutoriteHorodatage(IConfiguration configuration)
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(20) };

    public Uri? Url { get; } = Uri.TryCreate(configuration["Signature:Horodatage:Url"], UriKind.Absolute, out var url)
        && url.Scheme is "http" or "https" ? url : null;

    /// <summary>Time-stamps a signature value: the token to add as unsigned attribute, or null when no authority is configured.</summary>
    public Func<byte[], byte[]>? Horodateur => Url is null ? null : Horodater;

    private byte[] Horodater(byte[] valeurSignature)
    {
        var requete = Rfc3161TimestampRequest.CreateFromData(valeurSignature, HashAlgorithmName.SHA256, requestSignerCertificates: true,
            nonce: RandomNumberGenerator.GetBytes(8));
        byte[] reponse;
        try
        {
            using var contenu = new ByteArrayContent(requete.Encode());
            contenu.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var message = new HttpRequestMessage(HttpMethod.Post, Url) { Content = contenu };
            using var resultat = Client.Send(message);
            if (!resultat.IsSuccessStatusCode)
            {
                throw new DomainException($"L'autorité d'horodatage a refusé la demande (HTTP {(int)resultat.StatusCode}) : la signature n'a pas été produite, réessayez plus tard.");
            }
            using var flux = resultat.Content.ReadAsStream();
            using var memoire = new MemoryStream();
            flux.CopyTo(memoire);
            reponse = memoire.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new DomainException("L'autorité d'horodatage ne répond pas : la signature n'a pas été produite, réessayez plus tard.");
        }
        try
        {
            return requete.ProcessResponse(reponse, out _).AsSignedCms().Encode();
        }
        catch (CryptographicException)
        {
            throw new DomainException("La réponse de l'autorité d'horodatage est invalide : la signature n'a pas été produite.");
        }
    }
}
