using FluentValidation;

namespace Sigma.Registration.Features.DefinirMotDePasse;

/// <summary>Chooses a password through a link received by mail (reset or activation of an invited account).</summary>
public sealed class DefinirMotDePasse : IRequest<string>, IChampsMotDePasse
{
    public Guid Compte { get; set; }
    public string? Jeton { get; set; }
    public string? MotDePasse { get; set; }
    public string? ConfirmationMotDePasse { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string? Identifiant { get; set; }
}

internal sealed class DefinirMotDePasseValidator : AbstractValidator<DefinirMotDePasse>
{
    public DefinirMotDePasseValidator() => Include(new ChampsMotDePasseValidator());
}

internal sealed class DefinirMotDePasseHandler(IRegistrationStore store, MotsDePasse motsDePasse, TimeProvider clock)
    : IRequestHandler<DefinirMotDePasse, string>
{
    public const string LienInvalide = "Ce lien n'est pas valable. Demandez un nouveau lien depuis « Mot de passe oublié ».";

    public async Task<string> Handle(DefinirMotDePasse r, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var flux = await session.Events.FetchForWriting<Compte>(r.Compte, ct);
        var compte = flux.Aggregate ?? throw new DomainException(LienInvalide);
        if (PolitiqueMotDePasse.Erreur(r.MotDePasse, compte.Identifiant) is { } erreur)
        {
            throw new DomainException(erreur, nameof(r.MotDePasse));
        }
        var defini = compte.Reinitialiser(MotsDePasse.Empreinte(r.Jeton ?? ""), motsDePasse.Hacher(r.MotDePasse!), clock.GetUtcNow());
        session.LastModifiedBy = compte.Identifiant;
        flux.AppendOne(defini);
        await session.SaveChangesAsync(ct);
        return compte.Identifiant;
    }
}
