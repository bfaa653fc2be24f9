namespace Sigma.Referentials.Contracts;

/// <summary>The nomenclatures served under <c>/referentiels/{nomenclature}</c>, by the name used in that address.</summary>
public static class Nomenclatures
{
    public const string Formacode = "formacode";
    public const string Nsf = "nsf";
    public const string Rome = "rome";
    public const string Rncp = "rncp";
    public const string Certifinfo = "certifinfo";
}

/// <summary>One entry of a nomenclature as the autocomplete returns it in JSON; <c>Niveau</c> is the European level, when known.</summary>
public sealed record EntreeReferentiel(string Code, string Libelle, string? Niveau);
