using System.Security.Claims;
using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Responses.Features;

/// <summary>Who acts, as the authentication cookie says: every event records it.</summary>
public sealed record Acteur(Guid CompteId, Guid OrganisationId, string Identifiant, string Nom, string Email)
{
    public static Acteur De(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        Guid.TryParse(user.FindFirstValue(SigmaClaims.OrganisationId), out var o) ? o : Guid.Empty,
        user.Identity!.Name!,
        user.FindFirstValue(SigmaClaims.NomComplet) ?? user.Identity!.Name!,
        user.FindFirstValue(ClaimTypes.Email) ?? "");
}
