using Microsoft.Extensions.Configuration;

namespace Sigma.Registration.Features.MotDePasseOublie;

[AllowAnonymous]
[Route("mot-de-passe-oublie")]
public sealed class MotDePasseOublieController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new DemanderReinitialisation());

    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Sigma.BuildingBlocks.Web.LimitesDebit.FormulairesPublics)]
    public async Task<IActionResult> Index(DemanderReinitialisation form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || !form.Email.Contains('@'))
        {
            ModelState.AddModelError(nameof(form.Email), "Saisissez l'adresse électronique renseignée dans votre compte (ex. : nom@organisme.fr).");
            return View(form);
        }
        await mediator.Send(form, ct);
        ViewData["Envoye"] = true;
        return View(form);
    }
}
