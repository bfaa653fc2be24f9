namespace Sigma.Responses.Features.Editions;

/// <summary>
/// The editions of a response (Télécharger, Aperçu) and, once it is sent, the whole pli in one zip: only for the
/// accounts of the bidder's own organisation, decrypted on the way out.
/// </summary>
[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class EditionsController(Dossiers dossiers, Coffre coffre, AccuseReception accuse, Ecritures ecritures) : Controller
{
    /// <summary>An edition while it shows its form as it is (a later change puts it away).</summary>
    [HttpGet("reponses/{id:guid}/editions/{editionId:guid}")]
    public async Task<IActionResult> Telecharger(Guid id, Guid editionId, bool apercu, CancellationToken ct)
    {
        if (await dossiers.ChargerAsync(id, Acteur.De(User), ct) is not var (reponse, _) || reponse.Editions.FirstOrDefault(e => e.Id == editionId && reponse.EditionsDe(e.OffreId).Contains(e)) is not { } edition)
        {
            return NotFound();
        }
        Response.ContentType = "application/pdf";
        Response.ContentLength = edition.Taille;
        Telechargements.Nommer(Response, edition.Nom, enLigne: apercu);
        await coffre.DescellerFichierAsync(reponse.ConsultationId, Stockages.Edition(id, editionId), Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>« Télécharger l'ensemble des pièces »: every file of the receipt and the receipt itself, streamed as one zip (constant memory).</summary>
    [HttpGet("reponses/{id:guid}/pli.zip")]
    public async Task<IActionResult> Pli(Guid id, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation) || !reponse.EstEnvoyee)
        {
            return NotFound();
        }
        var recu = await accuse.PdfAsync(reponse, consultation, ct);
        await using (var ecriture = await ecritures.OuvrirAsync(id, acteur, ct, brouillon: false))
        {
            ecriture.Flux.AppendOne(new PliTelecharge(id, acteur.Identifiant, acteur.Nom, ecriture.Maintenant));
            await ecriture.Session.SaveChangesAsync(ct);
        }
        await ArchivePli.EcrireAsync(HttpContext, reponse, coffre, recu, ct);
        return new EmptyResult();
    }
}
