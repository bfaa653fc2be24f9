using Microsoft.AspNetCore.Http;

namespace Sigma.BuildingBlocks.Web;

/// <summary>Why a user was signed out without asking: shown once, on the next page.</summary>
public static class SessionNotice
{
    public const string CookieName = "sigma.motif";
    public const string AutreConnexion = "autre-connexion";
    public const string CompteDesactive = "compte-desactive";
    public const string CompteInconnu = "compte-inconnu";
    public const string RattachementRefuse = "rattachement-refuse";

    public static void Signaler(HttpContext http, string motif)
    {
        http.Items[CookieName] = motif;
        http.Response.Cookies.Append(CookieName, motif, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromMinutes(5) });
    }

    /// <summary>The pending notice, consumed: it shows once.</summary>
    public static string? Lire(HttpContext http)
    {
        var motif = http.Items[CookieName] as string ?? http.Request.Cookies[CookieName];
        if (motif is null)
        {
            return null;
        }
        if (http.Request.Cookies.ContainsKey(CookieName) && http.Items[CookieName] is null)
        {
            http.Response.Cookies.Delete(CookieName);
        }
        return motif switch
        {
            AutreConnexion => "Vous avez été déconnecté : une nouvelle connexion a été ouverte avec votre identifiant (la dernière connexion déconnecte les autres).",
            CompteDesactive => "Vous avez été déconnecté : votre compte a été désactivé par l'administrateur de votre organisme.",
            RattachementRefuse => "Vous avez été déconnecté : votre demande de rattachement à l'organisme a été refusée.",
            _ => "Votre session a pris fin. Identifiez-vous à nouveau.",
        };
    }
}
