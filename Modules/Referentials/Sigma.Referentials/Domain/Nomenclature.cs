using Sigma.Referentials.Contracts;

namespace Sigma.Referentials.Domain;

/// <summary>
/// A nomenclature bidders pick codes from. <c>Embarquee</c>: shipped whole with Sigma and reloaded when its file
/// changes; otherwise a sample is shipped and the real list comes from an import command.
/// </summary>
public sealed record Nomenclature(string Nom, string Libelle, bool Embarquee)
{
    public static readonly Nomenclature Formacode = new(Nomenclatures.Formacode, "Formacode", true);
    public static readonly Nomenclature Nsf = new(Nomenclatures.Nsf, "NSF", true);
    public static readonly Nomenclature Rome = new(Nomenclatures.Rome, "ROME", true);
    public static readonly Nomenclature Rncp = new(Nomenclatures.Rncp, "RNCP", false);
    public static readonly Nomenclature Certifinfo = new(Nomenclatures.Certifinfo, "Certif Info", false);

    public static IReadOnlyList<Nomenclature> Toutes { get; } = [Formacode, Nsf, Rome, Rncp, Certifinfo];

    public static Nomenclature? Trouver(string? nom) =>
        Toutes.FirstOrDefault(n => string.Equals(n.Nom, nom?.Trim(), StringComparison.OrdinalIgnoreCase));
}
