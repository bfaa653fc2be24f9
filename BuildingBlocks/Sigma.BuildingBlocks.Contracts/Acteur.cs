using System.Security.Claims;

namespace Sigma.BuildingBlocks.Contracts;

/// <summary>
/// Who acts: built once from the signed-in user (<see cref="De"/>), carried by every command, recorded by every event
/// (the session's user name) — the one way every module says who did what.
/// </summary>
public sealed record Acteur(Guid CompteId, string Identifiant, string Nom, string Email, string Role, Guid? OrganisationId)
{
    /// <summary>Sigma itself (demo data, scheduled jobs).</summary>
    public static readonly Acteur Sigma = new(Guid.Empty, "sigma", "Sigma", "", "Sigma", null);

    public bool EstAgent => Role == Roles.Agent;

    public static Acteur De(ClaimsPrincipal user) => new(
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var compte) ? compte : Guid.Empty,
        user.Identity?.Name ?? "",
        user.FindFirst(SigmaClaims.NomComplet)?.Value ?? user.Identity?.Name ?? "",
        user.FindFirst(ClaimTypes.Email)?.Value ?? "",
        user.FindFirst(ClaimTypes.Role)?.Value ?? "",
        Guid.TryParse(user.FindFirst(SigmaClaims.OrganisationId)?.Value, out var organisation) ? organisation : null);
}
