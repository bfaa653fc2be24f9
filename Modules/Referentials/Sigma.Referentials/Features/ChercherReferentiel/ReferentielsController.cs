using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Sigma.Referentials.Features.ChercherReferentiel;

/// <summary>
/// The autocomplete of a nomenclature: the best entries for what was typed (from three characters), as JSON when
/// asked for (<c>Accept: application/json</c>), otherwise as the <c>&lt;option&gt;</c> lines of a datalist for htmx.
/// Public nomenclatures: no sign-in; answers may be cached for five minutes.
/// </summary>
[AllowAnonymous]
public sealed class ReferentielsController(RechercheReferentiels recherche, HtmlEncoder enc) : Controller
{
    public const int NombreResultats = 15;

    // Accented letters written as they are, as on the pages.
    private static readonly JsonSerializerOptions OptionsJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="nomenclature">formacode, nsf, rome, rncp or certifinfo.</param>
    /// <param name="q">What was typed.</param>
    /// <param name="champ">Instead of <paramref name="q"/>: the name under which the text comes (htmx sends a field under its own name).</param>
    [HttpGet(UrlsReferentiels.Modele)]
    [ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any, VaryByHeader = "Accept")]
    public async Task<IActionResult> Chercher(string nomenclature, string? q, string? champ, CancellationToken ct)
    {
        if (Nomenclature.Trouver(nomenclature) is not { } trouvee)
        {
            return NotFound();
        }
        var saisie = q ?? (string.IsNullOrEmpty(champ) ? null : Request.Query[champ].ToString());
        var entrees = await recherche.ChercherAsync(trouvee, saisie, NombreResultats, ct);
        if (Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return new JsonResult(entrees, OptionsJson);
        }
        var html = new StringBuilder();
        foreach (var e in entrees)
        {
            var niveau = e.Niveau is null ? "" : $" (niveau {e.Niveau})";
            html.Append($"<option value=\"{enc.Encode(e.Code)}\">{enc.Encode($"{e.Code} — {e.Libelle}{niveau}")}</option>\n");
        }
        return Content(html.ToString(), "text/html; charset=utf-8");
    }
}
