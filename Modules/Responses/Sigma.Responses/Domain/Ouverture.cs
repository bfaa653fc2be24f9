namespace Sigma.Responses.Domain;

// The opening of a consultation's plis and the award of its lots: one stream per consultation, in this module because
// it alone holds the sealed responses. Every event says who (identifiant and full name) and when.

/// <summary>An agent tried to open the plis before the deadline: refused, and kept in the history.</summary>
public sealed record OuvertureRefusee(Guid ConsultationId, string Motif, string Par, string NomPar, DateTimeOffset Le);

/// <summary>The plis were opened, after the deadline: the responses sent until then become readable by the Region's agents.</summary>
public sealed record PlisOuverts(Guid ConsultationId, IReadOnlyList<Guid> Reponses, string Par, string NomPar, DateTimeOffset Le);

/// <summary>An offer judged: retained or not, with the reason told to the bidder at notification.</summary>
public sealed record OffreJugee(Guid ConsultationId, int Lot, Guid ReponseId, Guid OffreId, bool Retenue, string Motif, string Par, string NomPar, DateTimeOffset Le);

/// <summary>The decisions of a lot were notified to every bidder of the lot: they can no longer change.</summary>
public sealed record LotNotifie(Guid ConsultationId, int Lot, string Par, string NomPar, DateTimeOffset Le);

public sealed record Jugement(Guid ReponseId, Guid OffreId, int Lot, bool Retenue, string Motif, string NomPar, DateTimeOffset Le);

/// <summary>
/// A consultation's opening session: refused attempts, the opening (once, after the deadline), the judgement of each
/// offer and the notification of each lot.
/// </summary>
public sealed record Ouverture(Guid Id, int TentativesRefusees, DateTimeOffset? OuverteLe, string? OuvertePar, IReadOnlyList<Guid> Reponses,
    IReadOnlyList<Jugement> Jugements, IReadOnlyList<int> LotsNotifies)
{
    public bool EstOuverte => OuverteLe is not null;

    public static Ouverture Create(OuvertureRefusee e) => new(e.ConsultationId, 1, null, null, [], [], []);

    public static Ouverture Create(PlisOuverts e) => new(e.ConsultationId, 0, e.Le, e.NomPar, e.Reponses, [], []);

    public Ouverture Apply(OuvertureRefusee e) => this with { TentativesRefusees = TentativesRefusees + 1 };

    public Ouverture Apply(PlisOuverts e) => this with { OuverteLe = e.Le, OuvertePar = e.NomPar, Reponses = e.Reponses };

    public Ouverture Apply(OffreJugee e) => this with
    {
        Jugements = [.. Jugements.Where(j => j.OffreId != e.OffreId), new Jugement(e.ReponseId, e.OffreId, e.Lot, e.Retenue, e.Motif, e.NomPar, e.Le)],
    };

    public Ouverture Apply(LotNotifie e) => this with { LotsNotifies = [.. LotsNotifies, e.Lot] };

    public Jugement? JugementDe(Guid offreId) => Jugements.FirstOrDefault(j => j.OffreId == offreId);

    // ---- Decisions ----

    /// <summary>The opening, decided against the deadline the Responses module knows: refused before it, and refused twice.</summary>
    public static object Ouvrir(Ouverture? ouverture, ConsultationConnue consultation, IReadOnlyList<Guid> envoyees, string par, string nomPar, DateTimeOffset maintenant)
    {
        if (ouverture is { EstOuverte: true })
        {
            throw new DomainException($"Les plis de cette consultation ont déjà été ouverts, le {ParisTime.Affiche(ouverture.OuverteLe!.Value)} par {ouverture.OuvertePar}.");
        }
        if (!consultation.EstCloturee(maintenant))
        {
            return new OuvertureRefusee(consultation.Id, $"Ouverture demandée avant la date limite ({ParisTime.Affiche(consultation.DateLimite)})", par, nomPar, maintenant);
        }
        return new PlisOuverts(consultation.Id, envoyees, par, nomPar, maintenant);
    }

    /// <summary>Judging an offer: only once the plis are open, an offer of a pli opened, a lot not yet notified, a reason given.</summary>
    public OffreJugee Juger(Reponse reponse, Guid offreId, bool retenue, string? motif, string par, string nomPar, DateTimeOffset maintenant)
    {
        if (!EstOuverte || !Reponses.Contains(reponse.Id))
        {
            throw new DomainException("Les plis ne sont pas ouverts : aucune offre ne peut être jugée.");
        }
        var offre = reponse.Offre(offreId) ?? throw new DomainException("Cette offre n'est pas dans le pli.");
        if (LotsNotifies.Contains(offre.Lot))
        {
            throw new DomainException($"Les décisions du lot {offre.Lot} sont notifiées : elles ne peuvent plus changer.");
        }
        if (string.IsNullOrWhiteSpace(motif))
        {
            throw new DomainException("Indiquez le motif de la décision : il est communiqué au soumissionnaire.", $"Motifs[{offreId}]");
        }
        return new OffreJugee(Id, offre.Lot, reponse.Id, offreId, retenue, motif.Trim(), par, nomPar, maintenant);
    }

    /// <summary>Notifying a lot: every offer of the lot judged, at least one retained, once.</summary>
    public LotNotifie Notifier(int lot, IReadOnlyList<(Guid ReponseId, Guid OffreId)> offresDuLot, string par, string nomPar, DateTimeOffset maintenant)
    {
        if (!EstOuverte)
        {
            throw new DomainException("Les plis ne sont pas ouverts.");
        }
        if (LotsNotifies.Contains(lot))
        {
            throw new DomainException($"Le lot {lot} est déjà notifié.");
        }
        if (offresDuLot.Count == 0)
        {
            throw new DomainException($"Aucune offre n'a été reçue pour le lot {lot} : il n'y a rien à notifier.");
        }
        var sansDecision = offresDuLot.Count(o => JugementDe(o.OffreId) is null);
        if (sansDecision > 0)
        {
            throw new DomainException($"Jugez chaque offre du lot {lot} avant de notifier ({sansDecision} {(sansDecision > 1 ? "offres sans décision" : "offre sans décision")}).");
        }
        if (!offresDuLot.Any(o => JugementDe(o.OffreId)!.Retenue))
        {
            throw new DomainException($"Aucune offre du lot {lot} n'est retenue : retenez au moins une offre, ou déclarez le lot infructueux hors de la plate-forme.");
        }
        return new LotNotifie(Id, lot, par, nomPar, maintenant);
    }
}
