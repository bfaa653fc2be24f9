using Sigma.Responses.Features.MesReponses;

namespace Sigma.Responses.Features.EnvoyerReponse;

[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class EnvoyerReponseController(IMediator mediator, Dossiers dossiers, AccuseReception accuse, PreuvesEnvoi preuves, TimeProvider clock) : Controller
{
    [HttpGet("reponses/{id:guid}/envoyer")]
    public async Task<IActionResult> Confirmer(Guid id, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation))
        {
            return NotFound();
        }
        return reponse.EstEnvoyee ? RedirectToAction(nameof(Accuse), new { id })
            : View("~/Features/EnvoyerReponse/Confirmer.cshtml", new DossierVue(reponse, consultation, clock.GetUtcNow(), acteur));
    }

    [HttpPost("reponses/{id:guid}/envoyer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Envoyer(Guid id, CancellationToken ct)
    {
        // The request is fully read (the antiforgery filter read its form): this instant decides against the deadline.
        var recueLe = clock.GetUtcNow();
        var acteur = Acteur.De(User);
        return await this.EnvoyerAsync(mediator, new EnvoyerReponse(id, recueLe, acteur), numero =>
        {
            TempData["Message"] = $"Votre réponse est envoyée. Accusé de réception n° {numero} ; il vous est aussi envoyé par courriel.";
            return RedirectToAction(nameof(Accuse), new { id });
        }, async () => await dossiers.ChargerAsync(id, acteur, ct) is var (reponse, consultation)
            ? View("~/Features/EnvoyerReponse/Confirmer.cshtml", new DossierVue(reponse, consultation, clock.GetUtcNow(), acteur))
            : NotFound(), ct);
    }

    [HttpGet("reponses/{id:guid}/accuse")]
    public async Task<IActionResult> Accuse(Guid id, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation) || !reponse.EstEnvoyee)
        {
            return NotFound();
        }
        ViewData["Preuve"] = await preuves.PourAsync(reponse, ct);
        return View("~/Features/EnvoyerReponse/Accuse.cshtml", new DossierVue(reponse, consultation, clock.GetUtcNow(), acteur));
    }

    [HttpGet("reponses/{id:guid}/accuse.pdf")]
    public async Task<IActionResult> AccusePdf(Guid id, CancellationToken ct)
    {
        if (await dossiers.ChargerAsync(id, Acteur.De(User), ct) is not var (reponse, consultation) || !reponse.EstEnvoyee)
        {
            return NotFound();
        }
        return File(await accuse.PdfAsync(reponse, consultation, ct), "application/pdf", $"{reponse.NumeroAccuse}.pdf");
    }
}
