namespace Sigma.Responses.Domain;

public enum StatutFormulaire
{
    Brouillon,
    Valide,
}

/// <summary>A form's last saved state: its status, its save counter (for optimistic concurrency) and who saved it.</summary>
public sealed record EtatFormulaire(StatutFormulaire Statut, int Version, byte[] Contenu, string Par, string NomPar, DateTimeOffset Le);

public sealed record OffreReponse(Guid Id, int Lot, EtatFormulaire Etat);

public sealed record PieceReponse(Guid Id, Guid? OffreId, CategoriePiece Categorie, string Nom, long Taille, string Sha256, string Par, DateTimeOffset Le);

/// <summary>
/// A bidder's response to a consultation: a candidature, at most one offer per lot, and pieces. Drafted by one account,
/// edited by the accounts of its organisation, sent once and for good before the deadline.
/// </summary>
public sealed record Reponse(
    Guid Id, Guid ConsultationId, Guid CompteId, Guid OrganisationId, string Organisation, string Siret, string Par, string NomPar,
    string EmailPar, DateTimeOffset CommenceeLe, EtatFormulaire? Candidature, IReadOnlyList<OffreReponse> Offres, IReadOnlyList<PieceReponse> Pieces,
    string? NumeroAccuse, DateTimeOffset? EnvoyeeLe, string? EnvoyeePar, IReadOnlyList<int> LotsEnvoyes, IReadOnlyList<FichierAccuse> FichiersEnvoyes)
{
    /// <summary>The editions last printed for each form, current or not (see <see cref="EditionsDe"/>).</summary>
    public IReadOnlyList<EditionScellee> Editions { get; init; } = [];

    public bool EstEnvoyee => EnvoyeeLe is not null;

    /// <summary>The depositor's address (where the decisions are mailed).</summary>
    public string? EmailDeposant { get; init; }

    /// <summary>
    /// A form's editions while they show it as it is: the form validated, unchanged since they were printed (and, for
    /// an offer, the candidature too). A change puts them away; validating the same content again brings them back.
    /// </summary>
    public IEnumerable<EditionScellee> EditionsDe(Guid? offreId)
    {
        var versionCandidature = Candidature?.Version ?? 0;
        if (offreId is null)
        {
            return StatutCandidature == StatutFormulaire.Valide
                ? Editions.Where(e => e.OffreId is null && e.VersionFormulaire == versionCandidature) : [];
        }
        return Offre(offreId.Value) is { Etat.Statut: StatutFormulaire.Valide } offre
            ? Editions.Where(e => e.OffreId == offreId && e.VersionFormulaire == offre.Etat.Version && e.VersionCandidature == versionCandidature) : [];
    }

    /// <summary>Whether the form's editions were printed from its content as saved now (whatever its status).</summary>
    public bool EditionsAJour(Guid? offreId)
    {
        var versionCandidature = Candidature?.Version ?? 0;
        var version = offreId is null ? versionCandidature : Offre(offreId.Value)?.Etat.Version ?? -1;
        return Editions.Any(e => e.OffreId == offreId && e.VersionFormulaire == version && (offreId is null || e.VersionCandidature == versionCandidature));
    }

    public StatutFormulaire StatutCandidature => Candidature?.Statut ?? StatutFormulaire.Brouillon;

    public OffreReponse? Offre(Guid offreId) => Offres.FirstOrDefault(o => o.Id == offreId);

    public IEnumerable<PieceReponse> PiecesDe(Guid? offreId) => Pieces.Where(p => p.OffreId == offreId);

    public static Reponse Create(ReponseCommencee e) => new(e.ReponseId, e.ConsultationId, e.CompteId, e.OrganisationId, e.Organisation, e.Siret,
        e.Par, e.NomPar, e.EmailPar, e.Le, null, [], [], null, null, null, [], []);

    public Reponse Apply(CandidatureEnregistree e) => this with
    {
        Candidature = new EtatFormulaire(StatutFormulaire.Brouillon, (Candidature?.Version ?? 0) + 1, e.Contenu, e.Par, e.NomPar, e.Le),
    };

    public Reponse Apply(CandidatureValidee e) => this with { Candidature = Candidature! with { Statut = StatutFormulaire.Valide } };

    public Reponse Apply(OffreCreee e) => this with
    {
        Offres = [.. Offres, new OffreReponse(e.OffreId, e.Lot, new EtatFormulaire(StatutFormulaire.Brouillon, 1, e.Contenu, e.Par, e.NomPar, e.Le))],
    };

    public Reponse Apply(OffreEnregistree e) => this with
    {
        Offres = Offres.Select(o => o.Id == e.OffreId
            ? o with { Etat = new EtatFormulaire(StatutFormulaire.Brouillon, o.Etat.Version + 1, e.Contenu, e.Par, e.NomPar, e.Le) } : o).ToList(),
    };

    public Reponse Apply(OffreValidee e) => this with
    {
        Offres = Offres.Select(o => o.Id == e.OffreId ? o with { Etat = o.Etat with { Statut = StatutFormulaire.Valide } } : o).ToList(),
    };

    public Reponse Apply(OffreSupprimee e) => this with
    {
        Offres = Offres.Where(o => o.Id != e.OffreId).ToList(),
        Pieces = Pieces.Where(p => p.OffreId != e.OffreId).ToList(),
        Editions = SansEditionsDe(e.OffreId),
    };

    public Reponse Apply(EditionsGenerees e) => this with { Editions = [.. SansEditionsDe(e.OffreId), .. e.Editions] };

    // A piece changes its form: the form must be validated again.
    public Reponse Apply(PieceDeposee e) => RevenirEnBrouillon(e.OffreId) with
    {
        Pieces = [.. Pieces, new PieceReponse(e.PieceId, e.OffreId, e.Categorie, e.Nom, e.Taille, e.Sha256, e.NomPar, e.Le)],
    };

    public Reponse Apply(PieceRetiree e) => RevenirEnBrouillon(Pieces.First(p => p.Id == e.PieceId).OffreId) with
    {
        Pieces = Pieces.Where(p => p.Id != e.PieceId).ToList(),
    };

    public Reponse Apply(ReponseEnvoyee e) => this with
    {
        NumeroAccuse = e.NumeroAccuse, Organisation = e.Organisation, Siret = e.Siret, EnvoyeeLe = e.Le, EnvoyeePar = e.NomPar, EmailDeposant = e.EmailPar, LotsEnvoyes = e.Lots, FichiersEnvoyes = e.Fichiers,
    };

    private Reponse RevenirEnBrouillon(Guid? offreId) => offreId is null
        ? this with { Candidature = Candidature is null ? null : Candidature with { Statut = StatutFormulaire.Brouillon } }
        : this with { Offres = Offres.Select(o => o.Id == offreId ? o with { Etat = o.Etat with { Statut = StatutFormulaire.Brouillon } } : o).ToList() };

    private List<EditionScellee> SansEditionsDe(Guid? offreId) => Editions.Where(e => e.OffreId != offreId).ToList();

    // ---- Decisions ----

    public static ReponseCommencee Commencer(Guid id, ConsultationConnue consultation, Guid compteId, Guid organisationId, string organisation, string siret,
        string par, string nomPar, string emailPar, DateTimeOffset maintenant)
    {
        if (consultation.EstCloturee(maintenant))
        {
            throw new DomainException("La date limite de remise des réponses est passée : cette consultation n'accepte plus de réponse.");
        }
        return new ReponseCommencee(id, consultation.Id, compteId, organisationId, organisation, siret, par, nomPar, emailPar, maintenant);
    }

    public CandidatureEnregistree EnregistrerCandidature(string onglet, byte[] contenu, int versionLue, bool changementMajeur, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        if (Candidature is { } c && c.Version != versionLue)
        {
            throw new EnregistrementConcurrentException(c.NomPar, c.Par, c.Le);
        }
        if (changementMajeur && Offres.Count > 0)
        {
            throw new DomainException("Changer la forme de la candidature ou ajouter un co-traitant est une modification majeure : supprimez d'abord les offres, "
                + "modifiez la candidature, puis saisissez de nouveau les offres.", "Candidat.Type");
        }
        return new CandidatureEnregistree(Id, onglet, contenu, par, nomPar, maintenant);
    }

    /// <summary>Validation of the candidature as last saved: every mandatory field and required piece, or the list of what is missing.</summary>
    /// <param name="manquants">What the rules (<c>Regles.Validation.Candidature</c>) found missing in the candidature as saved.</param>
    public CandidatureValidee ValiderCandidature(IReadOnlyList<Manquant> manquants, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        if (manquants.Count > 0)
        {
            throw new FormulaireIncompletException(manquants);
        }
        return new CandidatureValidee(Id, par, nomPar, maintenant);
    }

    public OffreCreee CreerOffre(Guid offreId, int lot, ConsultationConnue consultation, byte[] contenu, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        if (StatutCandidature != StatutFormulaire.Valide)
        {
            throw new DomainException("Pour créer un dossier d'offre, la candidature doit d'abord être validée.");
        }
        if (consultation.Lots.All(l => l.Numero != lot))
        {
            throw new DomainException("Choisissez un lot de la consultation.", "Lot");
        }
        if (Offres.Any(o => o.Lot == lot))
        {
            throw new DomainException($"Une offre existe déjà pour le lot {lot} : une seule offre par lot.", "Lot");
        }
        return new OffreCreee(Id, offreId, lot, contenu, par, nomPar, maintenant);
    }

    public OffreEnregistree EnregistrerOffre(Guid offreId, string onglet, byte[] contenu, int versionLue, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        var offre = Offre(offreId) ?? throw new DomainException("Cette offre n'existe plus.");
        if (offre.Etat.Version != versionLue)
        {
            throw new EnregistrementConcurrentException(offre.Etat.NomPar, offre.Etat.Par, offre.Etat.Le);
        }
        return new OffreEnregistree(Id, offreId, onglet, contenu, par, nomPar, maintenant);
    }

    /// <param name="manquants">What the rules (<c>Regles.Validation.Offre</c>) found missing in the offer as saved.</param>
    public OffreValidee ValiderOffre(Guid offreId, IReadOnlyList<Manquant> manquants, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        _ = Offre(offreId) ?? throw new DomainException("Cette offre n'existe plus.");
        if (manquants.Count > 0)
        {
            throw new FormulaireIncompletException(manquants);
        }
        return new OffreValidee(Id, offreId, par, nomPar, maintenant);
    }

    public OffreSupprimee SupprimerOffre(Guid offreId, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        _ = Offre(offreId) ?? throw new DomainException("Cette offre n'existe plus.");
        return new OffreSupprimee(Id, offreId, par, nomPar, maintenant);
    }

    public PieceDeposee DeposerPiece(Guid pieceId, Guid? offreId, CategoriePiece categorie, string nom, long taille, string sha256, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        if (offreId is { } o && Offre(o) is null)
        {
            throw new DomainException("Cette offre n'existe plus.");
        }
        if (offreId is null ? !CataloguePieces.Candidature.Contains(categorie) : !CataloguePieces.Offre.Contains(categorie))
        {
            throw new DomainException("Choisissez le type de pièce.", "Categorie");
        }
        if (PiecesDe(offreId).Any(p => p.Categorie == categorie && string.Equals(p.Nom, nom, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"Une pièce « {nom} » est déjà déposée à cet emplacement : renommez le fichier ou retirez l'autre.", "Fichier");
        }
        return new PieceDeposee(Id, pieceId, offreId, categorie, nom, taille, sha256, par, nomPar, maintenant);
    }

    public PieceRetiree RetirerPiece(Guid pieceId, string par, string nomPar, DateTimeOffset maintenant)
    {
        VerifierModifiable();
        _ = Pieces.FirstOrDefault(p => p.Id == pieceId) ?? throw new DomainException("Cette pièce a déjà été retirée.");
        return new PieceRetiree(Id, pieceId, par, nomPar, maintenant);
    }

    /// <summary>
    /// The definitive send, decided at <paramref name="recueLe"/> (when the request was fully received): refused after the
    /// deadline, without a validated candidature, without a validated offer, or with an offer still in draft.
    /// </summary>
    public ReponseEnvoyee Envoyer(ConsultationConnue consultation, DonneesCandidature candidature, string par, string nomPar, string emailPar, DateTimeOffset recueLe)
    {
        VerifierModifiable();
        if (consultation.EstCloturee(recueLe))
        {
            // The refusal names the instant that decided it, to the millisecond, as a receipt would have.
            throw new DomainException($"La date limite de remise des réponses ({Sigma.BuildingBlocks.Time.ParisTime.Affiche(consultation.DateLimite)}) est passée : la réponse ne peut plus être envoyée. "
                + $"Votre envoi a été reçu le {RecuLeALaMilliseconde(recueLe)} (heure de Paris).");
        }
        if (StatutCandidature != StatutFormulaire.Valide)
        {
            throw new DomainException("La candidature doit être validée avant l'envoi.");
        }
        if (Offres.Count == 0)
        {
            throw new DomainException("La réponse doit comporter au moins une offre validée.");
        }
        if (Offres.FirstOrDefault(o => o.Etat.Statut != StatutFormulaire.Valide) is { } brouillon)
        {
            throw new DomainException($"L'offre du lot {brouillon.Lot} est en brouillon : validez-la ou supprimez-la avant l'envoi.");
        }
        if (FormulaireSansEditions() is { } sansEditions)
        {
            throw new DomainException($"Les éditions {sansEditions} n'ont pas été générées : validez de nouveau ce formulaire avant l'envoi.");
        }
        // The receipt lists the candidature then each offer by lot: first the form's editions, then its pieces.
        var fichiers = new[] { (Guid?)null }.Concat(Offres.OrderBy(o => o.Lot).Select(o => (Guid?)o.Id)).SelectMany(formulaire =>
        {
            var nom = formulaire is null ? "Candidature" : $"Offre lot {Offre(formulaire.Value)!.Lot}";
            return EditionsDe(formulaire).Select(e => new FichierAccuse(nom, $"Édition — {e.Libelle}", e.Nom, e.Taille, e.Sha256, Stockages.Edition(Id, e.Id)))
                .Concat(PiecesDe(formulaire).OrderBy(p => p.Categorie)
                    .Select(p => new FichierAccuse(nom, CataloguePieces.Libelle(p.Categorie), p.Nom, p.Taille, p.Sha256, Stockages.Piece(Id, p.Id))));
        }).ToList();
        var numero = $"AR-{consultation.Reference}-{recueLe.UtcDateTime:yyyyMMddHHmmss}-{Id.ToString("N")[..6].ToUpperInvariant()}";
        // The receipt names the candidate as the candidature declares it.
        var siege = candidature.Candidat.Siege;
        return new ReponseEnvoyee(Id, numero, siege.RaisonSociale?.Trim() ?? Organisation, new string((siege.Siret ?? Siret).Where(char.IsAsciiDigit).ToArray()), Offres.Select(o => o.Lot).Order().ToList(), fichiers, par, nomPar, emailPar, recueLe);
    }

    /// <summary>"01/12/2026 à 12:00:00,004": the instant a send was received, as its refusal states it.</summary>
    public static string RecuLeALaMilliseconde(DateTimeOffset recueLe) =>
        Sigma.BuildingBlocks.Time.ParisTime.ToParis(recueLe).ToString("dd/MM/yyyy 'à' HH:mm:ss,fff", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>The first validated form whose editions are missing (validated before editions existed), named for the bidder.</summary>
    public string? FormulaireSansEditions()
    {
        if (StatutCandidature == StatutFormulaire.Valide && !EditionsDe(null).Any())
        {
            return "de la candidature";
        }
        return Offres.FirstOrDefault(o => o.Etat.Statut == StatutFormulaire.Valide && !EditionsDe(o.Id).Any()) is { } offre ? $"de l'offre du lot {offre.Lot}" : null;
    }

    private void VerifierModifiable()
    {
        if (EstEnvoyee)
        {
            throw new DomainException("La réponse est envoyée : elle est définitive et ne peut plus être modifiée.");
        }
    }
}

/// <summary>Someone saved the form after it was opened: the message names them, the user's input stays on screen.</summary>
public sealed class EnregistrementConcurrentException(string nom, string identifiant, DateTimeOffset le)
    : DomainException($"{nom} ({identifiant}) a enregistré ce formulaire le {Sigma.BuildingBlocks.Time.ParisTime.Affiche(le)}, après que vous l'avez ouvert. "
        + "Vos saisies sont restées affichées : vérifiez-les puis enregistrez de nouveau pour remplacer sa version.")
{
    public string Nom { get; } = nom;
}

public sealed record Manquant(string Onglet, string Champ, string Message);

public sealed class FormulaireIncompletException(IReadOnlyList<Manquant> manquants)
    : DomainException("Le formulaire est incomplet : il reste au statut « Brouillon ».")
{
    public IReadOnlyList<Manquant> Manquants { get; } = manquants;

    public override IReadOnlyList<(string Champ, string Message)> Champs => [.. Manquants.Select(m => (m.Champ, m.Message))];
}
