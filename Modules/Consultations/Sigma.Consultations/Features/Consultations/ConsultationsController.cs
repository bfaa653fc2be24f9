namespace Sigma.Consultations.Features.Consultations;

public sealed record ListeVue(bool EnCours, string? Terme, string? Dispositif, PageRecherche Page);

/// <summary>Annonces: the consultations in progress or closed, searched by keyword or scheme name.</summary>
[AllowAnonymous]
public sealed class ConsultationsController(Recherche recherche, TimeProvider clock) : Controller
{
    [HttpGet("consultations")]
    public Task<IActionResult> EnCours(string? q, string? dispositif, int page = 1, CancellationToken ct = default) => Lister(true, q, dispositif, page, ct);

    [HttpGet("consultations/cloturees")]
    public Task<IActionResult> Cloturees(string? q, string? dispositif, int page = 1, CancellationToken ct = default) => Lister(false, q, dispositif, page, ct);

    private async Task<IActionResult> Lister(bool enCours, string? q, string? dispositif, int page, CancellationToken ct)
    {
        var resultats = await recherche.ChercherAsync(q, dispositif, enCours, page, clock.GetUtcNow(), ct);
        var vue = new ListeVue(enCours, q, dispositif, resultats);
        return Request.Headers.ContainsKey("HX-Request") ? PartialView("_Resultats", vue) : View("Index", vue);
    }
}
