using FluentValidation;
using Sigma.Consultations.Features.GererConsultation;

namespace Sigma.Consultations.Features.CreerConsultation;

[Authorize(Policy = Policies.Agent)]
[Route("back-office/consultations/nouvelle")]
public sealed class CreerConsultationController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new CreerConsultation());

    [HttpPost("")]
    public Task<IActionResult> Index(CreerConsultation form, string? action, CancellationToken ct)
    {
        // Adding or removing a lot row re-shows the form with everything typed, without JavaScript.
        if (action == "ajouter-lot")
        {
            form.Lots.Add(new LotSaisi { Numero = (form.Lots.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            ModelState.Clear();
            return Task.FromResult<IActionResult>(View(form));
        }
        if (action?.StartsWith("retirer-lot-", StringComparison.Ordinal) == true && int.TryParse(action["retirer-lot-".Length..], out var index)
            && index >= 0 && index < form.Lots.Count)
        {
            form.Lots.RemoveAt(index);
            ModelState.Clear();
            return Task.FromResult<IActionResult>(View(form));
        }
        form.Agent = Acteur.De(User);
        return this.SoumettreAsync(form, mediator, (Guid id) =>
        {
            TempData["Message"] = "La consultation est créée en brouillon. Déposez son DCE puis publiez-la.";
            return RedirectToAction(nameof(GererConsultationController.Index), "GererConsultation", new { id });
        }, ct);
    }
}
