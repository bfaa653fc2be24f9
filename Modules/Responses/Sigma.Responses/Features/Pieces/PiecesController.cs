using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Responses.Features.Candidature;
using Sigma.Responses.Features.Offre;

namespace Sigma.Responses.Features.Pieces;

[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class PiecesController(IMediator mediator, IAntiforgery antiforgery, Dossiers dossiers, Coffre coffre,
    ILogger<PiecesController> logger) : Controller
{
    /// <summary>
    /// The upload is read section by section and streamed to sealed storage: the form fields (antiforgery token, kind of
    /// piece) come before the file in the page, so they are checked before a byte of the file is stored.
    /// </summary>
    [HttpPost("reponses/{id:guid}/pieces")]
    [IgnoreAntiforgeryToken]
    [FluxSansFormulaire]
    [RequestSizeLimit(CataloguePieces.TailleMax + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = CataloguePieces.TailleMax + 1024 * 1024)]
    public async Task<IActionResult> Deposer(Guid id, Guid? offre, CancellationToken ct)
    {
        var retour = Retour(id, offre);
        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } frontiere)
        {
            return BadRequest();
        }
        var lecteur = new MultipartReader(frontiere, Request.Body, ScellementEnFlux.TailleBloc);
        var champs = new Dictionary<string, string>();
        var categorieChoisie = "";
        try
        {
            for (var section = await lecteur.ReadNextSectionAsync(ct); section is not null; section = await lecteur.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }
                if (!disposition.IsFileDisposition())
                {
                    using var texte = new StreamReader(section.Body);
                    var valeur = new char[4096];
                    var lus = await texte.ReadBlockAsync(valeur, ct);
                    champs[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = new string(valeur, 0, lus);
                    continue;
                }
                Request.Headers["RequestVerificationToken"] = champs.GetValueOrDefault("__RequestVerificationToken", "");
                await antiforgery.ValidateRequestAsync(HttpContext);
                var nom = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                if (nom.Length == 0)
                {
                    throw new DomainException("Choisissez un fichier à déposer.", "Fichier");
                }
                categorieChoisie = champs.GetValueOrDefault("categorie", "");
                if (!Enum.TryParse<CategoriePiece>(categorieChoisie, out var categorie))
                {
                    throw new DomainException("Choisissez le type de pièce.", "Categorie");
                }
                await mediator.Send(new DeposerPiece(id, offre, categorie, nom, section.Body, Acteur.De(User)), ct);
                TempData["Message"] = $"La pièce « {CataloguePieces.NomSur(nom)} » est déposée et scellée. Le formulaire est repassé en brouillon : validez-le de nouveau.";
                return Redirect(retour);
            }
            throw new DomainException("Choisissez un fichier à déposer.", "Fichier");
        }
        catch (Exception illisible) when (illisible is AntiforgeryValidationException or InvalidDataException
            || (illisible is IOException && !ct.IsCancellationRequested && illisible is not FichierTropGrosException))
        {
            // No token before the file, or a body cut short or malformed: nothing was kept of it (the piece is stored
            // only once whole), and the French 400 page says to reload the form.
            logger.LogWarning(illisible, "Dépôt de pièce refusé sur la réponse {Reponse} : requête illisible", id);
            return BadRequest();
        }
        catch (Exception refus) when (refus is DomainException or FichierTropGrosException)
        {
            // Shown next to the upload field of that kind of piece.
            TempData["ErreurPiece"] = refus.Message;
            TempData["ErreurPieceCategorie"] = categorieChoisie;
            return Redirect(retour + "#depot-" + categorieChoisie);
        }
    }

    [HttpPost("reponses/{id:guid}/pieces/{pieceId:guid}/retirer")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Retirer(Guid id, Guid pieceId, Guid? offre, CancellationToken ct) =>
        this.ExecuterAsync(mediator, new RetirerPiece(id, pieceId, Acteur.De(User)), _ => "La pièce est retirée.", Retour(id, offre), ct);

    /// <summary>The tab that lists the pieces: the candidature's, or the offer's first tab.</summary>
    private string Retour(Guid id, Guid? offre) => offre is null
        ? Url.RouteUrl(CandidatureController.RouteOnglet, new { id, onglet = "pieces" })!
        : Url.RouteUrl(OffreController.RouteOnglet, new { id, offreId = offre, onglet = "offre" })!;

    /// <summary>A bidder re-reads a piece of their draft; once sent, the response is sealed until the opening.</summary>
    [HttpGet("reponses/{id:guid}/pieces/{pieceId:guid}")]
    public async Task<IActionResult> Telecharger(Guid id, Guid pieceId, CancellationToken ct)
    {
        if (await dossiers.ChargerAsync(id, Acteur.De(User), ct) is not var (reponse, _) || reponse.Pieces.FirstOrDefault(p => p.Id == pieceId) is not { } piece)
        {
            return NotFound();
        }
        if (reponse.EstEnvoyee)
        {
            return StatusCode(StatusCodes.Status403Forbidden, "Cette réponse est envoyée : elle est scellée jusqu'à l'ouverture des plis.");
        }
        Response.ContentType = "application/octet-stream";
        Response.ContentLength = piece.Taille;
        Telechargements.Nommer(Response, piece.Nom);
        await coffre.DescellerFichierAsync(reponse.ConsultationId, Stockages.Piece(id, pieceId), Response.Body, ct);
        return new EmptyResult();
    }
}
