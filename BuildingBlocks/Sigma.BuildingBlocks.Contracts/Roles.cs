namespace Sigma.BuildingBlocks.Contracts;

/// <summary>The four roles of Sigma, as stored in the authentication cookie.</summary>
public static class Roles
{
    public const string AdministrateurOrganisme = "AdministrateurOrganisme";
    public const string UtilisateurOrganisme = "UtilisateurOrganisme";
    public const string Agent = "Agent";
    public const string Auditeur = "Auditeur";

    /// <summary>French label of a role, for screens and mails.</summary>
    public static string Libelle(string role) => role switch
    {
        AdministrateurOrganisme => "Administrateur de l'organisme",
        UtilisateurOrganisme => "Utilisateur de l'organisme",
        Agent => "Agent de la Région",
        Auditeur => "Auditeur",
        _ => role,
    };
}
