using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Sigma.Publication.Lheo;

namespace Sigma.Publication.Features.FluxLheo;

/// <summary>
/// The pull flux the CARIF-OREF harvests: one LHÉO 2.3 document with every offer currently published, streamed offer
/// by offer (memory stays flat), stamped with <c>horodatage-export</c>, and answered 304 when nothing changed since the
/// harvester's last visit (ETag / If-Modified-Since).
/// </summary>
[AllowAnonymous]
public sealed class FluxLheoController(IPublicationStore store, TimeProvider clock) : Controller
{
    [HttpGet("flux/lheo")]
    public async Task Flux(CancellationToken ct)
    {
        DateTimeOffset? derniere;
        int nombre;
        await using (var session = store.QuerySession())
        {
            nombre = await session.Query<PublicationOffre>().CountAsync(p => p.EstPubliee, ct);
            derniere = nombre == 0 && !await session.Query<PublicationOffre>().AnyAsync(ct) ? null
                : await session.Query<PublicationOffre>().MaxAsync(p => p.ModifieeLe, ct);
        }
        var modifie = derniere is { } d ? new DateTimeOffset(d.UtcTicks - d.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : DateTimeOffset.UnixEpoch;
        var etag = new EntityTagHeaderValue($"\"{nombre}-{modifie.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}-{(derniere?.UtcTicks ?? 0) % TimeSpan.TicksPerSecond}\"");
        var entetes = Response.GetTypedHeaders();
        entetes.ETag = etag;
        entetes.LastModified = modifie;
        entetes.CacheControl = new CacheControlHeaderValue { NoCache = true };
        var requete = Request.GetTypedHeaders();
        if (requete.IfNoneMatch.Count > 0 ? requete.IfNoneMatch.Any(e => e.Compare(etag, useStrongComparison: false) || e.Equals(EntityTagHeaderValue.Any))
            : requete.IfModifiedSince is { } depuis && modifie <= depuis)
        {
            Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        Response.ContentType = "application/xml; charset=utf-8";
        await using var sortie = new StreamWriter(Response.Body, new UTF8Encoding(false), 64 * 1024);
        await sortie.WriteAsync(DocumentLheo.Entete(clock.GetUtcNow()));
        await sortie.FlushAsync(ct);
        await using var lecture = store.QuerySession();
        await foreach (var formations in lecture.Query<PublicationOffre>().Where(p => p.EstPubliee).OrderBy(p => p.PrepareeLe)
            .Select(p => p.Formations!).ToAsyncEnumerable(ct))
        {
            await sortie.WriteAsync(formations);
        }
        await sortie.WriteAsync(DocumentLheo.Pied);
    }
}
