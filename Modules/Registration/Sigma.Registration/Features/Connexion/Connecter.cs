using Sigma.Registration.Contracts;

namespace Sigma.Registration.Features.Connexion;

public sealed class Connecter : IRequest<ResultatConnecter>
{
    public string? Identifiant { get; set; }
    public string? MotDePasse { get; set; }
    public string? Retour { get; set; }

    /// <summary>Fingerprint of the client's address, set by the controller: failures slow down that client only.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public string Poste { get; set; } = "";
}

public sealed record ResultatConnecter(Compte? Compte, Guid SessionId, string? Erreur);

/// <summary>Checks the password and opens a new session, which ends every other session of the account.</summary>
internal sealed class ConnecterHandler(IRegistrationStore store, MotsDePasse motsDePasse, TimeProvider clock, Sigma.BuildingBlocks.Web.AdressePublique adresse)
    : IRequestHandler<Connecter, ResultatConnecter>
{
    public async Task<ResultatConnecter> Handle(Connecter r, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        var identifiant = Compte.Normaliser(r.Identifiant ?? "");
        await using var session = store.LightweightSession();
        var trouve = await session.Query<Compte>().FirstOrDefaultAsync(c => c.IdentifiantNormalise == identifiant, ct);
        if (trouve is null)
        {
            motsDePasse.Verifier(null, r.MotDePasse ?? "");
            return new ResultatConnecter(null, Guid.Empty, ResultatConnexion.MessageIncorrect);
        }

        var flux = await session.Events.FetchForWriting<Compte>(trouve.Id, ct);
        var compte = flux.Aggregate!;
        // The hash is computed even for a client made to wait, so that the time of the answer tells nothing either.
        var attend = compte.Attente(r.Poste, maintenant) > TimeSpan.Zero;
        var correct = motsDePasse.Verifier(attend ? null : compte.MotDePasseHache, r.MotDePasse ?? "");
        var sessionId = Guid.NewGuid();
        var resultat = compte.Connecter(correct, r.Poste, sessionId, maintenant);
        if (resultat.Evenements.Count == 0)
        {
            return new ResultatConnecter(null, Guid.Empty, resultat.Message);
        }
        session.LastModifiedBy = compte.Identifiant;
        flux.AppendMany(resultat.Evenements);
        if (resultat.AlerterTitulaire)
        {
            session.Publish(new EchecsConnexionRepetesIntegrationEvent(compte.Id, compte.Identifiant, compte.Email, compte.NomComplet,
                Compte.EchecsAvantAlerte) { OccurredAt = maintenant, LienPage = adresse.Lien("/mot-de-passe-oublie") });
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException) when (!resultat.Reussie)
        {
            // Another attempt on the same account was saved at the same instant: this failure is answered all the same.
        }
        return resultat.Reussie ? new ResultatConnecter(compte, sessionId, null) : new ResultatConnecter(null, Guid.Empty, resultat.Message);
    }
}

public sealed record Deconnecter(Guid CompteId, Guid SessionId) : IRequest<Unit>;

internal sealed class DeconnecterHandler(IRegistrationStore store, TimeProvider clock) : IRequestHandler<Deconnecter, Unit>
{
    public async Task<Unit> Handle(Deconnecter r, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var flux = await session.Events.FetchForWriting<Compte>(r.CompteId, ct);
        if (flux.Aggregate?.SessionCourante == r.SessionId)
        {
            session.LastModifiedBy = flux.Aggregate.Identifiant;
            flux.AppendOne(new Deconnecte(r.CompteId, r.SessionId, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        return Unit.Value;
    }
}
