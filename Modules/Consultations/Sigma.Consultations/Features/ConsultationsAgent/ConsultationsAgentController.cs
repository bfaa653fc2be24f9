namespace Sigma.Consultations.Features.ConsultationsAgent;

/// <summary>Every consultation, drafts included, for the Region's agents.</summary>
[Authorize(Policy = Policies.Agent)]
[Route("back-office/consultations")]
public sealed class ConsultationsAgentController(IConsultationsStore store, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        ViewData["Maintenant"] = clock.GetUtcNow();
        return View(await session.Query<Consultation>().OrderByDescending(c => c.CreeeLe).Take(500).ToListAsync(ct));
    }
}
