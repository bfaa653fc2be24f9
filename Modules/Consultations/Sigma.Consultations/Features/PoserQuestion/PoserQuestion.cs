using System.Security.Claims;
using Sigma.Consultations.Features.DetailConsultation;

namespace Sigma.Consultations.Features.PoserQuestion;

public sealed record PoserQuestion(Guid ConsultationId, string Texte, Guid CompteId, string Identifiant, string Email, Guid? OrganisationId) : IRequest<Unit>;

internal sealed class PoserQuestionHandler(IConsultationsStore store, TimeProvider clock) : IRequestHandler<PoserQuestion, Unit>
{
    public async Task<Unit> Handle(PoserQuestion r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Texte))
        {
            throw new DomainException("Écrivez votre question.", "Question");
        }
        if (r.Texte.Length > 4000)
        {
            throw new DomainException("La question ne doit pas dépasser 4 000 caractères.", "Question");
        }
        await using var session = store.LightweightSession();
        var flux = await session.Events.FetchForWriting<Consultation>(r.ConsultationId, ct);
        var consultation = flux.Aggregate ?? throw new DomainException("Consultation introuvable.");
        session.LastModifiedBy = r.Identifiant;
        flux.AppendOne(consultation.PoserQuestion(Guid.NewGuid(), r.Texte, r.CompteId, r.Identifiant, r.Email, r.OrganisationId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class PoserQuestionController(IMediator mediator, IConsultationsStore store, TimeProvider clock) : Controller
{
    [HttpPost("consultations/{id:guid}/questions")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Sigma.BuildingBlocks.Web.LimitesDebit.FormulairesPublics)]
    public async Task<IActionResult> Poser(Guid id, string? question, CancellationToken ct)
    {
        var compteId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        try
        {
            await mediator.Send(new PoserQuestion(id, question ?? "", compteId, User.Identity!.Name!, User.FindFirstValue(ClaimTypes.Email) ?? "",
                Guid.TryParse(User.FindFirstValue(SigmaClaims.OrganisationId), out var o) ? o : null), ct);
            TempData["Message"] = "Votre question est envoyée. La réponse de la Région sera publiée sur cette page et vous sera envoyée par courriel.";
            return RedirectToAction(nameof(DetailConsultationController.Index), "DetailConsultation", new { id });
        }
        catch (DomainException refus)
        {
            ModelState.AddModelError(refus.Champ ?? "Question", refus.Message);
            await using var session = store.QuerySession();
            var consultation = await session.LoadAsync<Consultation>(id, ct);
            return consultation is null ? NotFound() : View("~/Features/DetailConsultation/Index.cshtml", new DetailVue(consultation, clock.GetUtcNow(), compteId));
        }
    }
}
