using FluentValidation;

namespace Sigma.Registration.Features.DefinirMotDePasse;

[AllowAnonymous]
[Route("mot-de-passe/definir")]
public sealed class DefinirMotDePasseController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Index(Guid compte, string? jeton) =>
        View(new DefinirMotDePasse { Compte = compte, Jeton = jeton });

    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Sigma.BuildingBlocks.Web.LimitesDebit.FormulairesPublics)]
    public Task<IActionResult> Index(DefinirMotDePasse form, CancellationToken ct) =>
        this.SoumettreAsync(form, mediator, (string identifiant) =>
        {
            TempData["Message"] = $"Le mot de passe du compte « {identifiant} » est enregistré. Vous pouvez vous identifier.";
            return RedirectToAction(nameof(Connexion.ConnexionController.Index), "Connexion");
        }, ct);
}
