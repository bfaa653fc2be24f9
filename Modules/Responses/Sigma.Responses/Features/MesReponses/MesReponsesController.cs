namespace Sigma.Responses.Features.MesReponses;

public sealed record LigneReponse(Reponse Reponse, ConsultationConnue? Consultation);

public sealed record DossierVue(Reponse Reponse, ConsultationConnue Consultation, DateTimeOffset Maintenant, Acteur Acteur);

[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class MesReponsesController(IMediator mediator, IResponsesStore store, Dossiers dossiers, TimeProvider clock) : Controller
{
    [HttpGet("reponses")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        await using var session = store.QuerySession();
        var reponses = await session.Query<Reponse>().Where(r => r.OrganisationId == acteur.OrganisationId).OrderByDescending(r => r.CommenceeLe).ToListAsync(ct);
        var ids = reponses.Select(r => r.ConsultationId).Distinct().ToArray();
        var consultations = (await session.LoadManyAsync<ConsultationConnue>(ct, ids)).ToDictionary(c => c.Id);
        return View("~/Features/MesReponses/Index.cshtml", reponses.Select(r => new LigneReponse(r, consultations.GetValueOrDefault(r.ConsultationId))).ToList());
    }

    [HttpPost("reponses/commencer")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Commencer(Guid consultationId, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new CommencerReponse(consultationId, Acteur.De(User)), id => ((string?)null, Url.Action(nameof(Dossier), new { id })!),
            PagesSigma.Consultation(consultationId), ct);

    [HttpGet("reponses/{id:guid}")]
    public async Task<IActionResult> Dossier(Guid id, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation))
        {
            return NotFound();
        }
        return View("~/Features/MesReponses/Dossier.cshtml", new DossierVue(reponse, consultation, clock.GetUtcNow(), acteur));
    }
}
