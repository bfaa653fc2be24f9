using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Domain;
using Sigma.BuildingBlocks.Pdf;
using Sigma.BuildingBlocks.Time;
using Sigma.BuildingBlocks.Web;
using Sigma.Responses.Domain;
using Sigma.Responses.Features.MesReponses;
using Sigma.Responses.Infrastructure;

namespace Sigma.Responses.Features.EnvoyerReponse;

[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class EnvoyerReponseController(IMediator mediator, Dossiers dossiers, TimeProvider clock, IConfiguration configuration) : Controller
{
    [HttpGet("reponses/{id:guid}/envoyer")]
    public async Task<IActionResult> Confirmer(Guid id, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation))
        {
            return NotFound();
        }
        return reponse.EstEnvoyee ? Redirect($"/reponses/{id}/accuse")
            : View("~/Features/EnvoyerReponse/Confirmer.cshtml", new DossierVue(reponse, consultation, clock.GetUtcNow(), acteur));
    }

    [HttpPost("reponses/{id:guid}/envoyer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Envoyer(Guid id, CancellationToken ct)
    {
        // The request is fully read (the antiforgery filter read its form): this instant decides against the deadline.
        var recueLe = clock.GetUtcNow();
        var acteur = Acteur.De(User);
        return await this.EnvoyerAsync(mediator, new EnvoyerReponse(id, recueLe, Urls.Publique(configuration), acteur), numero =>
        {
            TempData["Message"] = $"Votre réponse est envoyée. Accusé de réception n° {numero} ; il vous est aussi envoyé par courriel.";
            return Redirect($"/reponses/{id}/accuse");
        }, async () => await dossiers.ChargerAsync(id, acteur, ct) is var (reponse, consultation)
            ? View("~/Features/EnvoyerReponse/Confirmer.cshtml", new DossierVue(reponse, consultation, clock.GetUtcNow(), acteur))
            : NotFound(), ct);
    }

    [HttpGet("reponses/{id:guid}/accuse")]
    public async Task<IActionResult> Accuse(Guid id, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation) || !reponse.EstEnvoyee)
        {
            return NotFound();
        }
        return View("~/Features/EnvoyerReponse/Accuse.cshtml", new DossierVue(reponse, consultation, clock.GetUtcNow(), acteur));
    }

    [HttpGet("reponses/{id:guid}/accuse.pdf")]
    public async Task<IActionResult> AccusePdf(Guid id, CancellationToken ct)
    {
        if (await dossiers.ChargerAsync(id, Acteur.De(User), ct) is not var (reponse, consultation) || !reponse.EstEnvoyee)
        {
            return NotFound();
        }
        return File(AccuseReception.Pdf(reponse, consultation), "application/pdf", $"{reponse.NumeroAccuse}.pdf");
    }
}

/// <summary>The receipt as a PDF: depositor, organisation, consultation, lots, the instant to the second, each file with its size and SHA-256.</summary>
internal static class AccuseReception
{
    public static byte[] Pdf(Reponse r, ConsultationConnue c)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var pdf = new PagesPdf();
        pdf.Texte("Accusé de réception d'une réponse électronique", 16, gras: true);
        pdf.Texte($"N° {r.NumeroAccuse}", 11, gras: true);
        pdf.Espace();
        pdf.Filet();
        pdf.Texte($"Consultation : {c.Reference} — {c.Intitule}");
        pdf.Texte($"Date limite de remise des réponses : {c.DateLimite.AfficheALaSeconde()} (heure de Paris)");
        pdf.Texte($"Réponse reçue le : {r.EnvoyeeLe!.Value.AfficheALaSeconde()} (heure de Paris) — {r.EnvoyeeLe.Value.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} UTC", gras: true);
        pdf.Texte($"Déposant : {r.EnvoyeePar}");
        pdf.Texte($"Organisme : {r.Organisation} — SIRET {r.Siret}");
        pdf.Texte($"Lots : {string.Join(", ", r.LotsEnvoyes.Select(n => $"lot {n} ({c.Lot(n)?.Intitule})"))}");
        pdf.Espace();
        pdf.Texte("Fichiers reçus", 12, gras: true);
        foreach (var f in r.FichiersEnvoyes)
        {
            pdf.Texte($"{f.Formulaire} — {f.Piece}", 9, gras: true);
            pdf.Texte($"{f.Nom} — {f.Taille.ToString("N0", fr)} octets", 9, retrait: 10);
            pdf.Texte($"SHA-256 : {f.Sha256}", 8, retrait: 10);
        }
        pdf.Espace();
        pdf.Filet();
        pdf.Texte("La réponse est définitive. Elle est conservée chiffrée et scellée jusqu'à l'ouverture des plis par la Région, après la date limite. "
            + "Les empreintes SHA-256 permettent de vérifier que chaque fichier ouvert est bien celui qui a été reçu.", 9);
        return pdf.Produire($"Accusé de réception {r.NumeroAccuse}");
    }
}
