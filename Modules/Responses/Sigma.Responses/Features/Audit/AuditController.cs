using JasperFx.Events;

namespace Sigma.Responses.Features.Audit;

public sealed record LigneAudit(Reponse Reponse, ConsultationConnue? Consultation);

/// <summary>One event of a response's history as an auditor reads it.</summary>
public sealed record EvenementAudit(long Version, DateTimeOffset Le, string Quoi, string Detail, string? Compte, string? CorrelationId);

public sealed record TimelineVue(Reponse Reponse, ConsultationConnue? Consultation, IReadOnlyList<EvenementAudit> Evenements, long? Version, Reponse? Etat)
{
    /// <summary>Whether the response's pli is opened: only then are contents (the diffs, the state's tabs) shown.</summary>
    public bool Ouvert { get; init; }

    /// <summary>What each form-saving event changed, by version (after the opening only).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<Changement>> Changements { get; init; } = new Dictionary<long, IReadOnlyList<Changement>>();

    /// <summary>The state at <see cref="Version"/> in the bidder's tabs, read-only (after the opening only).</summary>
    public Ouverture.OngletsLecture? Onglets { get; init; }
}

/// <summary>
/// The auditors' reading of the responses (read-only; agents may read it too): every response, and for each its whole
/// history event by event — what, who, from which account, when, in which operation — and its state at any version
/// (replayed from the events). Sealed contents are never shown here: only what the events say in clear.
/// </summary>
[Authorize(Policy = Policies.Auditeur)]
[Route("audit/reponses")]
public sealed class AuditController(IResponsesStore store, IMediator mediator, LecturePlis plis, Coffre coffre, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var reponses = await session.Query<Reponse>().OrderByDescending(r => r.CommenceeLe).Take(500).ToListAsync(ct);
        var consultations = (await session.LoadManyAsync<ConsultationConnue>(ct, reponses.Select(r => r.ConsultationId).Distinct())).ToDictionary(c => c.Id);
        return View("~/Features/Audit/Index.cshtml", reponses.Select(r => new LigneAudit(r, consultations.GetValueOrDefault(r.ConsultationId))).ToList());
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Timeline(Guid id, long? version, string? le, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var reponse = await session.LoadAsync<Reponse>(id, ct);
        if (reponse is null)
        {
            return NotFound();
        }
        var evenements = await session.Events.FetchStreamAsync(id, token: ct);
        // Time travel by time: the state as it was at that instant (Paris time), i.e. after the last event stamped until then.
        if (version is null && !string.IsNullOrWhiteSpace(le))
        {
            if (DateTime.TryParseExact(le, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var local))
            {
                var instant = ParisTime.FromParisWallClock(local);
                version = evenements.LastOrDefault(e => e.Timestamp <= instant)?.Version ?? 0;
                ViewData["Le"] = le;
                if (version == 0)
                {
                    ModelState.AddModelError("le", $"La réponse n'existait pas encore le {instant.AfficheALaSeconde()} : elle a été commencée le {reponse.CommenceeLe.AfficheALaSeconde()}.");
                }
            }
            else
            {
                ModelState.AddModelError("le", "Indiquez une date et une heure, par exemple 15/01/2027 14:30.");
                ViewData["Le"] = le;
            }
        }
        var etat = version is { } v && v >= 1 && v <= evenements.Count ? await session.Events.AggregateStreamAsync<Reponse>(id, version: v, token: ct) : null;
        var consultation = await session.LoadAsync<ConsultationConnue>(reponse.ConsultationId, ct);
        var ouvert = await plis.PliAsync(reponse.ConsultationId, id, ct) is not null;
        var vue = new TimelineVue(reponse, consultation, evenements.Select(Lire).ToList(), etat is null ? null : version, etat) { Ouvert = ouvert };
        if (ouvert && consultation is not null)
        {
            vue = vue with { Changements = await ChangementsAsync(reponse, evenements, ct), Onglets = etat is null ? null : await OngletsAsync(etat, consultation, ct) };
        }
        return View("~/Features/Audit/Timeline.cshtml", vue);
    }

    /// <summary>Each save of a form against the previous save of the same form (an offer's creation against an empty offer).</summary>
    private async Task<Dictionary<long, IReadOnlyList<Changement>>> ChangementsAsync(Reponse r, IReadOnlyList<IEvent> evenements, CancellationToken ct)
    {
        var changements = new Dictionary<long, IReadOnlyList<Changement>>();
        DonneesCandidature? candidature = null;
        var offres = new Dictionary<Guid, DonneesOffre>();
        foreach (var e in evenements)
        {
            switch (e.Data)
            {
                case CandidatureEnregistree c:
                    var nouvelle = await coffre.DescellerAsync<DonneesCandidature>(r.ConsultationId, r.Id, c.Contenu, ct);
                    changements[e.Version] = Differences.Entre(candidature ?? new DonneesCandidature(), nouvelle);
                    candidature = nouvelle;
                    break;
                case OffreCreee o:
                    var creee = await coffre.DescellerAsync<DonneesOffre>(r.ConsultationId, r.Id, o.Contenu, ct);
                    changements[e.Version] = Differences.Entre(new DonneesOffre(), creee);
                    offres[o.OffreId] = creee;
                    break;
                case OffreEnregistree o:
                    var enregistree = await coffre.DescellerAsync<DonneesOffre>(r.ConsultationId, r.Id, o.Contenu, ct);
                    changements[e.Version] = Differences.Entre(offres.GetValueOrDefault(o.OffreId) ?? new DonneesOffre(), enregistree);
                    offres[o.OffreId] = enregistree;
                    break;
            }
        }
        return changements;
    }

    private async Task<Ouverture.OngletsLecture> OngletsAsync(Reponse etat, ConsultationConnue consultation, CancellationToken ct)
    {
        var offres = new List<(OffreReponse, DonneesOffre)>();
        foreach (var o in etat.Offres.OrderBy(o => o.Lot))
        {
            offres.Add((o, await plis.OffreAsync(etat, o, ct)));
        }
        return new Ouverture.OngletsLecture(consultation, await plis.CandidatureAsync(etat, ct), offres,
            etat.PiecesDe(null).Select(p => (CataloguePieces.Libelle(p.Categorie), p.Nom)).ToList());
    }

    /// <summary>The whole history, as JSON (for tools) or as a PDF (to file): the same lines as the page.</summary>
    [HttpGet("{id:guid}/historique.{format:regex(^(json|pdf)$)}")]
    public async Task<IActionResult> Export(Guid id, string format, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var reponse = await session.LoadAsync<Reponse>(id, ct);
        if (reponse is null)
        {
            return NotFound();
        }
        var consultation = await session.LoadAsync<ConsultationConnue>(reponse.ConsultationId, ct);
        var evenements = (await session.Events.FetchStreamAsync(id, token: ct)).Select(Lire).ToList();
        var nom = $"Historique {consultation?.Reference} {reponse.Organisation}";
        if (format == "json")
        {
            Telechargements.Nommer(Response, nom + ".json");
            return Json(new { ReponseId = id, consultation?.Reference, reponse.Organisation, reponse.Siret, Evenements = evenements });
        }
        var rendu = await mediator.Send(new Sigma.Documents.Contracts.RendreDocument(Sigma.Documents.Contracts.ModeleDocument.HistoriqueReponse, "Historique d'une réponse",
            consultation?.Reference, new
            {
                consultation?.Reference, consultation?.Intitule, reponse.Organisation, reponse.Siret, EtabliLe = clock.GetUtcNow().AfficheALaSeconde(),
                Evenements = evenements.Select(e => new { e.Version, Le = e.Le.AfficheALaSeconde(), e.Quoi, e.Detail, e.Compte, e.CorrelationId }).ToList(),
            }), ct);
        return File(rendu.Pdf, "application/pdf", nom + ".pdf");
    }

    private static EvenementAudit Lire(IEvent e)
    {
        var (quoi, detail) = Decrire(e.Data);
        return new EvenementAudit(e.Version, e.Timestamp, quoi, detail, e.UserName, e.CorrelationId);
    }

    /// <summary>What an event says, in French, from its clear fields only (form contents travel sealed).</summary>
    public static (string Quoi, string Detail) Decrire(object donnees) => donnees switch
    {
        ReponseCommencee e => ("Réponse commencée", $"par {e.NomPar} ({e.Par}) pour {e.Organisation}, SIRET {e.Siret}"),
        CandidatureEnregistree e => ("Candidature enregistrée", $"onglet « {Candidature.OngletsCandidature.Libelle(e.Onglet)} » par {e.NomPar} ({e.Par}) — contenu scellé ({Francais.Taille(e.Contenu.Length)})"),
        CandidatureValidee e => ("Candidature validée", $"par {e.NomPar} ({e.Par})"),
        OffreCreee e => ("Offre créée", $"lot {e.Lot} par {e.NomPar} ({e.Par})"),
        OffreEnregistree e => ("Offre enregistrée", $"onglet « {Offre.OngletsOffre.Libelle(e.Onglet)} » par {e.NomPar} ({e.Par}) — contenu scellé ({Francais.Taille(e.Contenu.Length)})"),
        OffreValidee e => ("Offre validée", $"par {e.NomPar} ({e.Par})"),
        OffreSupprimee e => ("Offre supprimée", $"par {e.NomPar} ({e.Par})"),
        PieceDeposee e => ("Pièce déposée", $"« {e.Nom} » ({CataloguePieces.Libelle(e.Categorie)}, {Francais.Taille(e.Taille)}, SHA-256 {e.Sha256}) par {e.NomPar} ({e.Par})"),
        PieceRetiree e => ("Pièce retirée", $"par {e.NomPar} ({e.Par})"),
        EditionsGenerees e => ("Éditions générées", $"{string.Join(", ", e.Editions.Select(x => x.Libelle))} — scellées, par {e.NomPar} ({e.Par})"),
        ReponseEnvoyee e => ("Réponse envoyée", $"accusé de réception {e.NumeroAccuse}, {Francais.Nombre(e.Fichiers.Count, "fichier", "fichiers")}, lots {string.Join(", ", e.Lots)}, par {e.NomPar} ({e.Par})"),
        PliTelecharge e => ("Pli téléchargé", $"par le soumissionnaire {e.NomPar} ({e.Par})"),
        _ => (donnees.GetType().Name, ""),
    };
}
