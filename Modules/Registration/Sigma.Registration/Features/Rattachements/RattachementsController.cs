using System.Security.Claims;

namespace Sigma.Registration.Features.Rattachements;

/// <summary>
/// The requests of "inscrits simples": the pending account's own page, the organisation administrator's decision,
/// and the Region's agents' list (for an organisation whose administrator is the one who lost access).
/// </summary>
public sealed class RattachementsController(IMediator mediator) : Controller
{
    private Guid CompteId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private Acteur Moi => Acteur.De(User);

    /// <summary>Null for an agent, who decides for every organisation.</summary>
    private Guid? MonOrganisme => Guid.TryParse(User.FindFirstValue(SigmaClaims.OrganisationId), out var o) ? o : null;

    [Authorize(Roles = Roles.EnAttente)]
    [HttpGet("organisation/demande-en-attente")]
    public async Task<IActionResult> EnAttente(CancellationToken ct) =>
        await mediator.Send(new LireMaDemande(CompteId), ct) is { } demande ? View(demande) : Redirect(PagesSigma.Accueil);

    [Authorize(Policy = Policies.Agent)]
    [HttpGet("back-office/rattachements")]
    public async Task<IActionResult> Demandes(CancellationToken ct) =>
        View(await mediator.Send(new ListerDemandesRattachement(null), ct));

    // The decisions: an administrator for their own organisation (from Mon organisme), an agent for any (from the back office).

    [Authorize(Policy = Policies.DecideurRattachement)]
    [HttpPost("rattachements/{compteId:guid}/approuver")]
    public Task<IActionResult> Approuver(Guid compteId, CancellationToken ct) => DeciderAsync(compteId, true, ct);

    [Authorize(Policy = Policies.DecideurRattachement)]
    [HttpGet("rattachements/{compteId:guid}/refuser")]
    public Task<IActionResult> ConfirmerRefus(Guid compteId, CancellationToken ct) => ConfirmerRefusAsync(compteId, ct);

    [Authorize(Policy = Policies.DecideurRattachement)]
    [HttpPost("rattachements/{compteId:guid}/refuser")]
    public Task<IActionResult> Refuser(Guid compteId, CancellationToken ct) => DeciderAsync(compteId, false, ct);

    private string Retour => User.IsInRole(Roles.Agent) ? Url.Action(nameof(Demandes))! : Url.Action(nameof(ComptesOrganisation.ComptesOrganisationController.Index), "ComptesOrganisation")!;

    private async Task<IActionResult> ConfirmerRefusAsync(Guid compteId, CancellationToken ct)
    {
        ViewData["Retour"] = Retour;
        return await mediator.Send(new LireDemandeRattachement(compteId, User.IsInRole(Roles.Agent) ? null : MonOrganisme), ct) is { } demande
            ? View("ConfirmerRefus", demande)
            : this.AvecErreur(RattachementsHandlers.Introuvable, Retour);
    }

    private Task<IActionResult> DeciderAsync(Guid compteId, bool approuver, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new DeciderRattachement(compteId, approuver, Moi, User.IsInRole(Roles.Agent) ? null : MonOrganisme), compte => approuver
            ? $"La demande de {compte.NomComplet} (« {compte.Identifiant} ») est approuvée : son compte agit désormais pour l'organisme. Un courriel l'en informe."
            : $"La demande de {compte.NomComplet} (« {compte.Identifiant} ») est refusée : ce compte ne peut plus se connecter. Un courriel l'en informe.",
            Retour, ct);
}
