using Sigma.BuildingBlocks.Contracts;
using Sigma.BuildingBlocks.Domain;

namespace Sigma.Registration.Domain;

/// <summary>A person's account: bidder (administrator or user of an organisation), agent or auditor.</summary>
public sealed record Compte(
    Guid Id, Guid? OrganisationId, string Identifiant, string IdentifiantNormalise, string Email, string Prenom, string Nom,
    string Role, string? MotDePasseHache, bool Actif, OrigineCompte Origine, DateTimeOffset CreeLe,
    Guid? SessionCourante, int EchecsConsecutifs, DateTimeOffset? VerrouilleJusqua,
    string? EmpreinteJeton, DateTimeOffset? JetonExpireLe, DateTimeOffset? DerniereConnexion)
{
    public const int EchecsAvantVerrouillage = 5;
    public static readonly TimeSpan DureeVerrouillage = TimeSpan.FromMinutes(15);

    public string NomComplet => $"{Prenom} {Nom}".Trim();

    public static string Normaliser(string identifiant) => identifiant.Trim().ToUpperInvariant();

    public static Compte Create(CompteCree e) => new(
        e.CompteId, e.OrganisationId, e.Identifiant, Normaliser(e.Identifiant), e.Email, e.Prenom, e.Nom, e.Role,
        e.MotDePasseHache, true, e.Origine, e.CreeLe, null, 0, null, null, null, null);

    public Compte Apply(CompteDesactive e) => this with { Actif = false, SessionCourante = null };

    public Compte Apply(CompteReactive e) => this with { Actif = true, EchecsConsecutifs = 0, VerrouilleJusqua = null };

    public Compte Apply(ConnexionReussie e) => this with
    {
        SessionCourante = e.SessionId, EchecsConsecutifs = 0, VerrouilleJusqua = null, DerniereConnexion = e.ConnecteLe,
    };

    public Compte Apply(ConnexionEchouee e) => this with { EchecsConsecutifs = EchecsConsecutifs + 1 };

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

    public bool EstVerrouille(DateTimeOffset maintenant) => VerrouilleJusqua is { } jusqua && jusqua > maintenant;

    /// <summary>A sign-in attempt: its events are kept whatever the outcome (failures count towards the lock).</summary>
    public ResultatConnexion Connecter(bool motDePasseCorrect, Guid sessionId, DateTimeOffset maintenant)
    {
        if (!Actif)
        {
            return ResultatConnexion.Refus("Ce compte est désactivé. Adressez-vous à l'administrateur de votre organisme.");
        }
        if (EstVerrouille(maintenant))
        {
            return ResultatConnexion.Refus(
                $"Ce compte est verrouillé après {EchecsAvantVerrouillage} échecs de connexion, jusqu'au {VerrouilleJusqua!.Value.ToParisText()}. " +
                "Réessayez plus tard ou utilisez « Mot de passe oublié ».");
        }
        if (MotDePasseHache is null)
        {
            return ResultatConnexion.Refus("Ce compte n'est pas encore activé : utilisez le lien reçu par courriel, ou « Mot de passe oublié ».");
        }
        if (motDePasseCorrect)
        {
            return new ResultatConnexion(true, null, [new ConnexionReussie(Id, sessionId, maintenant)]);
        }
        var echec = new ConnexionEchouee(Id, maintenant);
        if (EchecsConsecutifs + 1 >= EchecsAvantVerrouillage)
        {
            var jusqua = maintenant + DureeVerrouillage;
            return new ResultatConnexion(false,
                $"Identifiant ou mot de passe incorrect. Après {EchecsAvantVerrouillage} échecs, le compte est verrouillé jusqu'au {jusqua.ToParisText()}.",
                [echec, new CompteVerrouille(Id, jusqua, maintenant)]);
        }
        return new ResultatConnexion(false, ResultatConnexion.MessageIncorrect, [echec]);
    }

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
        Actif ? throw new DomainException($"Le compte {Identifiant} est déjà actif.") : new CompteReactive(Id, par, maintenant);

    public bool EstSoumissionnaire => Role is Roles.AdministrateurOrganisme or Roles.UtilisateurOrganisme;

    private static bool EmpreintesEgales(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));
}

public sealed record ResultatConnexion(bool Reussie, string? Message, IReadOnlyList<object> Evenements)
{
    public const string MessageIncorrect = "Identifiant ou mot de passe incorrect.";

    public static ResultatConnexion Refus(string message) => new(false, message, []);
}

internal static class AffichageDate
{
    public static string ToParisText(this DateTimeOffset instant) => Sigma.BuildingBlocks.Time.ParisTime.Affiche(instant);
}
