using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Registration.Contracts;

/// <summary>An organisation registered on the platform with its first (administrator) account.</summary>
public sealed record OrganisationInscriteIntegrationEvent(
    Guid OrganisationId, string Siret, string Siren, string RaisonSociale, string CodeNaf, string Adresse, string Telephone,
    Guid AdministrateurId, string AdministrateurIdentifiant, string AdministrateurEmail, string AdministrateurNomComplet) : IntegrationEvent;

/// <summary>An administrator added an account to the organisation; its owner must choose a password through the link.</summary>
public sealed record CompteInviteIntegrationEvent(
    Guid CompteId, Guid OrganisationId, string RaisonSociale, string Identifiant, string Email, string NomComplet,
    string InvitePar, string LienActivation, DateTimeOffset ExpireLe) : IntegrationEvent;

/// <summary>Someone created a simple account with an already registered SIRET: the organisation's administrators are told.</summary>
public sealed record InscritSimpleCreeIntegrationEvent(
    Guid CompteId, Guid OrganisationId, string RaisonSociale, string Siret, string Identifiant, string Email, string NomComplet,
    IReadOnlyList<string> EmailsAdministrateurs) : IntegrationEvent;

/// <summary>A password reset was asked for an account: the link goes to the account's e-mail address only.</summary>
public sealed record ReinitialisationMotDePasseDemandeeIntegrationEvent(
    Guid CompteId, string Identifiant, string Email, string NomComplet, string Lien, DateTimeOffset ExpireLe) : IntegrationEvent;

/// <summary>An account was locked after repeated failed sign-ins.</summary>
public sealed record CompteVerrouilleIntegrationEvent(
    Guid CompteId, string Identifiant, string Email, string NomComplet, DateTimeOffset VerrouilleJusqua) : IntegrationEvent;
