using FluentValidation;

namespace Sigma.Registration.Features;

/// <summary>The fields of a person's account, typed in several forms.</summary>
public interface IChampsCompte
{
    string? Identifiant { get; }
    string? Email { get; }
    string? Prenom { get; }
    string? Nom { get; }
}

public interface IChampsMotDePasse
{
    string? Identifiant { get; }
    string? MotDePasse { get; }
    string? ConfirmationMotDePasse { get; }
}

/// <summary>The account someone creates for themself: who they are and the password they choose.</summary>
public abstract class NouveauCompteAvecMotDePasse : IChampsCompte, IChampsMotDePasse
{
    public string? Identifiant { get; set; }
    public string? Email { get; set; }
    public string? Prenom { get; set; }
    public string? Nom { get; set; }
    public string? MotDePasse { get; set; }
    public string? ConfirmationMotDePasse { get; set; }
}

internal sealed class ChampsCompteValidator : AbstractValidator<IChampsCompte>
{
    public ChampsCompteValidator()
    {
        RuleFor(x => x.Identifiant).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("L'identifiant est obligatoire.")
            .Length(3, 50).WithMessage("L'identifiant doit comporter entre 3 et 50 caractères.")
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage("L'identifiant ne peut contenir que des lettres sans accent, des chiffres et les caractères . _ - @");
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("L'adresse électronique est obligatoire.")
            .MaximumLength(254).WithMessage("L'adresse électronique est trop longue.")
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").WithMessage("L'adresse électronique n'est pas valide (ex. : nom@organisme.fr).");
        RuleFor(x => x.Prenom).NotEmpty().WithMessage("Le prénom est obligatoire.").MaximumLength(100).WithMessage("Le prénom est trop long.");
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom est obligatoire.").MaximumLength(100).WithMessage("Le nom est trop long.");
    }
}

internal sealed class ChampsMotDePasseValidator : AbstractValidator<IChampsMotDePasse>
{
    public ChampsMotDePasseValidator()
    {
        RuleFor(x => x.MotDePasse).Custom((mdp, ctx) =>
        {
            if (PolitiqueMotDePasse.Erreur(mdp, ctx.InstanceToValidate.Identifiant) is { } erreur)
            {
                ctx.AddFailure(erreur);
            }
        });
        RuleFor(x => x.ConfirmationMotDePasse)
            .Equal(x => x.MotDePasse).WithMessage("La confirmation ne correspond pas au mot de passe.");
    }
}

internal static class ReglesSiret
{
    /// <summary>The SIRET rule with its French explanation (SIREN alone, letters, length, Luhn keys).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> SiretValide<T>(this IRuleBuilder<T, string?> regle) =>
        regle.Custom((siret, ctx) =>
        {
            if (Siret.Erreur(siret) is { } erreur)
            {
                ctx.AddFailure(erreur);
            }
        });
}

internal static class Messages
{
    public const string IdentifiantPris = "Cet identifiant est déjà utilisé. Choisissez-en un autre.";
}
