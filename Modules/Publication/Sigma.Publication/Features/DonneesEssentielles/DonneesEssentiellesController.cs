using System.Text;
using Sigma.Publication.Decp;

namespace Sigma.Publication.Features.DonneesEssentielles;

/// <summary>
/// The essential data of every contract notified for 40 000 € HT or more (arrêtés du 22 décembre 2022), as open data
/// in both formats of the DECP v2 schemas.
/// </summary>
[AllowAnonymous]
public sealed class DonneesEssentiellesController(IPublicationStore store) : Controller
{
    [HttpGet("donnees-essentielles")]
    public async Task<IActionResult> Json(CancellationToken ct) =>
        Content(FormatsDecp.DocumentJson(await DuesAsync(ct)), "application/json", Encoding.UTF8);

    [HttpGet("donnees-essentielles.xml")]
    public async Task<IActionResult> Xml(CancellationToken ct) =>
        Content(FormatsDecp.DocumentXml(await DuesAsync(ct)), "application/xml", Encoding.UTF8);

    private async Task<IReadOnlyList<MarcheNotifie>> DuesAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var marches = await session.Query<MarcheNotifie>().Where(m => m.Montant >= MarcheNotifie.Seuil).OrderBy(m => m.DateNotification).ToListAsync(ct);
        return [.. marches.Where(m => m.EstDue)];
    }
}
