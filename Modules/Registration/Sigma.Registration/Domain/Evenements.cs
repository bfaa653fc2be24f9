namespace Sigma.Registration.Domain;

public sealed record Adresse(string Ligne1, string? Ligne2, string CodePostal, string Ville)
{
    public override string ToString() => string.Join(", ", new[] { Ligne1, Ligne2, $"{CodePostal} {Ville}" }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

public enum OrigineCompte
{
    /// <summary>The first account of an organisation, created with it.</summary>
    Inscription,
    /// <summary>Created by someone of the organisation who knew its SIRET (lost credentials, new colleague).</summary>
    InscriptionSimple,
    /// <summary>Created by the organisation's administrator.</summary>
    AjoutParAdministrateur,
    /// <summary>An agent or auditor account created by the platform.</summary>
    Plateforme,
}

/// <summary>Whether an account may act for its organisation.</summary>
public enum EtatRattachement
{
    /// <summary>Created by the organisation's registration or its administrator, or approved.</summary>
    Rattache,
    /// <summary>An "inscrit simple" not yet approved: it sees and does nothing of the organisation.</summary>
    EnAttente,
    /// <summary>An "inscrit simple" refused.</summary>
    Refuse,
}

public sealed record OrganisationInscrite(
    Guid OrganisationId, string Siret, string Siren, string RaisonSociale, string CodeNaf,
    Adresse Adresse, string Telephone, Guid InscritePar, DateTimeOffset InscriteLe);

public sealed record CompteCree(
    Guid CompteId, Guid? OrganisationId, string Identifiant, string Email, string Prenom, string Nom, string Role,
    string? MotDePasseHache, OrigineCompte Origine, Guid CreePar, DateTimeOffset CreeLe);

public sealed record CompteDesactive(Guid CompteId, Guid DesactivePar, DateTimeOffset DesactiveLe);

public sealed record CompteReactive(Guid CompteId, Guid ReactivePar, DateTimeOffset ReactiveLe);

/// <param name="Poste">Fingerprint of the client's address (never the address itself).</param>
public sealed record ConnexionReussie(Guid CompteId, Guid SessionId, DateTimeOffset ConnecteLe, string? Poste = null);

public sealed record ConnexionEchouee(Guid CompteId, DateTimeOffset EchoueeLe, string? Poste = null);

public sealed record RattachementApprouve(Guid CompteId, Guid ApprouvePar, string ApprouveParNom, string RoleDecideur, DateTimeOffset ApprouveLe);

public sealed record RattachementRefuse(Guid CompteId, Guid RefusePar, string RefuseParNom, string RoleDecideur, DateTimeOffset RefuseLe);

/// <summary>The former hard lock (kept so that old histories replay).</summary>
public sealed record CompteVerrouille(Guid CompteId, DateTimeOffset VerrouilleJusqua, DateTimeOffset VerrouilleLe);

public sealed record Deconnecte(Guid CompteId, Guid SessionId, DateTimeOffset DeconnecteLe);

public sealed record ReinitialisationMotDePasseDemandee(Guid CompteId, string EmpreinteJeton, DateTimeOffset ExpireLe, DateTimeOffset DemandeeLe);

public sealed record MotDePasseDefini(Guid CompteId, string MotDePasseHache, DateTimeOffset DefiniLe);
