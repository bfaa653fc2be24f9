using System.Security.Claims;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Domain;
using Sigma.BuildingBlocks.Web;

namespace Sigma.Registration.Features.ComptesOrganisation;

[Authorize(Policy = Policies.AdministrateurOrganisme)]
[Route("organisation/comptes")]
public sealed class ComptesOrganisationController(IMediator mediator, IValidator<AjouterCompte> validator, IConfiguration configuration) : Controller
{
    private Guid OrganisationId => Guid.Parse(User.FindFirstValue(SigmaClaims.OrganisationId)!);
    private Guid CompteId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await Afficher(new AjouterCompte(), ct);

    [HttpPost("ajouter")]
    public async Task<IActionResult> Ajouter([Bind(Prefix = "Nouveau")] AjouterCompte form, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "Nouveau");
            return await Afficher(form, ct);
        }
        form.OrganisationId = OrganisationId;
        form.AdministrateurId = CompteId;
        form.UrlPublique = Urls.Publique(configuration);
        try
        {
            await mediator.Send(form, ct);
        }
        catch (DomainException refus)
        {
            refus.AddTo(ModelState, "Nouveau");
            return await Afficher(form, ct);
        }
        TempData["Message"] = $"Le compte « {form.Identifiant} » est créé. {form.Prenom} {form.Nom} a reçu par courriel un lien pour choisir son mot de passe.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{compteId:guid}/desactiver")]
    public Task<IActionResult> Desactiver(Guid compteId, CancellationToken ct) => ChangerEtat(compteId, false, ct);

    [HttpPost("{compteId:guid}/reactiver")]
    public Task<IActionResult> Reactiver(Guid compteId, CancellationToken ct) => ChangerEtat(compteId, true, ct);

    private async Task<IActionResult> ChangerEtat(Guid compteId, bool activer, CancellationToken ct)
    {
        try
        {
            var identifiant = await mediator.Send(new ChangerEtatCompte(OrganisationId, CompteId, compteId, activer), ct);
            TempData["Message"] = activer ? $"Le compte « {identifiant} » est réactivé." : $"Le compte « {identifiant} » est désactivé : il ne peut plus se connecter.";
        }
        catch (DomainException refus)
        {
            TempData["Erreur"] = refus.Message;
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Afficher(AjouterCompte nouveau, CancellationToken ct)
    {
        var vue = await mediator.Send(new ListerComptes(OrganisationId), ct);
        ViewData["Nouveau"] = nouveau;
        ViewData["MoiId"] = CompteId;
        return View("Index", vue);
    }
}
