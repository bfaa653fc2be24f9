namespace Sigma.Publication.Domain;

public enum EtatPublication
{
    /// <summary>Something LHÉO requires is missing: nothing leaves.</summary>
    Incomplete,
    EnAttente,
    EnCours,
    Envoyee,
    Rejetee,
    EnEchec,
}

/// <summary>
/// The publication of one awarded offer to the CARIF-OREF (stream id: the offer's id). Its LHÉO <c>formation</c>
/// elements are served by the pull flux until withdrawn, and pushed once per version.
/// </summary>
public sealed record PublicationOffre(Guid Id, Guid ConsultationId, string Reference, int Lot, string LotIntitule, string Organisme, string Intitule,
    int VersionOffre, string? Formations, IReadOnlyList<string> Manques, EtatPublication Etat, DateTimeOffset PrepareeLe, DateTimeOffset ModifieeLe,
    DateTimeOffset? EnvoyeeLe, int Tentatives, DateTimeOffset? DerniereTentative, DateTimeOffset? ProchaineTentative, DateTimeOffset? CommenceLe,
    string? DerniereErreur, DateTimeOffset? RetireeLe, string? RetireePar)
{
    // Not « Version »: Marten writes the stream's version into an aggregate's Version member, and the idempotency key must not move with it.

    /// <summary>Served by <c>/flux/lheo</c>: complete and not withdrawn.</summary>
    public bool EstPubliee { get; init; }

    /// <summary>The key the CARIF-OREF deduplicates on: one per offer version.</summary>
    public string CleIdempotence => CleDe(Id, VersionOffre);

    public static string CleDe(Guid offreId, int version) => $"sigma-{offreId:N}-v{version}";

    public static PublicationOffre Create(PublicationPreparee e) =>
        new(e.OffreId, e.ConsultationId, e.Reference, e.Lot, e.LotIntitule, e.Organisme, e.Intitule, e.Version, e.Formations, e.Manques,
            e.Manques.Count > 0 || e.Formations is null ? EtatPublication.Incomplete : EtatPublication.EnAttente, e.PrepareeLe, e.PrepareeLe,
            null, 0, null, null, null, null, null, null)
        { EstPubliee = e.Manques.Count == 0 && e.Formations is not null };

    // The outcome of a push of an older version (« Renvoyer » pressed while it ran) does not change the current version's state.
    public PublicationOffre Apply(EnvoiCommence e) => e.Version != VersionOffre ? this : this with { Etat = EtatPublication.EnCours, CommenceLe = e.CommenceLe };

    public PublicationOffre Apply(PublicationEnvoyee e) => e.Version != VersionOffre ? this with { EnvoyeeLe = e.EnvoyeeLe }
        : this with { Etat = EtatPublication.Envoyee, EnvoyeeLe = e.EnvoyeeLe, DerniereErreur = null, ProchaineTentative = null, ModifieeLe = e.EnvoyeeLe };

    public PublicationOffre Apply(PublicationRejetee e) => e.Version != VersionOffre ? this
        : this with { Etat = EtatPublication.Rejetee, DerniereErreur = $"HTTP {e.Statut} : {e.Reponse}", ProchaineTentative = null, Tentatives = Tentatives + 1 };

    public PublicationOffre Apply(EnvoiEchoue e) => e.Version != VersionOffre ? this
        : this with { Etat = EtatPublication.EnEchec, DerniereErreur = e.Erreur, Tentatives = e.Tentative, DerniereTentative = e.EchoueLe, ProchaineTentative = e.ProchaineTentative };

    public PublicationOffre Apply(RenvoiDemande e) =>
        this with { VersionOffre = e.Version, Etat = EtatPublication.EnAttente, Tentatives = 0, ProchaineTentative = null, DerniereErreur = null, CommenceLe = null, ModifieeLe = e.DemandeLe };

    public PublicationOffre Apply(PublicationRetiree e) => this with { RetireeLe = e.RetireeLe, RetireePar = e.Par, EstPubliee = false, ModifieeLe = e.RetireeLe };

    /// <summary>A push of <paramref name="version"/> may start: not withdrawn, not already sent or refused, not running elsewhere.</summary>
    public bool PeutEnvoyer(int version, DateTimeOffset maintenant) =>
        RetireeLe is null && version == VersionOffre
            && (Etat is EtatPublication.EnAttente or EtatPublication.EnEchec || (Etat == EtatPublication.EnCours && CommenceLe < maintenant - EnvoiPerdu));

    /// <summary>A push that started this long ago and never ended was lost (a crash): it may run again, under the same key.</summary>
    public static readonly TimeSpan EnvoiPerdu = TimeSpan.FromMinutes(15);

    /// <summary>Network errors, timeouts and 5xx: the next try comes later and later (1 min … 12 h), then every 12 hours.</summary>
    public static readonly IReadOnlyList<TimeSpan> Relances =
        [.. new[] { 1, 2, 5, 10, 30, 60, 120, 240, 480, 720 }.Select(m => TimeSpan.FromMinutes(m))];

    public static DateTimeOffset ProchaineApres(int tentative, DateTimeOffset maintenant) =>
        maintenant + Relances[Math.Min(tentative - 1, Relances.Count - 1)];

    public RenvoiDemande Renvoyer(string par, DateTimeOffset maintenant)
    {
        if (RetireeLe is not null)
        {
            throw new DomainException("Cette offre est retirée de la diffusion : elle ne peut pas être renvoyée.");
        }
        if (Etat == EtatPublication.Incomplete)
        {
            throw new DomainException($"Cette offre ne peut pas être publiée : {string.Join(" ; ", Manques)}.");
        }
        return new RenvoiDemande(Id, VersionOffre + 1, par, maintenant);
    }

    public PublicationRetiree Retirer(string par, DateTimeOffset maintenant) =>
        RetireeLe is null ? new PublicationRetiree(Id, par, maintenant) : throw new DomainException("Cette offre est déjà retirée de la diffusion.");
}
