namespace Sigma.Consultations.Features.AuditConsultations;

/// <summary>One line of a consultation's history: an event of its stream, a download, a deposit, or what the Responses module told.</summary>
public sealed record LigneHistorique(DateTimeOffset Le, string Quoi, string Detail, string? Compte, string? CorrelationId);

public sealed record HistoriqueConsultationVue(Consultation Consultation, IReadOnlyList<LigneHistorique> Lignes);

/// <summary>
/// The auditors' history of a consultation (read-only; agents too): creation, DCE versions, publication, deadline
/// changes, questions and answers, every download, every deposit, the opening, the award and notification of each lot, and
/// the signature requests and deposits that follow (as the other modules told it).
/// </summary>
[Authorize(Policy = Policies.Auditeur)]
[Route("audit/consultations")]
public sealed class AuditConsultationsController(IConsultationsStore store) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return View("~/Features/AuditConsultations/Index.cshtml", await session.Query<Consultation>().OrderByDescending(c => c.CreeeLe).ToListAsync(ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Historique(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var consultation = await session.LoadAsync<Consultation>(id, ct);
        if (consultation is null)
        {
            return NotFound();
        }
        var lignes = new List<LigneHistorique>();
        foreach (var e in await session.Events.FetchStreamAsync(id, token: ct))
        {
            var (quoi, detail) = Decrire(e.Data);
            lignes.Add(new LigneHistorique(e.Timestamp, quoi, detail, e.UserName, e.CorrelationId));
        }
        foreach (var r in await session.Query<Retrait>().Where(r => r.ConsultationId == id).ToListAsync(ct))
        {
            lignes.Add(new LigneHistorique(r.RetireLe, "DCE retiré", $"version {r.Version}, {(r.Complet ? "complet" : string.Join(", ", r.Fichiers))} — "
                + (r.Anonyme ? "anonyme" : $"{r.Nom} ({r.Email}){(r.Organisme is null ? "" : $", {r.Organisme}")}"), null, null));
        }
        foreach (var d in await session.Query<Depot>().Where(d => d.ConsultationId == id).ToListAsync(ct))
        {
            lignes.Add(new LigneHistorique(d.RecuLe, "Pli reçu", $"{d.Organisation} (SIRET {d.Siret}), accusé {d.NumeroAccuse}, {Francais.Nombre(d.NombreFichiers, "fichier", "fichiers")} "
                + $"({Francais.Taille(d.TailleTotale)}), lots {string.Join(", ", d.Lots)}, déposé par {d.Deposant}", null, null));
        }
        foreach (var j in await session.Query<Integration.JournalConsultation>().Where(j => j.ConsultationId == id).ToListAsync(ct))
        {
            lignes.Add(new LigneHistorique(j.Le, j.Quoi, j.Detail, j.Par, null));
        }
        return View("~/Features/AuditConsultations/Historique.cshtml", new HistoriqueConsultationVue(consultation, lignes.OrderBy(l => l.Le).ToList()));
    }

    public static (string Quoi, string Detail) Decrire(object donnees) => donnees switch
    {
        ConsultationCreee e => ("Consultation créée", $"{e.Reference} — {e.Intitule}, {Francais.Nombre(e.Lots.Count, "lot", "lots")}, date limite {ParisTime.AfficheALaSeconde(e.DateLimite)}"),
        DceVersionDeposee e => ("DCE déposé", $"version {e.Version} : {string.Join(", ", e.Fichiers.Select(f => $"{f.Nom} ({Francais.Taille(f.Taille)})"))} — « {e.Note} »"),
        ConsultationPubliee _ => ("Consultation publiée", ""),
        DateLimiteProrogee e => ("Date limite prorogée", $"du {ParisTime.AfficheALaSeconde(e.AncienneDate)} au {ParisTime.AfficheALaSeconde(e.NouvelleDate)} — motif : {e.Motif}"),
        QuestionPosee e => ("Question posée", $"par {e.Identifiant} : « {e.Texte} »"),
        QuestionRepondue e => ("Réponse publiée", $"« {e.Reponse} »"),
        _ => (donnees.GetType().Name, ""),
    };
}
