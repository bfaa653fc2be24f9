using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;

namespace Sigma.Responses.Domain;

/// <summary>
/// What « Valider » checks (every mandatory field, formats, required pieces) and what « Enregistrer » checks (only the
/// format of what is filled in). Messages are French and keyed by the field's path, so they show next to the field.
/// </summary>
public static class Validation
{
    public static IReadOnlyList<Manquant> Candidature(DonneesCandidature d, IReadOnlySet<CategoriePiece> pieces) =>
        Manquants(new ValidateurCandidature(complet: true).Validate(d), OngletCandidature)
            .Concat(CataloguePieces.Candidature.Where(c => CataloguePieces.Requise(c, d) && !pieces.Contains(c))
                .Select(c => new Manquant("pieces", $"Piece_{c}", $"Déposez la pièce « {CataloguePieces.Libelle(c)} »."))).ToList();

    public static IReadOnlyList<Manquant> FormeCandidature(DonneesCandidature d) =>
        Manquants(new ValidateurCandidature(complet: false).Validate(d), OngletCandidature);

    public static IReadOnlyList<Manquant> Offre(DonneesOffre d, IReadOnlySet<CategoriePiece> pieces) =>
        Manquants(new ValidateurOffre(complet: true).Validate(d), OngletOffre)
            .Concat(CataloguePieces.Offre.Where(c => c != CategoriePiece.AutreOffre && !pieces.Contains(c))
                .Select(c => new Manquant("offre", $"Piece_{c}", $"Déposez la pièce « {CataloguePieces.Libelle(c)} »."))).ToList();

    public static IReadOnlyList<Manquant> FormeOffre(DonneesOffre d) => Manquants(new ValidateurOffre(complet: false).Validate(d), OngletOffre);

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

    internal static bool Vide(string? v) => string.IsNullOrWhiteSpace(v);

    internal static decimal? Nombre(string? v) =>
        decimal.TryParse((v ?? "").Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace('€', ' ').Trim().Replace(',', '.'),
            NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    internal static DateOnly? Date(string? v) =>
        DateOnly.TryParseExact(v?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    internal static bool SiretValide(string? v)
    {
        var s = new string((v ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (s.Length != 14 || !s.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (s.StartsWith("356000000", StringComparison.Ordinal))
        {
            return s.Sum(c => c - '0') % 5 == 0;
        }
        return Luhn(s[..9]) && Luhn(s);
    }

    /// <summary>The Luhn key that both the SIREN (9 digits) and the SIRET (14) carry.</summary>
    private static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var n = (chiffres[chiffres.Length - 1 - i] - '0') * (i % 2 == 1 ? 2 : 1);
            somme += n > 9 ? n - 9 : n;
        }
        return somme % 10 == 0;
    }

    internal static bool EmailValide(string? v) => v is not null && System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$");

    internal static bool TelephoneValide(string? v) => v is not null && System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^(\+33\s?|0)[1-9]([\s.-]?\d{2}){4}$");

    internal static bool CodePostalValide(string? v) => v is not null && System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^\d{5}$");
}

/// <summary>Small rules shared by the validators: required only when validating, format only when filled.</summary>
internal static class Regles
{
    public static void Requis<T>(this AbstractValidator<T> v, bool complet, Expression<Func<T, string?>> champ, string message)
    {
        if (complet)
        {
            v.RuleFor(champ).Must(x => !Validation.Vide(x)).WithMessage(message);
        }
    }

    public static void Format<T>(this AbstractValidator<T> v, Expression<Func<T, string?>> champ, Func<string?, bool> valide, string message) =>
        v.RuleFor(champ).Must(x => Validation.Vide(x) || valide(x)).WithMessage(message);

    public static void Longueur<T>(this AbstractValidator<T> v, Expression<Func<T, string?>> champ, int max) =>
        v.RuleFor(champ).Must(x => x is null || x.Length <= max).WithMessage($"{max:N0} caractères au plus.".Replace(",", " ", StringComparison.Ordinal));
}
