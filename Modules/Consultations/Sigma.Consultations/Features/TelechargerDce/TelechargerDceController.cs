using System.IO.Compression;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Consultations.Features.DetailConsultation;
using Sigma.Consultations.Features.GererConsultation;

namespace Sigma.Consultations.Features.TelechargerDce;

/// <summary>
/// Downloads the current DCE, whole or in part, as one zip streamed file by file (memory stays flat whatever the size).
/// Every download is written to the registre des retraits; an identified downloader is registered for the alerts.
/// </summary>
[AllowAnonymous]
public sealed class TelechargerDceController(IConsultationsStore store, StockageFichiers stockage, TimeProvider clock) : Controller
{
    [HttpPost("consultations/{id:guid}/dce")]
    public async Task<IActionResult> Telecharger(Guid id, List<Guid>? fichiers, string? nom, string? email, string? organisme, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var consultation = await session.LoadAsync<Consultation>(id, ct);
        if (consultation is null || !consultation.EstPubliee || consultation.DceCourant is null)
        {
            return NotFound();
        }
        var dce = consultation.DceCourant;
        var choisis = dce.Fichiers.Where(f => fichiers?.Contains(f.FichierId) == true).ToList();
        if (choisis.Count == 0)
        {
            ModelState.AddModelError("Telechargement", "Cochez au moins un fichier à télécharger.");
        }
        if (User.Identity?.IsAuthenticated == true)
        {
            email = User.FindFirstValue(ClaimTypes.Email);
            nom = User.FindFirstValue(SigmaClaims.NomComplet);
        }
        else if (!string.IsNullOrWhiteSpace(email) && !System.Text.RegularExpressions.Regex.IsMatch(email.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
        {
            ModelState.AddModelError("Email", "L'adresse électronique n'est pas valide (ex. : nom@organisme.fr). Laissez-la vide pour un téléchargement anonyme.");
        }
        if (!ModelState.IsValid)
        {
            Guid? compteId = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var c) ? c : null;
            return View("~/Features/DetailConsultation/Index.cshtml", new DetailVue(consultation, clock.GetUtcNow(), compteId));
        }

        var maintenant = clock.GetUtcNow();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        session.Store(new Retrait
        {
            Id = Guid.NewGuid(), ConsultationId = id, Version = dce.Numero, Complet = choisis.Count == dce.Fichiers.Count,
            Fichiers = choisis.Select(f => f.Nom).ToList(), CompteId = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var cid) ? cid : null,
            Nom = string.IsNullOrWhiteSpace(nom) ? null : nom.Trim(), Email = email, Organisme = string.IsNullOrWhiteSpace(organisme) ? null : organisme.Trim(),
            RetireLe = maintenant,
        });
        if (email is not null)
        {
            var cle = Abonnement.Cle(id, email);
            if (await session.LoadAsync<Abonnement>(cle, ct) is null)
            {
                session.Store(new Abonnement { Id = cle, ConsultationId = id, Email = email, Nom = nom?.Trim(), Depuis = maintenant });
            }
        }
        await session.SaveChangesAsync(ct);

        HttpContext.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        Response.ContentType = "application/zip";
        Sigma.BuildingBlocks.Web.Telechargements.Nommer(Response, $"DCE-{consultation.Reference}-v{dce.Numero}.zip");
        using (var zip = new ZipArchive(Response.Body, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var f in choisis)
            {
                var entree = zip.CreateEntry(f.Nom, CompressionLevel.NoCompression);
                await using var destination = entree.Open();
                await using var source = stockage.Ouvrir(DeposerDceHandler.Cle(id, f.FichierId));
                await source.CopyToAsync(destination, 81920, ct);
            }
        }
        return new EmptyResult();
    }
}
