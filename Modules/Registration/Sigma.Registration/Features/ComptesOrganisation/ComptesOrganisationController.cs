using System.Security.Claims;
using FluentValidation;
using Microsoft.Extensions.Configuration;

namespace Sigma.Registration.Features.ComptesOrganisation;

[Authorize(Policy = Policies.AdministrateurOrganisme)]
[Route("organisation/comptes")]
public sealed class ComptesOrganisationController(IMediator mediator) : Controller
{
    private Guid OrganisationId => Guid.Parse(User.FindFirstValue(SigmaClaims.OrganisationId)!);
    private Guid CompteId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await Afficher(new AjouterCompte(), ct);

    [HttpPost("ajouter")]
    public Task<IActionResult> Ajouter([Bind(Prefix = "Nouveau")] AjouterCompte form, CancellationToken ct)
    {
        form.OrganisationId = OrganisationId;
        form.AdministrateurId = CompteId;
        return this.EnvoyerAsync(mediator, form, _ =>
        {
            TempData["Message"] = $"Le compte « {form.Identifiant} » est créé. {form.Prenom} {form.Nom} a reçu par courriel un lien pour choisir son mot de passe.";
            return RedirectToAction(nameof(Index));
        }, () => Afficher(form, ct), ct, prefixe: "Nouveau");
    }

    [HttpPost("{compteId:guid}/desactiver")]
    public Task<IActionResult> Desactiver(Guid compteId, CancellationToken ct) => ChangerEtat(compteId, false, ct);

    [HttpPost("{compteId:guid}/reactiver")]
    public Task<IActionResult> Reactiver(Guid compteId, CancellationToken ct) => ChangerEtat(compteId, true, ct);

    private Task<IActionResult> ChangerEtat(Guid compteId, bool activer, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new ChangerEtatCompte(OrganisationId, CompteId, compteId, activer), identifiant => activer
            ? $"Le compte « {identifiant} » est réactivé." : $"Le compte « {identifiant} » est désactivé : il ne peut plus se connecter.",
            Url.Action(nameof(Index))!, ct);

    private async Task<IActionResult> Afficher(AjouterCompte nouveau, CancellationToken ct)
    {
        var vue = await mediator.Send(new ListerComptes(OrganisationId), ct);
        ViewData["Nouveau"] = nouveau;
        ViewData["MoiId"] = CompteId;
        return View("Index", vue);
    }
}
