namespace Sigma.BuildingBlocks.Contracts;

/// <summary>Names of the authorization policies every module uses.</summary>
public static class Policies
{
    public const string Soumissionnaire = "Soumissionnaire";
    public const string AdministrateurOrganisme = "AdministrateurOrganisme";
    public const string Agent = "Agent";
    public const string Auditeur = "Auditeur";

    /// <summary>Who decides on an "inscrit simple" request: an administrator of the organisation, or an agent.</summary>
    public const string DecideurRattachement = "DecideurRattachement";

    /// <summary>Any signed-in account of the four roles: not a pending "inscrit simple".</summary>
    public const string CompteRattache = "CompteRattache";
}
