namespace Sigma.BuildingBlocks.Contracts;

/// <summary>Claim types Sigma adds to the signed-in principal.</summary>
public static class SigmaClaims
{
    public const string OrganisationId = "sigma:organisation";
    public const string SessionId = "sigma:session";
    public const string NomComplet = "sigma:nom";
}
