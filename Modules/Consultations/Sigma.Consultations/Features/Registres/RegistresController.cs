namespace Sigma.Consultations.Features.Registres;

/// <summary>
/// The registries of a consultation, for the agents: downloads (retraits), questions, deposits (from the receipts only:
/// the responses stay sealed), as pages and as CSV through the one writer.
/// </summary>
[Authorize(Policy = Policies.Agent)]
[Route("back-office/consultations/{id:guid}/registres")]
public sealed class RegistresController(IConsultationsStore store) : Controller
{
    [HttpGet("retraits")]
    public Task<IActionResult> Retraits(Guid id, CancellationToken ct) => PageAsync(id, "Retraits", async (session, _) =>
        await session.Query<Retrait>().Where(r => r.ConsultationId == id).OrderByDescending(r => r.RetireLe).ToListAsync(ct), ct);

    [HttpGet("depots")]
    public Task<IActionResult> Depots(Guid id, CancellationToken ct) => PageAsync(id, "Depots", async (session, _) =>
        await session.Query<Depot>().Where(d => d.ConsultationId == id).OrderBy(d => d.RecuLe).ToListAsync(ct), ct);

    [HttpGet("retraits.csv")]
    public Task<IActionResult> RetraitsCsv(Guid id, CancellationToken ct) => CsvAsync(id, async (session, _) =>
    {
        var retraits = await session.Query<Retrait>().Where(r => r.ConsultationId == id).OrderBy(r => r.RetireLe).ToListAsync(ct);
        return RegistreCsv.Fichier($"registre-retraits-{id:N}.csv",
            ["Date", "Version DCE", "Complet", "Fichiers", "Nom", "Adresse électronique", "Organisme", "Anonyme"],
            retraits.Select(r => new object?[]
            {
                r.RetireLe.Affiche(), r.Version, r.Complet ? "oui" : "non", string.Join(", ", r.Fichiers), r.Nom, r.Email, r.Organisme, r.Anonyme ? "oui" : "non",
            }));
    }, ct);

    [HttpGet("questions.csv")]
    public Task<IActionResult> QuestionsCsv(Guid id, CancellationToken ct) => CsvAsync(id, (_, consultation) =>
        Task.FromResult(RegistreCsv.Fichier($"registre-questions-{consultation.Reference}.csv",
            ["Posée le", "Identifiant", "Adresse électronique", "Question", "Répondue le", "Réponse", "Répondue par"],
            consultation.Questions.Select(q => new object?[]
            {
                q.PoseeLe.Affiche(), q.Identifiant, q.Email, q.Texte, q.RepondueLe?.Affiche() ?? "", q.Reponse, q.RepondueePar,
            }))), ct);

    [HttpGet("depots.csv")]
    public Task<IActionResult> DepotsCsv(Guid id, CancellationToken ct) => CsvAsync(id, async (session, consultation) =>
    {
        var depots = await session.Query<Depot>().Where(d => d.ConsultationId == id).OrderBy(d => d.RecuLe).ToListAsync(ct);
        return RegistreCsv.Fichier($"registre-depots-{consultation.Reference}.csv",
            ["Reçue le", "N° d'accusé de réception", "Organisme", "SIRET", "Déposant", "Adresse électronique", "Lots", "Fichiers", "Octets"],
            depots.Select(d => new object?[]
            {
                d.RecuLe.AfficheALaSeconde(), d.NumeroAccuse, d.Organisation, d.Siret, d.Deposant, d.Email, string.Join(", ", d.Lots), d.NombreFichiers, d.TailleTotale,
            }));
    }, ct);

    /// <summary>A registry page of an existing consultation (404 otherwise), the consultation in ViewData.</summary>
    private async Task<IActionResult> PageAsync<T>(Guid id, string vue, Func<IQuerySession, Consultation, Task<T>> lignes, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Consultation>(id, ct) is not { } consultation)
        {
            return NotFound();
        }
        ViewData["Consultation"] = consultation;
        return View(vue, await lignes(session, consultation));
    }

    private async Task<IActionResult> CsvAsync(Guid id, Func<IQuerySession, Consultation, Task<FileContentResult>> fichier, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Consultation>(id, ct) is { } consultation ? await fichier(session, consultation) : NotFound();
    }
}
