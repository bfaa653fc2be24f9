using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sigma.Registration.Infrastructure;

/// <summary>The client a sign-in comes from, as a fingerprint of its address: the address itself is never kept.</summary>
internal static class Poste
{
    public static string Empreinte(HttpContext http)
    {
        var adresse = http.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("sigma-poste:" + adresse)))[..16];
    }
}
