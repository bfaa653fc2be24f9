namespace Sigma.Consultations.Features.DetailConsultation;

public sealed record DetailVue(Consultation Consultation, DateTimeOffset Maintenant, Guid? CompteId);

/// <summary>Consultations > Détails: objet, lots, deadline, DCE files, published Q&amp;A; download and question forms.</summary>
[AllowAnonymous]
public sealed class DetailConsultationController(IConsultationsStore store, TimeProvider clock) : Controller
{
    [HttpGet("consultations/{id:guid}")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var consultation = await session.LoadAsync<Consultation>(id, ct);
        // An unpublished consultation does not exist for anyone but the Region's agents.
        if (consultation is null || (!consultation.EstPubliee && !User.IsInRole(Roles.Agent)))
        {
            return NotFound();
        }
        Guid? compteId = Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var c) ? c : null;
        return View("Index", new DetailVue(consultation, clock.GetUtcNow(), compteId));
    }
}
