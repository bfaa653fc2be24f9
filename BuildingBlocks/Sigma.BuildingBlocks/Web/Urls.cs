using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Sigma.BuildingBlocks.Web;

public static class Urls
{
    /// <summary>The platform's public address for links in mails: <c>Sigma:UrlPublique</c>, or the address of the request.</summary>
    public static string Publique(HttpRequest request, IConfiguration configuration) =>
        (configuration["Sigma:UrlPublique"] is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}").TrimEnd('/');
}
