using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sigma.BuildingBlocks.Domain;
using Sigma.BuildingBlocks.Web;

namespace Sigma.Registration.Features.InscriptionSimple;

[AllowAnonymous]
[Route("inscription-simple")]
public sealed class InscriptionSimpleController(IMediator mediator, IValidator<CreerInscritSimple> validator) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? siret) => View(new CreerInscritSimple { Siret = siret });

    [HttpPost("")]
    public async Task<IActionResult> Index(CreerInscritSimple form, CancellationToken ct)
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
            return View(form);
        }
        TempData["Message"] = $"Votre compte « {form.Identifiant} » est créé et rattaché à l'organisme. L'administrateur de l'organisme en est informé. Vous pouvez vous identifier.";
        return Redirect("/connexion");
    }
}
