using Sigma.Registration.Contracts;

namespace Sigma.Registration.Features.MotDePasseOublie;

public sealed class DemanderReinitialisation : IRequest<int>
{
    public string? Email { get; set; }
}

/// <summary>
/// Sends a single-use link, valid one hour, to the address of every active account registered with that e-mail.
/// The page answers the same whether or not an account matches, so it tells nobody which addresses are registered.
/// </summary>
internal sealed class DemanderReinitialisationHandler(IRegistrationStore store, TimeProvider clock, Sigma.BuildingBlocks.Web.AdressePublique adresse)
    : IRequestHandler<DemanderReinitialisation, int>
{
    public static readonly TimeSpan Validite = TimeSpan.FromHours(1);

    public async Task<int> Handle(DemanderReinitialisation r, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        var email = (r.Email ?? "").Trim();
        await using var session = store.LightweightSession();
        var comptes = await session.Query<Compte>().Where(c => c.Email.Equals(email, StringComparison.OrdinalIgnoreCase) && c.Actif).ToListAsync(ct);
        foreach (var compte in comptes)
        {
            var (jeton, empreinte) = MotsDePasse.NouveauJeton();
            var demande = compte.DemanderReinitialisation(empreinte, Validite, maintenant);
            session.Events.Append(compte.Id, demande);
            session.Publish(new ReinitialisationMotDePasseDemandeeIntegrationEvent(compte.Id, compte.Identifiant, compte.Email,
                compte.NomComplet, LienDefinirMotDePasse.Pour(adresse.Base, compte.Id, jeton), demande.ExpireLe) { OccurredAt = maintenant });
        }
        await session.SaveChangesAsync(ct);
        return comptes.Count;
    }
}

internal static class LienDefinirMotDePasse
{
    public static string Pour(string urlPublique, Guid compteId, string jeton) =>
        $"{urlPublique}/mot-de-passe/definir?compte={compteId}&jeton={Uri.EscapeDataString(jeton)}";
}
