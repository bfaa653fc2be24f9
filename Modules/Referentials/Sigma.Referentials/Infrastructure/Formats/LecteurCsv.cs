using System.Text;

namespace Sigma.Referentials.Infrastructure.Formats;

/// <summary>
/// Reads delimited files as exported by France Compétences and the Carif-Oref: a byte-order mark or none, UTF-8 or
/// Windows-1252, fields quoted or not (quotes doubled inside, separators and line breaks allowed inside quotes).
/// </summary>
internal static class LecteurCsv
{
    /// <summary>Decodes the file: UTF-8 when it is valid UTF-8 (with or without BOM), Windows-1252 otherwise.</summary>
    public static TextReader Ouvrir(byte[] octets)
    {
        var debut = octets.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return new StringReader(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(octets, debut, octets.Length - debut));
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return new StringReader(Encoding.GetEncoding(1252).GetString(octets));
        }
    }

    /// <summary>The separator a header line uses: the most frequent of <c>;</c>, tab, <c>|</c> and <c>,</c> outside quotes.</summary>
    public static char DetecterSeparateur(string ligne)
    {
        var comptes = new Dictionary<char, int> { [';'] = 0, ['\t'] = 0, ['|'] = 0, [','] = 0 };
        var entreGuillemets = false;
        foreach (var c in ligne)
        {
            if (c == '"')
            {
                entreGuillemets = !entreGuillemets;
            }
            else if (!entreGuillemets && comptes.ContainsKey(c))
            {
                comptes[c]++;
            }
        }
        return comptes.OrderByDescending(kv => kv.Value).First().Key;
    }

    /// <summary>The records of the file, one array of fields each; blank lines are skipped.</summary>
    public static IEnumerable<string[]> Enregistrements(TextReader lecteur, char separateur)
    {
        var champs = new List<string>();
        var champ = new StringBuilder();
        var entreGuillemets = false;
        var vide = true;
        int lu;
        while ((lu = lecteur.Read()) != -1)
        {
            var c = (char)lu;
            if (entreGuillemets)
            {
                if (c != '"')
                {
                    champ.Append(c);
                }
                else if (lecteur.Peek() == '"')
                {
                    champ.Append('"');
                    lecteur.Read();
                }
                else
                {
                    entreGuillemets = false;
                }
                continue;
            }
            if (c == '"' && champ.Length == 0)
            {
                entreGuillemets = true;
                vide = false;
            }
            else if (c == separateur)
            {
                champs.Add(champ.ToString());
                champ.Clear();
                vide = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && lecteur.Peek() == '\n')
                {
                    lecteur.Read();
                }
                if (!vide || champ.Length > 0)
                {
                    champs.Add(champ.ToString());
                    yield return [.. champs];
                }
                champs.Clear();
                champ.Clear();
                vide = true;
            }
            else
            {
                champ.Append(c);
                vide = false;
            }
        }
        if (!vide || champ.Length > 0)
        {
            champs.Add(champ.ToString());
            yield return [.. champs];
        }
    }
}

/// <summary>The columns of a file with a header, found by name whatever their order, case, accents or punctuation.</summary>
internal sealed class EnTetes
{
    private readonly Dictionary<string, int> _index = [];

    public EnTetes(IReadOnlyList<string> noms)
    {
        for (var i = 0; i < noms.Count; i++)
        {
            _index.TryAdd(Cle(noms[i]), i);
        }
    }

    /// <summary>The index of the first of these names present, or -1.</summary>
    public int Colonne(params string[] noms) => noms.Select(n => _index.GetValueOrDefault(Cle(n), -1)).FirstOrDefault(i => i >= 0, -1);

    private static string Cle(string nom) => Domain.TexteRecherche.Normaliser(nom.Trim('\uFEFF')).Replace(" ", "", StringComparison.Ordinal);
}
