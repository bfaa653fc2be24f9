using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// The one writer of the CSV exports (registries): semicolons and a BOM, as French spreadsheets expect, every cell
/// quoted as RFC 4180 says, and a cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
/// carriage return — text typed by a bidder) is prefixed with an apostrophe so that it shows as text.
/// </summary>
public static class RegistreCsv
{
    public const string TypeContenu = "text/csv; charset=utf-8";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.GetCultureInfo("fr-FR"))
    {
        Delimiter = ";",
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
    };

    public static byte[] Ecrire(IReadOnlyList<string> entetes, IEnumerable<IReadOnlyList<object?>> lignes)
    {
        using var memoire = new MemoryStream();
        using (var texte = new StreamWriter(memoire, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(texte, Configuration))
        {
            foreach (var entete in entetes)
            {
                csv.WriteField(entete);
            }
            csv.NextRecord();
            foreach (var ligne in lignes)
            {
                foreach (var cellule in ligne)
                {
                    csv.WriteField(Cellule(cellule));
                }
                csv.NextRecord();
            }
        }
        return memoire.ToArray();
    }

    public static FileContentResult Fichier(string nom, IReadOnlyList<string> entetes, IEnumerable<IReadOnlyList<object?>> lignes) =>
        new(Ecrire(entetes, lignes), TypeContenu) { FileDownloadName = Stockage.NomsDeFichiers.Sur(nom) };

    /// <summary>Line breaks typed in a text become spaces: one record per line, whatever the spreadsheet.</summary>
    private static string Cellule(object? valeur) => valeur switch
    {
        null => "",
        string s => s.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' '),
        IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo("fr-FR")),
        _ => valeur.ToString() ?? "",
    };
}
