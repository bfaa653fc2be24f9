using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sigma.BuildingBlocks.Domain;
using Sigma.BuildingBlocks.Web;

namespace Sigma.Registration.Features.Inscription;

[AllowAnonymous]
[Route("inscription")]
public sealed class InscriptionController(IMediator mediator, IValidator<InscrireOrganisation> validator) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new InscrireOrganisation());

    [HttpPost("")]
    public async Task<IActionResult> Index(InscrireOrganisation form, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return View(form);
        }
        try
        {
            await mediator.Send(form, ct);
        }
        catch (DomainException refus)
        {
            refus.AddTo(ModelState);
            ViewData["SiretDejaInscrit"] = refus.Message == InscrireOrganisationHandler.SiretDejaInscrit;
            return View(form);
        }
        TempData["Identifiant"] = form.Identifiant;
        return RedirectToAction(nameof(Confirmation));
    }

    [HttpGet("confirmation")]
    public IActionResult Confirmation() => View(model: TempData["Identifiant"] as string);
}
