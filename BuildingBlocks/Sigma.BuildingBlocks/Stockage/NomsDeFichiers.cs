using System.Globalization;

namespace Sigma.BuildingBlocks.Stockage;

/// <summary>The one clean-up of the names of files sent by a browser, for every module.</summary>
public static class NomsDeFichiers
{
    public const int LongueurMax = 150;

    /// <summary>An extension longer than this is no extension: it is cut with the rest of the name.</summary>
    private const int ExtensionMax = 16;

    /// <summary>
    /// A name safe to store, show and send in a header: no folders, no control characters, no Unicode format characters
    /// (a right-to-left override would show « facture‮fdp.exe » as « facture.exe.pdf »), none of the characters file
    /// systems refuse, at most <see cref="LongueurMax"/> characters with its extension kept when it has a short one.
    /// </summary>
    public static string Sur(string? nom, string parDefaut = "fichier")
    {
        var simple = Path.GetFileName((nom ?? "").Replace('\\', '/'));
        var propre = string.Concat(simple
                .Where(c => !char.IsControl(c)
                    && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned))
                .Select(c => c is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c))
            .Trim().Trim('.').Trim();
        if (propre.Length == 0)
        {
            return parDefaut;
        }
        if (propre.Length <= LongueurMax)
        {
            return propre;
        }
        var extension = Path.GetExtension(propre);
        return extension.Length is > 1 and <= ExtensionMax
            ? propre[..(LongueurMax - extension.Length)].TrimEnd() + extension
            : propre[..LongueurMax].TrimEnd();
    }
}
