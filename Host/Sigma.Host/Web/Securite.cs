using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Host.Web;

public static class Autorisations
{
    public static IServiceCollection AddSigmaAuthorization(this IServiceCollection services) => services.AddAuthorization(o =>
    {
        o.AddPolicy(Policies.Soumissionnaire, p => p.RequireRole(Roles.AdministrateurOrganisme, Roles.UtilisateurOrganisme));
        o.AddPolicy(Policies.AdministrateurOrganisme, p => p.RequireRole(Roles.AdministrateurOrganisme));
        o.AddPolicy(Policies.Agent, p => p.RequireRole(Roles.Agent));
        o.AddPolicy(Policies.Auditeur, p => p.RequireRole(Roles.Auditeur, Roles.Agent));
        o.AddPolicy(Policies.DecideurRattachement, p => p.RequireRole(Roles.AdministrateurOrganisme, Roles.Agent));
        o.AddPolicy(Policies.CompteRattache, p => p.RequireRole(Roles.AdministrateurOrganisme, Roles.UtilisateurOrganisme, Roles.Agent, Roles.Auditeur));
    });
}

/// <summary>The Hangfire dashboard is for the Region's agents only.</summary>
public sealed class TableauDeBordHangfireAgents : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Agent);
}

/// <summary>Security headers on every response.</summary>
public sealed class EnTetesSecurite(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The Hangfire dashboard (agents only) writes some inline styles; its scripts are files of its own, as ours.
        headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self'; " +
            "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
        return next(context);
    }
}
