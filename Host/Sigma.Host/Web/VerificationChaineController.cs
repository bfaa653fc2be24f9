using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Persistence.Chaine;

namespace Sigma.Host.Web;

public sealed record VerificationVue(IReadOnlyList<VerificationModule>? Resultats, IReadOnlyList<(string Module, PointDeControleChaine? Point)> Points);

/// <summary>
/// The auditors' verification of the history: every module's events recomputed link by link against their chain, and
/// against the last checkpoint; the first broken link named (module, stream, version, event). Read-only; taking a
/// checkpoint now (they are also taken every ten minutes) only adds one.
/// </summary>
[Authorize(Policy = Policies.Auditeur)]
[Route("audit/verification")]
public sealed class VerificationChaineController(Chaines chaines, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("~/Views/Audit/Verification.cshtml", new VerificationVue(null, await PointsAsync(ct)));

    [HttpGet("rapport")]
    public async Task<IActionResult> Rapport(CancellationToken ct) =>
        View("~/Views/Audit/Verification.cshtml", new VerificationVue(await chaines.VerifierAsync(ct), await PointsAsync(ct)));

    [HttpPost("point-de-controle")]
    public async Task<IActionResult> PointDeControle(CancellationToken ct)
    {
        await chaines.PrendrePointsDeControleAsync(ct);
        TempData["Message"] = "Un point de contrôle est pris pour chaque module (jusqu'à il y a une minute).";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IReadOnlyList<(string, PointDeControleChaine?)>> PointsAsync(CancellationToken ct)
    {
        var points = new List<(string, PointDeControleChaine?)>();
        foreach (var module in chaines.Modules)
        {
            points.Add((module.Schema, await chaines.PointEnVigueurAsync(module.Schema, clock.GetUtcNow(), ct)));
        }
        return points;
    }
}

/// <summary>The checkpoints every ten minutes (Hangfire; a second run of a job only adds a checkpoint).</summary>
public sealed class PointsDeControleJob(Chaines chaines)
{
    public const string Id = "points-de-controle";

    [DisableConcurrentExecution(600)]
    [AutomaticRetry(Attempts = 3)]
    public Task PrendreAsync(CancellationToken ct) => chaines.PrendrePointsDeControleAsync(ct);
}
