using System.Text;
using Sigma.Publication.Decp;
using Sigma.Publication.Lheo;

namespace Sigma.Publication.Features.Publications;

public sealed record PublicationsVue(Guid ConsultationId, string? Reference, bool PushActif, IReadOnlyList<PublicationOffre> Publications,
    IReadOnlyList<MarcheNotifie> Marches);

/// <summary>
/// The agent's page of a consultation's publications: each awarded offer's LHÉO publication (pending, sent, rejected
/// or failing, with why), « Renvoyer », « Retirer », its XML; and the contracts' essential data (DECP).
/// </summary>
[Authorize(Policy = Policies.Agent)]
[Route("back-office/publications/{consultationId:guid}")]
public sealed class PublicationsController(IPublicationStore store, IMediator mediator, CarifOrefOptions carif) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid consultationId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var publications = await session.Query<PublicationOffre>().Where(p => p.ConsultationId == consultationId).OrderBy(p => p.Lot).ThenBy(p => p.Organisme).ToListAsync(ct);
        var marches = await session.Query<MarcheNotifie>().Where(m => m.ConsultationId == consultationId).OrderBy(m => m.Lot).ToListAsync(ct);
        var reference = publications.FirstOrDefault()?.Reference ?? marches.FirstOrDefault()?.Reference;
        return View("~/Features/Publications/Index.cshtml", new PublicationsVue(consultationId, reference, carif.PushActif, publications, marches));
    }

    [HttpGet("{offreId:guid}/lheo.xml")]
    public async Task<IActionResult> Lheo(Guid consultationId, Guid offreId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var p = await session.LoadAsync<PublicationOffre>(offreId, ct);
        if (p is null || p.ConsultationId != consultationId || p.Formations is null)
        {
            return NotFound();
        }
        var document = DocumentLheo.Document(p.Formations, p.EnvoyeeLe ?? p.PrepareeLe);
        return File(Encoding.UTF8.GetBytes(document), "application/xml", $"lheo-{p.Reference}-lot{p.Lot}-{p.Id:N}.xml");
    }

    [HttpPost("{offreId:guid}/renvoyer")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Renvoyer(Guid consultationId, Guid offreId, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new RenvoyerPublication(consultationId, offreId, Acteur.De(User)),
            v => carif.PushActif ? $"L'offre sera renvoyée au CARIF-OREF (version {v})." : $"Version {v} préparée : la transmission au CARIF-OREF est désactivée, le flux la sert.",
            Url.Action(nameof(Index), new { consultationId })!, ct);

    [HttpPost("{offreId:guid}/retirer")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Retirer(Guid consultationId, Guid offreId, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new RetirerPublication(consultationId, offreId, Acteur.De(User)),
            _ => "L'offre est retirée de la diffusion : le flux LHÉO ne la sert plus.", Url.Action(nameof(Index), new { consultationId })!, ct);

    [HttpGet("donnees-essentielles.json")]
    public async Task<IActionResult> DecpJson(Guid consultationId, CancellationToken ct) =>
        Content(FormatsDecp.DocumentJson(await PubliablesAsync(consultationId, ct)), "application/json", Encoding.UTF8);

    [HttpGet("donnees-essentielles.xml")]
    public async Task<IActionResult> DecpXml(Guid consultationId, CancellationToken ct) =>
        Content(FormatsDecp.DocumentXml(await PubliablesAsync(consultationId, ct)), "application/xml", Encoding.UTF8);

    private async Task<IReadOnlyList<MarcheNotifie>> PubliablesAsync(Guid consultationId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var marches = await session.Query<MarcheNotifie>().Where(m => m.ConsultationId == consultationId).OrderBy(m => m.Lot).ToListAsync(ct);
        return [.. marches.Where(m => m.EstPubliable)];
    }
}
