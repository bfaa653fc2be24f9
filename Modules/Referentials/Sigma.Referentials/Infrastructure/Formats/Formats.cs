using Sigma.Referentials.Contracts;

namespace Sigma.Referentials.Infrastructure.Formats;

/// <summary>What a file holds: the entries to keep, the codes of inactive entries, and rows set aside with their reason.</summary>
internal sealed record LectureFichier(IReadOnlyList<EntreeReferentiel> Entrees, IReadOnlyList<string> Inactives, IReadOnlyDictionary<string, int> Ecartees)
{
    public static LectureFichier Depuis(IEnumerable<EntreeReferentiel> entrees) => new Collecte().Avec(entrees).Lecture();
}

/// <summary>Gathers entries row by row; a code seen twice keeps its last row.</summary>
internal sealed class Collecte
{
    private readonly Dictionary<string, EntreeReferentiel> _entrees = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inactives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ecartees = [];

    public Collecte Avec(IEnumerable<EntreeReferentiel> entrees)
    {
        foreach (var e in entrees)
        {
            Garder(e);
        }
        return this;
    }

    public void Garder(EntreeReferentiel entree)
    {
        _inactives.Remove(entree.Code);
        _entrees[entree.Code] = entree;
    }

    public void Inactive(string code)
    {
        _entrees.Remove(code);
        _inactives.Add(code);
    }

    public void Ecarter(string raison) => _ecartees[raison] = _ecartees.GetValueOrDefault(raison) + 1;

    public LectureFichier Lecture() => new([.. _entrees.Values], [.. _inactives], _ecartees);
}

/// <summary>The nomenclatures shipped whole with Sigma, each in the shape of its source file (see Donnees/SOURCES.md).</summary>
internal static class FormatsEmbarques
{
    /// <summary>Formacode (LHÉO thesaurus): <c>;</c>, no header, code in column 0, lower-case label with accents in column 2.</summary>
    public static LectureFichier Formacode(TextReader lecteur) => LectureFichier.Depuis(
        LecteurCsv.Enregistrements(lecteur, ';')
            .Where(c => c.Length > 2 && c[0].Trim().All(char.IsAsciiDigit) && c[2].Trim().Length > 0)
            .Select(c => new EntreeReferentiel(c[0].Trim(), c[2].Trim(), null)));

    /// <summary>NSF: <c>code;libelle</c> with a header.</summary>
    public static LectureFichier Nsf(TextReader lecteur) => AvecEnTete(lecteur, ';');

    /// <summary>ROME v3: <c>rome_id|rome_label</c>.</summary>
    public static LectureFichier Rome(TextReader lecteur) => AvecEnTete(lecteur, '|');

    private static LectureFichier AvecEnTete(TextReader lecteur, char separateur) => LectureFichier.Depuis(
        LecteurCsv.Enregistrements(lecteur, separateur).Skip(1)
            .Where(c => c.Length > 1 && c[0].Trim().Length > 0 && c[1].Trim().Length > 0)
            .Select(c => new EntreeReferentiel(c[0].Trim(), c[1].Trim(), null)));
}

/// <summary>A file whose header lacks a column the import needs.</summary>
internal sealed class FormatInvalideException(string message) : Exception(message);
