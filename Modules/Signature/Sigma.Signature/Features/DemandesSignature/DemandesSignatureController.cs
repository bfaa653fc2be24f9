using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Signature.Integration;
using Sigma.Signature.Features.VerifierSignature;
using Sigma.Signature.Infrastructure.Demandes;

namespace Sigma.Signature.Features.DemandesSignature;

/// <summary>The fields of « Signer dans Sigma »: the certificate serves this one signature and is never kept.</summary>
public sealed record SignatureSaisie(IFormFile? Certificat, string? MotDePasse);

/// <summary>The field of « Déposer le document signé avec un autre outil ».</summary>
public sealed record DepotSaisie(IFormFile? Fichier);

public sealed record DemandeVue(DemandeSignature Demande, RapportVerification? Rapport, bool EstAgent);

/// <summary>The notification phase: the award asks (see Integration/Attributions.cs), bidders sign (in Sigma or elsewhere), agents read the verification report.</summary>
[Authorize(Policy = Policies.CompteRattache)]
[Route("signature/demandes")]
public sealed class DemandesSignatureController(IMediator mediator, ISignatureStore store, StockageFichiers stockage) : Controller
{
    private bool EstAgent => User.IsInRole(Roles.Agent) || User.IsInRole(Roles.Auditeur);

    private Guid? Organisation => Guid.TryParse(User.FindFirstValue(SigmaClaims.OrganisationId), out var o) ? o : null;

    private Acteur Moi => Acteur.De(User);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var demandes = EstAgent
            ? await session.Query<DemandeSignature>().OrderByDescending(d => d.DemandeeLe).Take(500).ToListAsync(ct)
            : await session.Query<DemandeSignature>().Where(d => d.OrganisationId == Organisation).OrderByDescending(d => d.DemandeeLe).ToListAsync(ct);
        ViewData["EstAgent"] = EstAgent;
        return View("~/Features/DemandesSignature/Index.cshtml", demandes);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken ct)
    {
        if (await ChargerAsync(id, ct) is not { } demande)
        {
            return NotFound();
        }
        return Vue(demande);
    }

    [HttpGet("{id:guid}/document")]
    public async Task<IActionResult> Document(Guid id, CancellationToken ct) =>
        await ChargerAsync(id, ct) is { } d ? File(stockage.Ouvrir(DemandesSignatureHandlers.CleOriginal(id)), "application/pdf", d.Document) : NotFound();

    [HttpGet("{id:guid}/versions/{version:guid}")]
    public async Task<IActionResult> Version(Guid id, Guid version, CancellationToken ct) =>
        await ChargerAsync(id, ct) is { } d && d.Versions.FirstOrDefault(v => v.Id == version) is { } v
            ? File(stockage.Ouvrir(DemandesSignatureHandlers.CleVersion(id, version)), "application/octet-stream", v.Nom) : NotFound();

    [HttpPost("{id:guid}/signer")]
    [Authorize(Policy = Policies.Soumissionnaire)]
    [RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Signer(Guid id, [FromForm] SignatureSaisie saisie, CancellationToken ct)
    {
        if (saisie.Certificat is not { Length: > 0 and <= 64 * 1024 } certificat)
        {
            ModelState.AddModelError(nameof(saisie.Certificat), "Choisissez votre certificat de signature (fichier .p12 ou .pfx).");
            return await RevoirAsync(id, ct);
        }
        using var memoire = new MemoryStream();
        await certificat.CopyToAsync(memoire, ct);
        return await ExecuterAsync(id, new SignerDansSigma(id, memoire.ToArray(), saisie.MotDePasse, Moi), nameof(saisie.Certificat), ct);
    }

    [HttpPost("{id:guid}/deposer")]
    [Authorize(Policy = Policies.Soumissionnaire)]
    [RequestSizeLimit(DemandesSignatureHandlers.TailleMax + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = DemandesSignatureHandlers.TailleMax + 1024 * 1024)]
    public async Task<IActionResult> Deposer(Guid id, [FromForm] DepotSaisie saisie, CancellationToken ct)
    {
        if (saisie.Fichier is not { Length: > 0 and <= DemandesSignatureHandlers.TailleMax } fichier)
        {
            ModelState.AddModelError(nameof(saisie.Fichier), "Choisissez le document signé (PDF signé, 20 Mo au plus).");
            return await RevoirAsync(id, ct);
        }
        using var memoire = new MemoryStream();
        await fichier.CopyToAsync(memoire, ct);
        return await ExecuterAsync(id, new DeposerDocumentSigne(id, fichier.FileName, memoire.ToArray(), Moi), nameof(saisie.Fichier), ct);
    }

    private async Task<IActionResult> ExecuterAsync(Guid id, IRequest<Verdict> demande, string champ, CancellationToken ct)
    {
        return await this.EnvoyerAsync(mediator, demande, verdict =>
        {
            // A doubtful result is not shown as a success.
            TempData[verdict == Verdict.Valide ? "Message" : "Avertissement"] = verdict == Verdict.Valide
                ? "Le document signé est déposé et sa signature est valide. La Région en est informée."
                : $"Le document signé est déposé, mais la vérification conclut : {verdict.Libelle()}. Consultez le rapport ci-dessous.";
            return Task.FromResult<IActionResult>(RedirectToAction(nameof(Detail), new { id }));
        }, _ => RevoirAsync(id, ct), ct, champParDefaut: champ); // a refusal without a field: next to this form's field
    }

    private async Task<IActionResult> RevoirAsync(Guid id, CancellationToken ct) => await ChargerAsync(id, ct) is { } d ? Vue(d) : NotFound();

    private ViewResult Vue(DemandeSignature demande)
    {
        var rapport = demande.Derniere is { } v ? JsonSerializer.Deserialize<RapportVerification>(v.RapportJson, RapportJson.Options) : null;
        return View("~/Features/DemandesSignature/Detail.cshtml", new DemandeVue(demande, rapport, EstAgent));
    }

    private async Task<DemandeSignature?> ChargerAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var demande = await session.LoadAsync<DemandeSignature>(id, ct);
        return demande is not null && (EstAgent || demande.OrganisationId == Organisation) ? demande : null;
    }
}
