using FluentValidation;

namespace Sigma.Registration.Features.Inscription;

[AllowAnonymous]
[Route("inscription")]
public sealed class InscriptionController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new InscrireOrganisation());

    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Sigma.BuildingBlocks.Web.LimitesDebit.FormulairesPublics)]
    public Task<IActionResult> Index(InscrireOrganisation form, CancellationToken ct) =>
        this.SoumettreAsync(form, mediator, (Guid _) =>
        {
            TempData["Identifiant"] = form.Identifiant;
            return RedirectToAction(nameof(Confirmation));
        }, ct);

    [HttpGet("confirmation")]
    public IActionResult Confirmation() => View(model: TempData["Identifiant"] as string);
}
