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

public sealed record OrganisationInscrite(
    Guid OrganisationId, string Siret, string Siren, string RaisonSociale, string CodeNaf,
    Adresse Adresse, string Telephone, Guid InscritePar, DateTimeOffset InscriteLe);

public sealed record CompteCree(
    Guid CompteId, Guid? OrganisationId, string Identifiant, string Email, string Prenom, string Nom, string Role,
    string? MotDePasseHache, OrigineCompte Origine, Guid CreePar, DateTimeOffset CreeLe);

public sealed record CompteDesactive(Guid CompteId, Guid DesactivePar, DateTimeOffset DesactiveLe);

public sealed record CompteReactive(Guid CompteId, Guid ReactivePar, DateTimeOffset ReactiveLe);

public sealed record ConnexionReussie(Guid CompteId, Guid SessionId, DateTimeOffset ConnecteLe);

public sealed record ConnexionEchouee(Guid CompteId, DateTimeOffset EchoueeLe);

public sealed record CompteVerrouille(Guid CompteId, DateTimeOffset VerrouilleJusqua, DateTimeOffset VerrouilleLe);

public sealed record Deconnecte(Guid CompteId, Guid SessionId, DateTimeOffset DeconnecteLe);

public sealed record ReinitialisationMotDePasseDemandee(Guid CompteId, string EmpreinteJeton, DateTimeOffset ExpireLe, DateTimeOffset DemandeeLe);

public sealed record MotDePasseDefini(Guid CompteId, string MotDePasseHache, DateTimeOffset DefiniLe);
