namespace Sigma.Consultations.Domain;

public sealed record Question(Guid Id, string Texte, Guid CompteId, string Identifiant, string Email, Guid? OrganisationId, DateTimeOffset PoseeLe,
    string? Reponse, DateTimeOffset? RepondueLe, string? RepondueePar);

public sealed record VersionDce(int Numero, string Note, IReadOnlyList<FichierDce> Fichiers, string DeposeePar, DateTimeOffset DeposeeLe);

/// <summary>A consultation: drafted by an agent, published with its lots and DCE, answered until its deadline.</summary>
public sealed record Consultation(
    Guid Id, string Reference, string Intitule, string Objet, string Dispositif, string Procedure, IReadOnlyList<Lot> Lots,
    DateTimeOffset DateLimite, string Contact, DateTimeOffset CreeeLe, DateTimeOffset? PublieeLe,
    IReadOnlyList<VersionDce> VersionsDce, IReadOnlyList<Question> Questions, int ProrogationsCount)
{
    public const int TailleMaxFichier = 200 * 1024 * 1024;

    public bool EstPubliee => PublieeLe is not null;
    public VersionDce? DceCourant => VersionsDce.Count == 0 ? null : VersionsDce[^1];
    public bool EstCloturee(DateTimeOffset maintenant) => DateLimite <= maintenant;

    public static Consultation Create(ConsultationCreee e) => new(e.ConsultationId, e.Reference, e.Intitule, e.Objet, e.Dispositif, e.Procedure,
        e.Lots, e.DateLimite, e.Contact, e.CreeeLe, null, [], [], 0);

    public Consultation Apply(DceVersionDeposee e) => this with { VersionsDce = [.. VersionsDce, new VersionDce(e.Version, e.Note, e.Fichiers, e.DeposeePar, e.DeposeeLe)] };
    public Consultation Apply(ConsultationPubliee e) => this with { PublieeLe = e.PublieeLe };
    public Consultation Apply(DateLimiteProrogee e) => this with { DateLimite = e.NouvelleDate, ProrogationsCount = ProrogationsCount + 1 };
    public Consultation Apply(QuestionPosee e) => this with
    {
        Questions = [.. Questions, new Question(e.QuestionId, e.Texte, e.CompteId, e.Identifiant, e.Email, e.OrganisationId, e.PoseeLe, null, null, null)],
    };
    public Consultation Apply(QuestionRepondue e) => this with
    {
        Questions = Questions.Select(q => q.Id == e.QuestionId ? q with { Reponse = e.Reponse, RepondueLe = e.RepondueLe, RepondueePar = e.RepondueePar } : q).ToList(),
    };

    public static ConsultationCreee Creer(Guid id, string reference, string intitule, string objet, string dispositif, string procedure,
        IReadOnlyList<Lot> lots, DateTimeOffset dateLimite, string contact, string par, DateTimeOffset maintenant)
    {
        if (lots.Count == 0)
        {
            throw new DomainException("Une consultation comporte au moins un lot.", "Lots");
        }
        if (lots.Select(l => l.Numero).Distinct().Count() != lots.Count)
        {
            throw new DomainException("Deux lots ne peuvent pas porter le même numéro.", "Lots");
        }
        if (dateLimite <= maintenant)
        {
            throw new DomainException("La date limite de remise des réponses doit être dans le futur.", "DateLimite");
        }
        return new ConsultationCreee(id, reference.Trim(), intitule.Trim(), objet.Trim(), dispositif.Trim(), procedure.Trim(),
            lots.OrderBy(l => l.Numero).ToList(), dateLimite, contact.Trim(), par, maintenant);
    }

    /// <summary>Each change of the DCE is a new version with a note; the versions before stay in the history.</summary>
    public DceVersionDeposee DeposerDce(string note, IReadOnlyList<FichierDce> fichiers, string par, DateTimeOffset maintenant)
    {
        if (EstPubliee && EstCloturee(maintenant))
        {
            throw new DomainException("La consultation est clôturée : son DCE ne peut plus changer.");
        }
        if (fichiers.Count == 0)
        {
            throw new DomainException("Une version du DCE contient au moins un fichier.", "Fichiers");
        }
        if (fichiers.Select(f => f.Nom.ToLowerInvariant()).Distinct().Count() != fichiers.Count)
        {
            throw new DomainException("Deux fichiers du DCE ne peuvent pas porter le même nom.", "Fichiers");
        }
        if (VersionsDce.Count > 0 && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Indiquez ce qui change dans cette nouvelle version du DCE : la note est envoyée aux entreprises qui l'ont retiré.", "Note");
        }
        return new DceVersionDeposee(Id, VersionsDce.Count + 1, string.IsNullOrWhiteSpace(note) ? "Version initiale" : note.Trim(), fichiers, par, maintenant);
    }

    public ConsultationPubliee Publier(string par, DateTimeOffset maintenant)
    {
        if (EstPubliee)
        {
            throw new DomainException("La consultation est déjà publiée.");
        }
        if (DceCourant is null)
        {
            throw new DomainException("Déposez le DCE avant de publier la consultation.");
        }
        if (DateLimite <= maintenant)
        {
            throw new DomainException("La date limite est passée : prorogez-la avant de publier.");
        }
        return new ConsultationPubliee(Id, par, maintenant);
    }

    public DateLimiteProrogee Proroger(DateTimeOffset nouvelleDate, string motif, string par, DateTimeOffset maintenant)
    {
        if (DateLimite <= maintenant)
        {
            throw new DomainException("La date limite est déjà passée : elle ne peut plus être prorogée.");
        }
        if (nouvelleDate <= DateLimite)
        {
            throw new DomainException($"La nouvelle date limite doit être postérieure à l'actuelle ({DateLimite.Affiche()}).", "NouvelleDate");
        }
        if (string.IsNullOrWhiteSpace(motif))
        {
            throw new DomainException("Indiquez le motif de la prorogation.", "Motif");
        }
        return new DateLimiteProrogee(Id, DateLimite, nouvelleDate, motif.Trim(), par, maintenant);
    }

    public QuestionPosee PoserQuestion(Guid questionId, string texte, Guid compteId, string identifiant, string email, Guid? organisationId, DateTimeOffset maintenant)
    {
        if (!EstPubliee)
        {
            throw new DomainException("Cette consultation n'est pas publiée.");
        }
        if (EstCloturee(maintenant))
        {
            throw new DomainException("La consultation est clôturée : il n'est plus possible de poser une question.");
        }
        return new QuestionPosee(Id, questionId, texte.Trim(), compteId, identifiant, email, organisationId, maintenant);
    }

    public QuestionRepondue Repondre(Guid questionId, string reponse, string par, DateTimeOffset maintenant)
    {
        var question = Questions.FirstOrDefault(q => q.Id == questionId) ?? throw new DomainException("Question introuvable.");
        if (question.Reponse is not null)
        {
            throw new DomainException("Cette question a déjà reçu une réponse publiée.");
        }
        if (string.IsNullOrWhiteSpace(reponse))
        {
            throw new DomainException("La réponse est obligatoire.", "Reponse");
        }
        return new QuestionRepondue(Id, questionId, reponse.Trim(), par, maintenant);
    }
}
