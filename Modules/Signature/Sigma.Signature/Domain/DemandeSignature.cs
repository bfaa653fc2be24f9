namespace Sigma.Signature.Domain;

public sealed record SignatureDemandee(
    Guid DemandeId, Guid ReponseId, Guid ConsultationId, string Reference, string Intitule, int Lot, Guid OrganisationId, string Organisation,
    string DestinataireEmail, string DestinataireNom, string Document, long Taille, string Sha256, string Message,
    string Par, string EmailPar, DateTimeOffset Le);

/// <summary>A signed version deposited, signed in Sigma or elsewhere, with the verification report at that moment.</summary>
public sealed record DocumentSigneDepose(
    Guid DemandeId, Guid VersionId, string Nom, long Taille, string Sha256, bool SigneDansSigma, Verdict Conclusion, string Motif, string RapportJson,
    string Par, string NomPar, DateTimeOffset Le);

public sealed record VersionSignee(Guid Id, string Nom, long Taille, string Sha256, bool SigneDansSigma, Verdict Conclusion, string Motif, string RapportJson, string NomPar, DateTimeOffset Le);

/// <summary>
/// The notification phase: an agent asks the organisation that answered a lot to sign a document; the bidder deposits
/// signed versions until one is valid; each comes with the verification report the agent reads.
/// </summary>
public sealed record DemandeSignature(
    Guid Id, Guid ReponseId, Guid ConsultationId, string Reference, string Intitule, int Lot, Guid OrganisationId, string Organisation,
    string DestinataireEmail, string DestinataireNom, string Document, long Taille, string Sha256, string Message, string DemandeePar, string EmailDemandeur,
    DateTimeOffset DemandeeLe, IReadOnlyList<VersionSignee> Versions)
{
    public VersionSignee? Derniere => Versions.Count == 0 ? null : Versions[^1];

    public bool EstSignee => Derniere?.Conclusion == Verdict.Valide;

    public static DemandeSignature Create(SignatureDemandee e) => new(e.DemandeId, e.ReponseId, e.ConsultationId, e.Reference, e.Intitule, e.Lot,
        e.OrganisationId, e.Organisation, e.DestinataireEmail, e.DestinataireNom, e.Document, e.Taille, e.Sha256, e.Message, e.Par, e.EmailPar, e.Le, []);

    public DemandeSignature Apply(DocumentSigneDepose e) => this with
    {
        Versions = [.. Versions, new VersionSignee(e.VersionId, e.Nom, e.Taille, e.Sha256, e.SigneDansSigma, e.Conclusion, e.Motif, e.RapportJson, e.NomPar, e.Le)],
    };

    public DocumentSigneDepose Deposer(Guid versionId, string nom, long taille, string sha256, bool signeDansSigma, RapportVerification rapport, string rapportJson,
        string par, string nomPar, DateTimeOffset maintenant)
    {
        if (EstSignee)
        {
            throw new DomainException("Le document signé a déjà été déposé et sa signature est valide : la demande est close.");
        }
        return new DocumentSigneDepose(Id, versionId, nom, taille, sha256, signeDansSigma, rapport.Conclusion, rapport.Motif, rapportJson, par, nomPar, maintenant);
    }
}
