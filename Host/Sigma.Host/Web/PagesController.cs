using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Sigma.Host.Web;

/// <summary>The Host's own pages: home, help, and the French error pages (never a stack trace).</summary>
[AllowAnonymous]
public sealed class PagesController(ILogger<PagesController> logger) : Controller
{
    [HttpGet("/")]
    public IActionResult Accueil() => View("~/Views/Accueil/Index.cshtml");

    [HttpGet("/aide")]
    public IActionResult Aide() => View("~/Views/Aide/Index.cshtml");

    [HttpGet("/aide/guide")]
    public IActionResult Guide() => View("~/Views/Aide/Guide.cshtml");

    [HttpGet("/aide/faq")]
    public IActionResult Faq() => View("~/Views/Aide/Faq.cshtml");

    [HttpGet("/aide/assistance")]
    public IActionResult Assistance() => View("~/Views/Aide/Assistance.cshtml");

    [Route("/erreur/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Erreur(int code)
    {
        if (code == 500 && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } erreur)
        {
            logger.LogError(erreur.Error, "Erreur non gérée sur {Chemin}", erreur.Path);
        }
        Response.StatusCode = code;
        var (titre, texte) = code switch
        {
            400 => ("Requête invalide", "La requête n'a pas pu être traitée. Si vous avez soumis un formulaire, rechargez la page et recommencez : le formulaire a peut-être expiré."),
            403 => ("Accès refusé", "Vous n'avez pas les droits nécessaires pour accéder à cette page."),
            404 => ("Page non trouvée", "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée."),
            _ => ("Erreur inattendue", "Désolé, le service rencontre un problème. Nous y travaillons : réessayez dans quelques instants."),
        };
        ViewData["Title"] = titre;
        return View("~/Views/Erreur/Index.cshtml", (code, titre, texte));
    }
}
