using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sigma.Registration.Infrastructure;

internal static class Authentification
{
    public static void Configurer(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "sigma.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/connexion";
                o.LogoutPath = "/deconnexion";
                o.AccessDeniedPath = "/erreur/403";
                o.ReturnUrlParameter = "retour";
                o.ExpireTimeSpan = TimeSpan.FromHours(2);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValiderSessionAsync;
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
    }

    /// <summary>
    /// The signed-in principal. A pending "inscrit simple" gets neither its role nor its organisation: every page of
    /// the organisation refuses it until the request is approved.
    /// </summary>
    public static ClaimsPrincipal Principal(Compte compte, Guid sessionId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, compte.Id.ToString()),
            new(ClaimTypes.Name, compte.Identifiant),
            new(ClaimTypes.Email, compte.Email),
            new(ClaimTypes.Role, compte.EnAttente ? Roles.EnAttente : compte.Role),
            new(SigmaClaims.SessionId, sessionId.ToString()),
            new(SigmaClaims.NomComplet, compte.NomComplet),
        };
        if (!compte.EnAttente && compte.OrganisationId is { } organisation)
        {
            claims.Add(new Claim(SigmaClaims.OrganisationId, organisation.ToString()));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>
    /// The last sign-in wins (the guide's rule): a cookie whose session is no longer the account's current one, or whose
    /// account was deactivated, is refused at its next request, and the user is told why.
    /// </summary>
    private static async Task ValiderSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var compteId)
            || !Guid.TryParse(principal.FindFirstValue(SigmaClaims.SessionId), out var sessionId))
        {
            context.RejectPrincipal();
            return;
        }
        var store = context.HttpContext.RequestServices.GetRequiredService<IRegistrationStore>();
        await using var session = store.QuerySession();
        var compte = await session.LoadAsync<Compte>(compteId, context.HttpContext.RequestAborted);
        string? motif = compte switch
        {
            null => SessionNotice.CompteInconnu,
            { Rattachement: EtatRattachement.Refuse } => SessionNotice.RattachementRefuse,
            { Actif: false } => SessionNotice.CompteDesactive,
            _ when compte.SessionCourante != sessionId => SessionNotice.AutreConnexion,
            _ => null,
        };
        if (motif is null)
        {
            // Approved since this cookie was issued: the same session goes on with the organisation's rights.
            if (principal.IsInRole(Roles.EnAttente) && !compte!.EnAttente)
            {
                context.ReplacePrincipal(Principal(compte, sessionId));
                context.ShouldRenew = true;
            }
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        SessionNotice.Signaler(context.HttpContext, motif);
    }
}
