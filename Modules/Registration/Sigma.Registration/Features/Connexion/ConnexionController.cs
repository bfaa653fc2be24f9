using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Sigma.Registration.Features.Connexion;

public sealed class ConnexionController(IMediator mediator) : Controller
{
    [AllowAnonymous]
    [HttpGet("connexion")]
    public IActionResult Index(string? retour) => View(new Connecter { Retour = retour });

    [AllowAnonymous]
    [HttpPost("connexion")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Sigma.BuildingBlocks.Web.LimitesDebit.FormulairesPublics)]
    public async Task<IActionResult> Index(Connecter form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Identifiant))
        {
            ModelState.AddModelError(nameof(form.Identifiant), "Saisissez votre identifiant.");
        }
        if (string.IsNullOrEmpty(form.MotDePasse))
        {
            ModelState.AddModelError(nameof(form.MotDePasse), "Saisissez votre mot de passe.");
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        form.Poste = Poste.Empreinte(HttpContext);
        var resultat = await mediator.Send(form, ct);
        if (resultat.Compte is null)
        {
            ModelState.AddModelError(string.Empty, resultat.Erreur!);
            return View(form);
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Authentification.Principal(resultat.Compte, resultat.SessionId));
        if (resultat.Compte.EnAttente)
        {
            return RedirectToAction(nameof(Rattachements.RattachementsController.EnAttente), "Rattachements");
        }
        if (!string.IsNullOrEmpty(form.Retour) && Url.IsLocalUrl(form.Retour))
        {
            return LocalRedirect(form.Retour);
        }
        return resultat.Compte.Role switch
        {
            Roles.AdministrateurOrganisme => RedirectToAction(nameof(ComptesOrganisation.ComptesOrganisationController.Index), "ComptesOrganisation"),
            _ => Redirect(PagesSigma.Accueil),
        };
    }

    [Authorize]
    [HttpPost("deconnexion")]
    public async Task<IActionResult> Deconnexion(CancellationToken ct)
    {
        if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var compteId)
            && Guid.TryParse(User.FindFirstValue(SigmaClaims.SessionId), out var sessionId))
        {
            await mediator.Send(new Deconnecter(compteId, sessionId), ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        TempData["Message"] = "Vous êtes déconnecté.";
        return Redirect(PagesSigma.Accueil);
    }
}
