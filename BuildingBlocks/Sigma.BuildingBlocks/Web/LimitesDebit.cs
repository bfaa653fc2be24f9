using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// The forms anyone can post (sign-in, password reset, registration, questions) are limited per client: a client that
/// tries many accounts or floods the forms gets a 429 with the French page, whatever account it names.
/// </summary>
public static class LimitesDebit
{
    /// <summary>Put <c>[EnableRateLimiting(LimitesDebit.FormulairesPublics)]</c> on such a form's POST.</summary>
    public const string FormulairesPublics = "formulaires-publics";

    public static IServiceCollection AddSigmaLimitesDebit(this IServiceCollection services, IConfiguration configuration)
    {
        var parMinute = configuration.GetValue("Sigma:LimitesDebit:ParMinute", 20);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (contexte, _) =>
            {
                contexte.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(FormulairesPublics, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "inconnue",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = parMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
