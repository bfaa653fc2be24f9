namespace Sigma.Registration.Domain;

/// <summary>A person's account: bidder (administrator or user of an organisation), agent or auditor.</summary>
public sealed record Compte(
    Guid Id, Guid? OrganisationId, string Identifiant, string IdentifiantNormalise, string Email, string Prenom, string Nom,
    string Role, string? MotDePasseHache, bool Actif, OrigineCompte Origine, DateTimeOffset CreeLe,
    Guid? SessionCourante, int EchecsConsecutifs, DateTimeOffset? VerrouilleJusqua,
    string? EmpreinteJeton, DateTimeOffset? JetonExpireLe, DateTimeOffset? DerniereConnexion,
    EtatRattachement Rattachement = EtatRattachement.Rattache, IReadOnlyDictionary<string, EchecsPoste>? EchecsParPoste = null)
{
    /// <summary>Failures of one client on one account before that client must wait before its next try.</summary>
    public const int EchecsAvantDelai = 3;

    /// <summary>Consecutive failures after which the owner is told by mail: when a client starts being slowed.</summary>
    public const int EchecsAvantAlerte = EchecsAvantDelai;

    public static readonly TimeSpan DelaiMaximal = TimeSpan.FromMinutes(15);

    /// <summary>The clients remembered per account (the most recent ones): a botnet cannot grow the account without bound.</summary>
    private const int PostesRetenus = 20;

    public string NomComplet => $"{Prenom} {Nom}".Trim();

    public static string Normaliser(string identifiant) => identifiant.Trim().ToUpperInvariant();

    public static Compte Create(CompteCree e) => new(
        e.CompteId, e.OrganisationId, e.Identifiant, Normaliser(e.Identifiant), e.Email, e.Prenom, e.Nom, e.Role,
        e.MotDePasseHache, true, e.Origine, e.CreeLe, null, 0, null, null, null, null,
        e.Origine == OrigineCompte.InscriptionSimple ? EtatRattachement.EnAttente : EtatRattachement.Rattache);

    /// <summary>An "inscrit simple" waits until an administrator of the organisation, or an agent, approves it.</summary>
    public bool EnAttente => Rattachement == EtatRattachement.EnAttente;

    public Compte Apply(RattachementApprouve e) => this with { Rattachement = EtatRattachement.Rattache };

    public Compte Apply(RattachementRefuse e) => this with { Rattachement = EtatRattachement.Refuse, Actif = false, SessionCourante = null };

    public Compte Apply(CompteDesactive e) => this with { Actif = false, SessionCourante = null };

    public Compte Apply(CompteReactive e) => this with { Actif = true, EchecsConsecutifs = 0, VerrouilleJusqua = null };

    public Compte Apply(ConnexionReussie e) => this with
    {
        SessionCourante = e.SessionId, EchecsConsecutifs = 0, VerrouilleJusqua = null, DerniereConnexion = e.ConnecteLe,
        EchecsParPoste = e.Poste is null || EchecsParPoste is null ? EchecsParPoste : EchecsParPoste.Where(p => p.Key != e.Poste).ToDictionary(),
    };

    public Compte Apply(ConnexionEchouee e)
    {
        if (e.Poste is null)
        {
            return this with { EchecsConsecutifs = EchecsConsecutifs + 1 };
        }
        var postes = (EchecsParPoste ?? new Dictionary<string, EchecsPoste>()).ToDictionary();
        postes[e.Poste] = new EchecsPoste((postes.TryGetValue(e.Poste, out var avant) ? avant.Nombre : 0) + 1, e.EchoueeLe);
        return this with
        {
            EchecsConsecutifs = EchecsConsecutifs + 1,
            EchecsParPoste = postes.OrderByDescending(p => p.Value.Dernier).Take(PostesRetenus).ToDictionary(),
        };
    }

    public Compte Apply(CompteVerrouille e) => this with { VerrouilleJusqua = e.VerrouilleJusqua, EchecsConsecutifs = 0 };

    public Compte Apply(Deconnecte e) => SessionCourante == e.SessionId ? this with { SessionCourante = null } : this;

    public Compte Apply(ReinitialisationMotDePasseDemandee e) => this with { EmpreinteJeton = e.EmpreinteJeton, JetonExpireLe = e.ExpireLe };

    public Compte Apply(MotDePasseDefini e) => this with
    {
        MotDePasseHache = e.MotDePasseHache, EmpreinteJeton = null, JetonExpireLe = null, EchecsConsecutifs = 0,
        VerrouilleJusqua = null, SessionCourante = null,
    };

    public static CompteCree Creer(Guid id, Guid? organisationId, NouveauCompte saisie, string role, string? motDePasseHache,
        OrigineCompte origine, Guid creePar, DateTimeOffset maintenant) =>
        new(id, organisationId, saisie.Identifiant.Trim(), saisie.Email.Trim(), saisie.Prenom.Trim(), saisie.Nom.Trim(), role,
            motDePasseHache, origine, creePar, maintenant);

    /// <summary>
    /// How long this client must still wait before its next try on this account: nothing for the first failures, then
    /// a delay that doubles with each failure of the same client (up to 15 minutes). Other clients, the owner's
    /// included, are not slowed: nobody can lock someone else's account.
    /// </summary>
    public TimeSpan Attente(string poste, DateTimeOffset maintenant)
    {
        if (EchecsParPoste is null || !EchecsParPoste.TryGetValue(poste, out var echecs) || echecs.Nombre < EchecsAvantDelai)
        {
            return TimeSpan.Zero;
        }
        var delai = TimeSpan.FromSeconds(Math.Min(DelaiMaximal.TotalSeconds, 5 * Math.Pow(2, echecs.Nombre - EchecsAvantDelai)));
        var reste = echecs.Dernier + delai - maintenant;
        return reste > TimeSpan.Zero ? reste : TimeSpan.Zero;
    }

    /// <summary>
    /// A sign-in attempt. Until the password is right, every failure gets the same answer (an unknown account, a wrong
    /// password, an account not yet activated, a client made to wait): nobody learns which accounts exist. Only with
    /// the right password is the state of the account told (deactivated, refused).
    /// </summary>
    public ResultatConnexion Connecter(bool motDePasseCorrect, string poste, Guid sessionId, DateTimeOffset maintenant)
    {
        if (Attente(poste, maintenant) > TimeSpan.Zero)
        {
            return ResultatConnexion.Refus(ResultatConnexion.MessageIncorrect);
        }
        if (!motDePasseCorrect || MotDePasseHache is null)
        {
            var echec = new ConnexionEchouee(Id, maintenant, poste);
            return new ResultatConnexion(false, ResultatConnexion.MessageIncorrect, [echec], EchecsConsecutifs + 1 == EchecsAvantAlerte);
        }
        if (Rattachement == EtatRattachement.Refuse)
        {
            return ResultatConnexion.Refus("Votre demande de rattachement à l'organisme a été refusée. Adressez-vous à son administrateur.");
        }
        if (!Actif)
        {
            return ResultatConnexion.Refus("Ce compte est désactivé. Adressez-vous à l'administrateur de votre organisme.");
        }
        return new ResultatConnexion(true, null, [new ConnexionReussie(Id, sessionId, maintenant, poste)]);
    }

    /// <summary>An administrator of the organisation (or an agent of the Region) approves an "inscrit simple".</summary>
    public RattachementApprouve Approuver(Acteur par, DateTimeOffset maintenant) => EnAttente
        ? new RattachementApprouve(Id, par.CompteId, par.Nom, par.Role, maintenant)
        : throw new DomainException($"La demande de {NomComplet} a déjà été traitée.");

    public RattachementRefuse Refuser(Acteur par, DateTimeOffset maintenant) => EnAttente
        ? new RattachementRefuse(Id, par.CompteId, par.Nom, par.Role, maintenant)
        : throw new DomainException($"La demande de {NomComplet} a déjà été traitée.");

    public ReinitialisationMotDePasseDemandee DemanderReinitialisation(string empreinteJeton, TimeSpan validite, DateTimeOffset maintenant)
    {
        if (!Actif)
        {
            throw new DomainException("Ce compte est désactivé.");
        }
        return new ReinitialisationMotDePasseDemandee(Id, empreinteJeton, maintenant + validite, maintenant);
    }

    /// <summary>A reset link works once, before it expires, and only the last one sent.</summary>
    public MotDePasseDefini Reinitialiser(string empreinteJetonPresente, string nouveauHache, DateTimeOffset maintenant)
    {
        if (!Actif || EmpreinteJeton is null || JetonExpireLe is null || !EmpreintesEgales(EmpreinteJeton, empreinteJetonPresente))
        {
            throw new DomainException("Ce lien n'est plus valable : il a déjà servi ou un lien plus récent a été envoyé. Demandez un nouveau lien.");
        }
        if (JetonExpireLe <= maintenant)
        {
            throw new DomainException("Ce lien a expiré. Demandez un nouveau lien depuis « Mot de passe oublié ».");
        }
        return new MotDePasseDefini(Id, nouveauHache, maintenant);
    }

    public CompteDesactive Desactiver(Guid par, DateTimeOffset maintenant)
    {
        if (par == Id)
        {
            throw new DomainException("Vous ne pouvez pas désactiver votre propre compte.");
        }
        if (!Actif)
        {
            throw new DomainException($"Le compte {Identifiant} est déjà désactivé.");
        }
        return new CompteDesactive(Id, par, maintenant);
    }

    public CompteReactive Reactiver(Guid par, DateTimeOffset maintenant) =>
        Actif ? throw new DomainException($"Le compte {Identifiant} est déjà actif.")
        : Rattachement == EtatRattachement.Refuse
            ? throw new DomainException($"La demande de rattachement de {Identifiant} a été refusée : ce compte ne peut pas être réactivé. La personne peut faire une nouvelle demande, ou vous pouvez l'ajouter comme utilisateur.")
            : new CompteReactive(Id, par, maintenant);

    public bool EstSoumissionnaire => Role is Roles.AdministrateurOrganisme or Roles.UtilisateurOrganisme;

    private static bool EmpreintesEgales(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));
}

public sealed record ResultatConnexion(bool Reussie, string? Message, IReadOnlyList<object> Evenements, bool AlerterTitulaire = false)
{
    public const string MessageIncorrect =
        "Identifiant ou mot de passe incorrect. Après plusieurs échecs, patientez quelques instants avant de réessayer.";

    public static ResultatConnexion Refus(string message) => new(false, message, []);
}

/// <summary>Failures of one client (a fingerprint of its address) on an account.</summary>
public sealed record EchecsPoste(int Nombre, DateTimeOffset Dernier);

internal static class AffichageDate
{
    public static string ToParisText(this DateTimeOffset instant) => Sigma.BuildingBlocks.Time.ParisTime.Affiche(instant);
}
