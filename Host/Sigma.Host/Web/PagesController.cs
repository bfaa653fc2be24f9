using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Sigma.Host.Web;

/// <summary>The Host's own pages: home, help, the accessibility statement, and the French error pages (never a stack trace).</summary>
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

    /// <summary>The accessibility statement the RGAA asks for, linked from every page's footer.</summary>
    [HttpGet("/accessibilite")]
    public IActionResult Accessibilite() => View("~/Views/Accessibilite/Index.cshtml");

    /// <summary>
    /// The French error page. Its status is the real one — the failure's, re-executed here by the status-code pages or
    /// the exception handler — never one taken from the address or the form: a direct visit answers 404 unless its
    /// code is a 4xx, and nothing of the request's body is read (a form that cannot be read fails here too).
    /// </summary>
    [Route("/erreur/{code?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Erreur()
    {
        var code = CodeReel();
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } erreur)
        {
            logger.LogError(erreur.Error, "Erreur {Code} sur {Methode} {Chemin}", code, HttpContext.Request.Method, erreur.Path);
        }
        else if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reexecution)
        {
            logger.LogInformation("Réponse {Code} sur {Chemin}", code, reexecution.OriginalPath);
        }
        Response.StatusCode = code;
        var (titre, texte) = code switch
        {
            400 => ("Requête invalide", "La requête n'a pas pu être traitée. Si vous avez soumis un formulaire, rechargez la page et recommencez : le formulaire a peut-être expiré."),
            403 => ("Accès refusé", "Vous n'avez pas les droits nécessaires pour accéder à cette page."),
            404 => ("Page non trouvée", "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée."),
            405 => ("Méthode non autorisée", "Cette adresse ne s'utilise pas ainsi. Revenez à la page précédente et utilisez les boutons de la page."),
            409 => ("Modification simultanée", "Quelqu'un a modifié la même information au même instant : votre demande n'a pas été enregistrée. Rechargez la page et recommencez."),
            413 => ("Envoi trop volumineux", "Le fichier ou le formulaire envoyé dépasse la taille autorisée."),
            415 => ("Format non pris en charge", "Le contenu envoyé n'est pas dans un format attendu. Utilisez le formulaire de la page."),
            429 => ("Trop de tentatives", "Vous avez fait trop de demandes en peu de temps. Patientez une minute avant de réessayer."),
            503 when HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is Sigma.Documents.Contracts.RenduIndisponibleException indisponible =>
                ("Document momentanément indisponible", indisponible.Message),
            _ when code < 500 => ("Requête refusée", "La requête n'a pas pu être traitée. Revenez à la page précédente et recommencez."),
            _ => ("Erreur inattendue", "Désolé, le service rencontre un problème. Nous y travaillons : réessayez dans quelques instants."),
        };
        ViewData["Title"] = titre;
        return View("~/Views/Erreur/Index.cshtml", (code, titre, texte));
    }

    private int CodeReel()
    {
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : 500;
        }
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalStatusCode: >= 400 and <= 599 } reexecution)
        {
            return reexecution.OriginalStatusCode;
        }
        // A direct visit is no failure of the server: /erreur/403 shows the page it names, any other address is unknown.
        return int.TryParse(RouteData.Values["code"] as string, out var demande) && demande is >= 400 and <= 499 ? demande : 404;
    }
}
