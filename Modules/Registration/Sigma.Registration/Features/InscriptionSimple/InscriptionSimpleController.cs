using FluentValidation;

namespace Sigma.Registration.Features.InscriptionSimple;

[AllowAnonymous]
[Route("inscription-simple")]
public sealed class InscriptionSimpleController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? siret) => View(new CreerInscritSimple { Siret = siret });

    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Sigma.BuildingBlocks.Web.LimitesDebit.FormulairesPublics)]
    public Task<IActionResult> Index(CreerInscritSimple form, CancellationToken ct) =>
        this.SoumettreAsync(form, mediator, (Guid _) =>
        {
            TempData["Message"] = $"Votre compte « {form.Identifiant} » est créé. Votre demande de rattachement est envoyée aux administrateurs de l'organisme : " +
                "tant qu'elle n'est pas approuvée, votre compte ne voit rien de l'organisme. Vous serez prévenu par courriel.";
            return RedirectToAction(nameof(Connexion.ConnexionController.Index), "Connexion");
        }, ct);
}
