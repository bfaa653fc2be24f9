using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Registration.Contracts;

/// <summary>An organisation registered on the platform with its first (administrator) account.</summary>
public sealed record OrganisationInscriteIntegrationEvent(
    Guid OrganisationId, string Siret, string Siren, string RaisonSociale, string CodeNaf, string Adresse, string Telephone,
    Guid AdministrateurId, string AdministrateurIdentifiant, string AdministrateurEmail, string AdministrateurNomComplet) : IntegrationEvent
{
    /// <summary>The address as typed at registration, field by field (<see cref="Adresse"/> is the same on one line).</summary>
    public string Voie { get; init; } = "";

    public string? Complement { get; init; }

    public string CodePostal { get; init; } = "";

    public string Commune { get; init; } = "";

    /// <summary>Demo data: the other modules learn the organisation, nobody is mailed.</summary>
    public bool SansCourriel { get; init; }
}

/// <summary>An administrator added an account to the organisation; its owner must choose a password through the link.</summary>
public sealed record CompteInviteIntegrationEvent(
    Guid CompteId, Guid OrganisationId, string RaisonSociale, string Identifiant, string Email, string NomComplet,
    string InvitePar, string LienActivation, DateTimeOffset ExpireLe) : IntegrationEvent;

/// <summary>
/// Someone asked for an account of an already registered organisation ("inscrit simple"): the account is pending
/// until an administrator of the organisation (or an agent) approves it; the administrators are asked by mail.
/// </summary>
public sealed record InscritSimpleCreeIntegrationEvent(
    Guid CompteId, Guid OrganisationId, string RaisonSociale, string Siret, string Identifiant, string Email, string NomComplet,
    IReadOnlyList<string> EmailsAdministrateurs) : IntegrationEvent
{
    /// <summary>
    /// When the organisation has no active administrator: the Region's agents, who decide from the back office
    /// (<see cref="LienBackOffice"/>) after checking the person.
    /// </summary>
    public IReadOnlyList<string> EmailsAgents { get; init; } = [];

    public string? LienBackOffice { get; init; }
}

/// <summary>A password reset was asked for an account: the link goes to the account's e-mail address only.</summary>
public sealed record ReinitialisationMotDePasseDemandeeIntegrationEvent(
    Guid CompteId, string Identifiant, string Email, string NomComplet, string Lien, DateTimeOffset ExpireLe) : IntegrationEvent;

/// <summary>The request of an "inscrit simple" was approved or refused: its author is told.</summary>
public sealed record RattachementDecideIntegrationEvent(
    Guid CompteId, Guid OrganisationId, string RaisonSociale, string Identifiant, string Email, string NomComplet, bool Approuve,
    string DecidePar) : IntegrationEvent;

/// <summary>Repeated failed sign-ins on an account: its owner is told (the clients that failed are slowed, nobody is locked out).</summary>
public sealed record EchecsConnexionRepetesIntegrationEvent(
    Guid CompteId, string Identifiant, string Email, string NomComplet, int Echecs) : IntegrationEvent;
