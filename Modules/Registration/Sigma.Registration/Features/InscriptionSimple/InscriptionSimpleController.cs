using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sigma.BuildingBlocks.Web;

namespace Sigma.Registration.Features.InscriptionSimple;

[AllowAnonymous]
[Route("inscription-simple")]
public sealed class InscriptionSimpleController(IMediator mediator, IValidator<CreerInscritSimple> validator) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? siret) => View(new CreerInscritSimple { Siret = siret });

    [HttpPost("")]
    public Task<IActionResult> Index(CreerInscritSimple form, CancellationToken ct) =>
        this.SoumettreAsync(form, validator, mediator, (Guid _) =>
        {
            TempData["Message"] = $"Votre compte « {form.Identifiant} » est créé et rattaché à l'organisme. L'administrateur de l'organisme en est informé. Vous pouvez vous identifier.";
            return Redirect("/connexion");
        }, ct);
}
