namespace Sigma.BuildingBlocks.Contracts;

/// <summary>The four roles of Sigma, as stored in the authentication cookie.</summary>
public static class Roles
{
    public const string AdministrateurOrganisme = "AdministrateurOrganisme";
    public const string UtilisateurOrganisme = "UtilisateurOrganisme";
    public const string Agent = "Agent";
    public const string Auditeur = "Auditeur";

    /// <summary>
    /// An "inscrit simple" whose request is not yet approved: signed in, but with no organisation and no bidder role,
    /// it sees and does nothing of the organisation.
    /// </summary>
    public const string EnAttente = "EnAttente";

    /// <summary>French label of a role, for screens and mails.</summary>
    public static string Libelle(string role) => role switch
    {
        AdministrateurOrganisme => "Administrateur de l'organisme",
        UtilisateurOrganisme => "Utilisateur de l'organisme",
        Agent => "Agent de la Région",
        Auditeur => "Auditeur",
        EnAttente => "Demande de rattachement en attente",
        _ => role,
    };
}
