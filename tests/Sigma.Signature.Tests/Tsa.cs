using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace Sigma.Signature.Tests;

/// <summary>A time-stamp authority for the tests (RFC 3161), answering at the time it is told, in process or over HTTP on loopback.</summary>
public static class Tsa
{
    /// <summary>The TimeStampResp to an encoded TimeStampReq, by <paramref name="autorite"/> (default: the trusted test TSA).</summary>
    public static byte[] Repondre(byte[] requete, DateTimeOffset? heure = null, X509Certificate2? autorite = null)
    {
        autorite ??= Pki.Instance.Horodateur;
        var bc = new X509CertificateParser().ReadCertificate(autorite.RawData);
        using var rsa = autorite.GetRSAPrivateKey()!;
        var cle = DotNetUtilities.GetRsaKeyPair(rsa).Private;
        var generateur = new TimeStampTokenGenerator(cle, bc, TspAlgorithms.Sha256, "1.2.250.1.999.1");
        generateur.SetCertificates(CollectionUtilities.CreateStore(new[] { bc }));
        var reponse = new TimeStampResponseGenerator(generateur, TspAlgorithms.Allowed)
            .Generate(new TimeStampRequest(requete), new BigInteger(1, RandomNumberGenerator.GetBytes(8)), (heure ?? DateTimeOffset.UtcNow).UtcDateTime);
        return reponse.GetEncoded();
    }

    /// <summary>A time-stamper for the signer, as <c>AutoriteHorodatage.Horodateur</c> gives: signature value in, token out.</summary>
    public static Func<byte[], byte[]> Horodateur(DateTimeOffset? heure = null, X509Certificate2? autorite = null) => valeur =>
    {
        var requete = Rfc3161TimestampRequest.CreateFromData(valeur, HashAlgorithmName.SHA256, requestSignerCertificates: true);
        return requete.ProcessResponse(Repondre(requete.Encode(), heure, autorite), out _).AsSignedCms().Encode();
    };

    /// <summary>The token over some bytes (a document time-stamp's /Contents).</summary>
    public static byte[] Jeton(byte[] donnees, DateTimeOffset? heure = null)
    {
        var requete = Rfc3161TimestampRequest.CreateFromData(donnees, HashAlgorithmName.SHA256, requestSignerCertificates: true);
        return requete.ProcessResponse(Repondre(requete.Encode(), heure), out _).AsSignedCms().Encode();
    }
}

/// <summary>The test TSA over HTTP on a free loopback port, as <c>Signature:Horodatage:Url</c> names one.</summary>
public sealed class ServeurTsa : IDisposable
{
    private readonly HttpListener _ecoute = new();
    private readonly Task _boucle;

    public ServeurTsa()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        Url = $"http://127.0.0.1:{port}/tsa/";
        _ecoute.Prefixes.Add(Url);
        _ecoute.Start();
        _boucle = Task.Run(Servir);
    }

    public string Url { get; }

    public int Requetes { get; private set; }

    private async Task Servir()
    {
        while (_ecoute.IsListening)
        {
            HttpListenerContext contexte;
            try
            {
                contexte = await _ecoute.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var memoire = new MemoryStream();
            await contexte.Request.InputStream.CopyToAsync(memoire);
            var valide = contexte.Request.ContentType == "application/timestamp-query";
            var reponse = valide ? Tsa.Repondre(memoire.ToArray()) : [];
            Requetes++;
            contexte.Response.StatusCode = valide ? 200 : 400;
            contexte.Response.ContentType = "application/timestamp-reply";
            await contexte.Response.OutputStream.WriteAsync(reponse);
            contexte.Response.Close();
        }
    }

    public void Dispose()
    {
        if (!_ecoute.IsListening)
        {
            return;
        }
        _ecoute.Stop();
        _ecoute.Close();
        _boucle.Wait(TimeSpan.FromSeconds(5));
    }
}
