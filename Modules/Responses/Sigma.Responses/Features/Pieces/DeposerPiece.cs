using Sigma.BuildingBlocks.Stockage;

namespace Sigma.Responses.Features.Pieces;

/// <summary>A piece streamed from the request into sealed storage, its SHA-256 computed on the way.</summary>
public sealed record DeposerPiece(Guid ReponseId, Guid? OffreId, CategoriePiece Categorie, string NomFichier, Stream Contenu, Acteur Acteur) : IRequest<Guid>;

public sealed record RetirerPiece(Guid ReponseId, Guid PieceId, Acteur Acteur) : IRequest<Unit>;

internal sealed class DeposerPieceHandler(Ecritures ecritures, Coffre coffre, StockageFichiers stockage) : IRequestHandler<DeposerPiece, Guid>
{
    public async Task<Guid> Handle(DeposerPiece r, CancellationToken ct)
    {
        var nom = CataloguePieces.NomSur(r.NomFichier);
        if (!CataloguePieces.ExtensionAutorisee(nom))
        {
            throw new DomainException($"Le type du fichier « {nom} » n'est pas accepté. Types acceptés : {string.Join(", ", CataloguePieces.ExtensionsAutorisees)}.", "Fichier");
        }
        await using var ecriture = await ecritures.OuvrirAsync(r.ReponseId, r.Acteur, ct);
        var (session, flux, reponse) = (ecriture.Session, ecriture.Flux, ecriture.Reponse);
        var pieceId = Guid.NewGuid();
        // The decision is checked before the upload (no point storing a refused piece) and again after it.
        reponse.DeposerPiece(pieceId, r.OffreId, r.Categorie, nom, 0, "", r.Acteur.Identifiant, r.Acteur.Nom, ecriture.Maintenant);
        var cle = Stockages.Piece(reponse.Id, pieceId);
        var (taille, sha) = await coffre.ScellerFichierAsync(reponse.ConsultationId, cle, r.Contenu, CataloguePieces.TailleMax, ct);
        try
        {
            if (taille == 0)
            {
                throw new DomainException($"Le fichier « {nom} » est vide.", "Fichier");
            }
                flux.AppendOne(reponse.DeposerPiece(pieceId, r.OffreId, r.Categorie, nom, taille, sha, r.Acteur.Identifiant, r.Acteur.Nom, ecriture.Maintenant));
            await session.SaveChangesAsync(ct);
        }
        catch
        {
            stockage.Supprimer(cle);
            throw;
        }
        return pieceId;
    }
}

internal sealed class RetirerPieceHandler(Ecritures ecritures) : IRequestHandler<RetirerPiece, Unit>
{
    // The sealed file stays on disk: the history shows it was deposited, then withdrawn.
    public Task<Unit> Handle(RetirerPiece r, CancellationToken ct) =>
        ecritures.DeciderAsync(r.ReponseId, r.Acteur, (reponse, maintenant) => reponse.RetirerPiece(r.PieceId, r.Acteur.Identifiant, r.Acteur.Nom, maintenant), ct);
}
