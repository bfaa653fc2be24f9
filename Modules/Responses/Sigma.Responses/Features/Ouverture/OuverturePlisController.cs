using Microsoft.AspNetCore.Http;

namespace Sigma.Responses.Features.Ouverture;

/// <summary>An offer of a lot as the agent judges it: who, the price in the lot's unit, the decision so far.</summary>
public sealed record OffreAJuger(Reponse Reponse, OffreReponse Offre, string? PrixUnitaireHt, string? Intitule, Jugement? Jugement);

public sealed record SeanceVue(ConsultationConnue Consultation, Domain.Ouverture? Ouverture, IReadOnlyList<Reponse> Reponses, IReadOnlyList<OffreAJuger> Offres, DateTimeOffset Maintenant);

public sealed record PliVue(Reponse Reponse, ConsultationConnue Consultation, Domain.Ouverture Ouverture, DonneesCandidature Candidature,
    IReadOnlyList<(OffreReponse Offre, DonneesOffre Donnees)> Offres, IReadOnlyList<FichierVerifie> Fichiers)
{
    public OngletsLecture Onglets => new(Consultation, Candidature, Offres,
        Fichiers.Where(f => f.Fichier.Formulaire == "Candidature").Select(f => (f.Fichier.Piece, f.Fichier.Nom)).ToList());
}

/// <summary>What the read-only tabs show: the candidature, each offer, and the candidature's pieces (name of the piece, file).</summary>
public sealed record OngletsLecture(ConsultationConnue Consultation, DonneesCandidature Candidature, IReadOnlyList<(OffreReponse Offre, DonneesOffre Donnees)> Offres,
    IReadOnlyList<(string Piece, string Nom)> PiecesCandidature);

/// <summary>The posted decisions of a lot (one row per offer).</summary>
public sealed record JugementsSaisie(List<DecisionSaisie>? Decisions);

/// <summary>
/// The Region's opening session of a consultation: open the plis (after the deadline only), read each pli with every
/// file checked against the receipt, judge each offer of a lot, notify the lot.
/// </summary>
[Authorize(Policy = Policies.Agent)]
[Route("back-office/ouvertures/{consultationId:guid}")]
public sealed class OuverturePlisController(IMediator mediator, LecturePlis plis, Coffre coffre, AccuseReception accuse, TimeProvider clock) : Controller
{
    private Acteur Agent => Acteur.De(User);

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid consultationId, CancellationToken ct)
    {
        var (ouverture, consultation, reponses) = await plis.SeanceAsync(consultationId, ct);
        if (consultation is null)
        {
            return NotFound();
        }
        var offres = new List<OffreAJuger>();
        if (ouverture is { EstOuverte: true })
        {
            foreach (var r in reponses)
            {
                foreach (var o in r.Offres.OrderBy(o => o.Lot))
                {
                    var donnees = await plis.OffreAsync(r, o, ct);
                    offres.Add(new OffreAJuger(r, o, donnees.Prix.PrixUnitaireHt, donnees.Offre.Intitule, ouverture.JugementDe(o.Id)));
                }
            }
        }
        return View("~/Features/Ouverture/Index.cshtml", new SeanceVue(consultation, ouverture, reponses, offres, clock.GetUtcNow()));
    }

    [HttpPost("ouvrir")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Ouvrir(Guid consultationId, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new OuvrirPlis(consultationId, Agent), n => $"Les plis sont ouverts : {Francais.Nombre(n, "réponse reçue", "réponses reçues")}.",
            Url.Action(nameof(Index), new { consultationId })!, ct);

    [HttpPost("lots/{lot:int}/decisions")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Juger(Guid consultationId, int lot, [FromForm] JugementsSaisie saisie, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new JugerOffres(consultationId, lot, saisie.Decisions ?? [], Agent),
            n => n == 0 ? "Aucune décision n'a changé." : $"Lot {lot} : {Francais.Nombre(n, "décision enregistrée", "décisions enregistrées")}. Notifiez le lot quand toutes les offres sont jugées.",
            Url.Action(nameof(Index), null, new { consultationId }, null, null, $"lot-{lot}")!, ct);

    [HttpPost("lots/{lot:int}/notifier")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Notifier(Guid consultationId, int lot, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new NotifierLot(consultationId, lot, Agent),
            n => $"Lot {lot} notifié : {Francais.Nombre(n, "soumissionnaire est prévenu", "soumissionnaires sont prévenus")} par courriel de la décision et de son motif.",
            Url.Action(nameof(Index), null, new { consultationId }, null, null, $"lot-{lot}")!, ct);

    [HttpGet("plis/{reponseId:guid}")]
    public async Task<IActionResult> Pli(Guid consultationId, Guid reponseId, CancellationToken ct)
    {
        if (await plis.PliAsync(consultationId, reponseId, ct) is not var (reponse, consultation, ouverture))
        {
            return NotFound();
        }
        var offres = new List<(OffreReponse, DonneesOffre)>();
        foreach (var o in reponse.Offres.OrderBy(o => o.Lot))
        {
            offres.Add((o, await plis.OffreAsync(reponse, o, ct)));
        }
        return View("~/Features/Ouverture/Pli.cshtml", new PliVue(reponse, consultation, ouverture, await plis.CandidatureAsync(reponse, ct), offres,
            await plis.VerifierToutAsync(reponse, ct)));
    }

    /// <summary>A file of an opened pli, served only once checked intact against the receipt.</summary>
    [HttpGet("plis/{reponseId:guid}/fichiers/{index:int}")]
    public async Task<IActionResult> Fichier(Guid consultationId, Guid reponseId, int index, CancellationToken ct)
    {
        if (await plis.PliAsync(consultationId, reponseId, ct) is not var (reponse, _, _) || index < 0 || index >= reponse.FichiersEnvoyes.Count)
        {
            return NotFound();
        }
        var verifie = await plis.VerifierAsync(reponse, index, ct);
        if (!verifie.Intact)
        {
            return StatusCode(StatusCodes.Status409Conflict, $"Ce fichier n'est pas servi : {verifie.Constat}.");
        }
        var fichier = verifie.Fichier;
        Response.ContentType = fichier.Nom.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream";
        Response.ContentLength = fichier.Taille;
        Telechargements.Nommer(Response, fichier.Nom);
        await coffre.DescellerFichierAsync(reponse.ConsultationId, LecturePlis.Stockage(reponse, fichier), Response.Body, ct);
        return new EmptyResult();
    }

    [HttpGet("plis/{reponseId:guid}/pli.zip")]
    public async Task<IActionResult> Zip(Guid consultationId, Guid reponseId, CancellationToken ct)
    {
        if (await plis.PliAsync(consultationId, reponseId, ct) is not var (reponse, consultation, _))
        {
            return NotFound();
        }
        await ArchivePli.EcrireAsync(HttpContext, reponse, coffre, await accuse.PdfAsync(reponse, consultation, ct), ct);
        return new EmptyResult();
    }
}
