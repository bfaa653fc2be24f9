namespace Sigma.Responses.Domain;

// Every event says who did it (identifiant and full name) and when. Form contents travel sealed: AES-GCM under the
// consultation's key, which is itself wrapped by a master key kept outside the database.

public sealed record ReponseCommencee(
    Guid ReponseId, Guid ConsultationId, Guid CompteId, Guid OrganisationId, string Organisation, string Siret,
    string Par, string NomPar, string EmailPar, DateTimeOffset Le);

public sealed record CandidatureEnregistree(Guid ReponseId, string Onglet, byte[] Contenu, string Par, string NomPar, DateTimeOffset Le);

public sealed record CandidatureValidee(Guid ReponseId, string Par, string NomPar, DateTimeOffset Le);

public sealed record OffreCreee(Guid ReponseId, Guid OffreId, int Lot, byte[] Contenu, string Par, string NomPar, DateTimeOffset Le);

public sealed record OffreEnregistree(Guid ReponseId, Guid OffreId, string Onglet, byte[] Contenu, string Par, string NomPar, DateTimeOffset Le);

public sealed record OffreValidee(Guid ReponseId, Guid OffreId, string Par, string NomPar, DateTimeOffset Le);

public sealed record OffreSupprimee(Guid ReponseId, Guid OffreId, string Par, string NomPar, DateTimeOffset Le);

/// <summary>A piece streamed to sealed storage; <paramref name="OffreId"/> is null for a candidature piece.</summary>
public sealed record PieceDeposee(
    Guid ReponseId, Guid PieceId, Guid? OffreId, CategoriePiece Categorie, string Nom, long Taille, string Sha256, string Par, string NomPar, DateTimeOffset Le);

public sealed record PieceRetiree(Guid ReponseId, Guid PieceId, string Par, string NomPar, DateTimeOffset Le);

/// <summary>The definitive send: the receipt's number, instant and manifest of every file.</summary>
public sealed record ReponseEnvoyee(
    Guid ReponseId, string NumeroAccuse, string Organisation, string Siret, IReadOnlyList<int> Lots, IReadOnlyList<FichierAccuse> Fichiers, string Par, string NomPar, string EmailPar, DateTimeOffset Le);

/// <param name="Stockage">Where the sealed file lies (absent from receipts made before editions were sealed in the pli).</param>
public sealed record FichierAccuse(string Formulaire, string Piece, string Nom, long Taille, string Sha256, string? Stockage = null);

/// <summary>
/// An edition the platform printed from a validated form (DC1, acte d'engagement…), sealed like a piece: only its
/// name, size and fingerprints are in clear. <paramref name="OffreId"/> is null for the candidature's editions.
/// </summary>
/// <param name="Empreinte">The SHA-256 of the edition's content (template and data), printed in its footer.</param>
/// <param name="VersionFormulaire">The form's save counter when it was printed: a later save makes it stale.</param>
/// <param name="VersionCandidature">The candidature's save counter when it was printed (an offer's editions name the candidate).</param>
public sealed record EditionScellee(Guid Id, Guid? OffreId, string Modele, string Libelle, string Nom, long Taille, string Sha256, string Empreinte,
    int VersionFormulaire = 0, int VersionCandidature = 0);

/// <summary>The editions of a form, printed when it was validated; they replace the form's earlier ones.</summary>
public sealed record EditionsGenerees(Guid ReponseId, Guid? OffreId, IReadOnlyList<EditionScellee> Editions, string Par, string NomPar, DateTimeOffset Le);

/// <summary>The bidder downloaded the sent pli (every file of the receipt, in one zip).</summary>
public sealed record PliTelecharge(Guid ReponseId, string Par, string NomPar, DateTimeOffset Le);
