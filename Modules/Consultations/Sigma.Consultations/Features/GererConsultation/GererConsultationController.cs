using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sigma.Consultations.Features.GererConsultation;

public sealed record GestionVue(Consultation Consultation, int NombreRetraits, int RetraitsAnonymes, int NombreAbonnes, int NombreDepots, DateTimeOffset Maintenant,
    Integration.SuiviAttribution? Suivi = null);

/// <summary>The fields of the DCE form: what changes, the files of the current version to keep, the files to add.</summary>
public sealed record DceSaisie(string? Note, List<Guid>? Conserver, List<IFormFile>? Fichiers);

/// <summary>The fields of « Proroger la date limite » (a date and a Paris wall-clock time, as the browser sends them).</summary>
public sealed record ProrogationSaisie(string? NouvelleDate, string? NouvelleHeure, string? Motif);

/// <summary>The field of the answer to one question.</summary>
public sealed record ReponseSaisie(string? Reponse);

/// <summary>The back-office page of one consultation and its commands: DCE versions, publication, deadline, answers to questions.</summary>
[Authorize(Policy = Policies.Agent)]
[Route("back-office/consultations/{id:guid}")]
public sealed class GererConsultationController(IConsultationsStore store, IMediator mediator, TimeProvider clock) : Controller
{
    private Acteur Agent => Acteur.De(User);

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var consultation = await session.LoadAsync<Consultation>(id, ct);
        if (consultation is null)
        {
            return NotFound();
        }
        var retraits = await session.Query<Retrait>().Where(r => r.ConsultationId == id).ToListAsync(ct);
        var abonnes = await session.Query<Abonnement>().CountAsync(a => a.ConsultationId == id, ct);
        var depots = await session.Query<Depot>().CountAsync(d => d.ConsultationId == id, ct);
        var suivi = await session.LoadAsync<Integration.SuiviAttribution>(id, ct);
        return View("Index", new GestionVue(consultation, retraits.Count, retraits.Count(r => r.Anonyme), abonnes, depots, clock.GetUtcNow(), suivi));
    }

    [HttpPost("dce")]
    [RequestSizeLimit(1_100_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = 1_100_000_000)]
    public async Task<IActionResult> DeposerDce(Guid id, [FromForm] DceSaisie saisie, CancellationToken ct)
    {
        var nouveaux = (saisie.Fichiers ?? []).Select(f => new FichierEnvoye(f.FileName, f.Length, f.ContentType, f.OpenReadStream)).ToList();
        return await Executer(id, "Dce", async () =>
        {
            var version = await mediator.Send(new DeposerDce(id, saisie.Note, saisie.Conserver ?? [], nouveaux, Agent), ct);
            return $"La version {version} du DCE est déposée.";
        }, ct, prefixe: "");
    }

    [HttpPost("publier")]
    public Task<IActionResult> Publier(Guid id, CancellationToken ct) => Executer(id, "Publication", async () =>
    {
        await mediator.Send(new PublierConsultation(id, Agent), ct);
        return "La consultation est publiée : les entreprises peuvent la consulter et télécharger son DCE.";
    }, ct);

    [HttpPost("proroger")]
    public Task<IActionResult> Proroger(Guid id, [FromForm] ProrogationSaisie saisie, CancellationToken ct) => Executer(id, "Prorogation", async () =>
    {
        if (!DateTime.TryParseExact($"{saisie.NouvelleDate} {saisie.NouvelleHeure}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var locale))
        {
            throw new DomainException("Saisissez la nouvelle date et l'heure limites.", nameof(saisie.NouvelleDate));
        }
        await mediator.Send(new ProrogerDateLimite(id, ParisTime.FromParisWallClock(locale), saisie.Motif ?? "", Agent), ct);
        return "La date limite est prorogée ; les entreprises qui ont retiré le DCE sont prévenues.";
    }, ct, prefixe: "");

    [HttpPost("questions/{questionId:guid}/reponse")]
    public Task<IActionResult> Repondre(Guid id, Guid questionId, [FromForm] ReponseSaisie saisie, CancellationToken ct) => Executer(id, $"Reponse_{questionId:N}", async () =>
    {
        await mediator.Send(new RepondreQuestion(id, questionId, saisie.Reponse ?? "", Agent), ct);
        return "La réponse est publiée, sans nommer l'auteur de la question.";
    }, ct);

    /// <summary>
    /// A form's refusals go next to its fields: the DCE's and the deadline's fields have names of their own on the page
    /// (no prefix); the answers, one form per question with the same field, are told apart by their form's name.
    /// </summary>
    private async Task<IActionResult> Executer(Guid id, string formulaire, Func<Task<string>> action, CancellationToken ct, string? prefixe = null)
    {
        try
        {
            TempData["Message"] = await action();
            return RedirectToAction(nameof(Index), new { id });
        }
        // Shown in the form that was posted (DCE, deadline, answer): a refusal without a field goes at its top.
        catch (Exception refus) when (Refus.Noter(refus, ModelState, prefixe: prefixe ?? formulaire, champParDefaut: formulaire))
        {
            ViewData["Formulaire"] = formulaire;
            return await Index(id, ct);
        }
    }
}
