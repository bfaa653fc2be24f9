namespace Sigma.Responses.Features.Pieces;

/// <summary>The pieces of one form: each kind with whether it is required, and what is deposited.</summary>
public sealed record PiecesVue(Guid ReponseId, Guid? OffreId, IReadOnlyList<(CategoriePiece Categorie, bool Requise)> Categories, IReadOnlyList<PieceReponse> Pieces);
