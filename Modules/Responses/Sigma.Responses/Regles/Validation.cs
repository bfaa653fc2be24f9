using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;


namespace Sigma.Responses.Regles;

/// <summary>
/// What « Valider » checks (every mandatory field, formats, required pieces) and what « Enregistrer » checks (only the
/// format of what is filled in). Messages are French and keyed by the field's path, so they show next to the field.
/// </summary>
public static class Validation
{
    // Built once: a validator compiles an accessor for each of its rules, and is then read-only (safe to share).
    private static readonly ValidateurCandidature CandidatureComplete = new(complet: true);
    private static readonly ValidateurCandidature CandidatureForme = new(complet: false);
    private static readonly ValidateurOffre OffreComplete = new(complet: true);
    private static readonly ValidateurOffre OffreForme = new(complet: false);

    public static IReadOnlyList<Manquant> Candidature(DonneesCandidature d, IReadOnlySet<CategoriePiece> pieces) =>
        Manquants(CandidatureComplete.Validate(d), OngletCandidature)
            .Concat(CataloguePieces.Candidature.Where(c => CataloguePieces.Requise(c, d) && !pieces.Contains(c))
                .Select(c => new Manquant("pieces", $"Piece_{c}", $"Déposez la pièce « {CataloguePieces.Libelle(c)} »."))).ToList();

    public static IReadOnlyList<Manquant> FormeCandidature(DonneesCandidature d) =>
        Manquants(CandidatureForme.Validate(d), OngletCandidature);

    public static IReadOnlyList<Manquant> Offre(DonneesOffre d, IReadOnlySet<CategoriePiece> pieces) =>
        Manquants(OffreComplete.Validate(d), OngletOffre)
            .Concat(CataloguePieces.Offre.Where(c => c != CategoriePiece.AutreOffre && !pieces.Contains(c))
                .Select(c => new Manquant("offre", $"Piece_{c}", $"Déposez la pièce « {CataloguePieces.Libelle(c)} »."))).ToList();

    public static IReadOnlyList<Manquant> FormeOffre(DonneesOffre d) => Manquants(OffreForme.Validate(d), OngletOffre);

    private static string OngletCandidature(string champ) =>
        champ.StartsWith("Candidat", StringComparison.Ordinal) ? "candidat"
        : champ.StartsWith("Sites", StringComparison.Ordinal) ? "sites"
        : champ.StartsWith("Membres", StringComparison.Ordinal) || champ == "RepartitionPrestations" ? "membres" : "pieces";

    private static string OngletOffre(string champ) =>
        champ.StartsWith("Prestataires", StringComparison.Ordinal) ? "prestataires"
        : champ.StartsWith("Sites", StringComparison.Ordinal) ? "sites"
        : champ.StartsWith("Composantes", StringComparison.Ordinal) ? "pedagogie"
        : champ.StartsWith("Prix", StringComparison.Ordinal) ? "prix" : "offre";

    private static List<Manquant> Manquants(FluentValidation.Results.ValidationResult r, Func<string, string> onglet) =>
        r.Errors.Select(e => new Manquant(onglet(e.PropertyName), e.PropertyName, e.ErrorMessage)).ToList();

}

/// <summary>Small rules shared by the validators: required only when validating, format only when filled.</summary>
internal static class Regles
{
    public static void Requis<T>(this AbstractValidator<T> v, bool complet, Expression<Func<T, string?>> champ, string message)
    {
        if (complet)
        {
            v.RuleFor(champ).Must(x => !Saisie.Vide(x)).WithMessage(message);
        }
    }

    public static void Format<T>(this AbstractValidator<T> v, Expression<Func<T, string?>> champ, Func<string?, bool> valide, string message) =>
        v.RuleFor(champ).Must(x => Saisie.Vide(x) || valide(x)).WithMessage(message);

    /// <summary>The code postal (required when validating, 5 digits) and the commune of an address.</summary>
    public static void CodePostalEtCommune<T>(this AbstractValidator<T> v, bool complet, Expression<Func<T, string?>> codePostal,
        Expression<Func<T, string?>> commune)
    {
        v.Requis(complet, codePostal, "Saisissez le code postal.");
        v.Format(codePostal, Saisie.CodePostalValide, "Le code postal compte 5 chiffres.");
        v.Requis(complet, commune, "Saisissez la commune.");
    }

    /// <summary>A French phone number and an e-mail address, both required when validating.</summary>
    public static void Coordonnees<T>(this AbstractValidator<T> v, bool complet, Expression<Func<T, string?>> telephone, string exempleTelephone,
        Expression<Func<T, string?>> email, string exempleEmail)
    {
        v.Requis(complet, telephone, "Saisissez le téléphone.");
        v.Format(telephone, Saisie.TelephoneValide, $"Le téléphone doit être un numéro français (ex. : {exempleTelephone}).");
        v.Requis(complet, email, "Saisissez l'adresse électronique.");
        v.Format(email, Saisie.EmailValide, $"L'adresse électronique n'est pas valide (ex. : {exempleEmail}).");
    }

    public static void Longueur<T>(this AbstractValidator<T> v, Expression<Func<T, string?>> champ, int max) =>
        v.RuleFor(champ).Must(x => x is null || x.Length <= max).WithMessage($"{max:N0} caractères au plus.".Replace(",", " ", StringComparison.Ordinal));
}
