using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Sigma.BuildingBlocks.Web;

namespace Sigma.Host.Web;

/// <summary>
/// A multipart POST is checked before its files are read: the antiforgery token must come in the fields before the
/// first file part (as every form of Sigma puts it), otherwise the request is refused with a 400 at once, without
/// reading — and buffering to disk — a body that may weigh a gigabyte. A body cut short is a 400 too. Streamed uploads
/// (<see cref="FluxSansFormulaireAttribute"/>) do the same check themselves, section by section.
/// </summary>
public sealed class AntiforgeryAvantFichiers(RequestDelegate next, IAntiforgery antiforgery, ILogger<AntiforgeryAvantFichiers> logger)
{
    private const string ChampJeton = "__RequestVerificationToken";

    public async Task InvokeAsync(HttpContext context)
    {
        var requete = context.Request;
        if (!HttpMethods.IsPost(requete.Method) || !(requete.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ?? false)
            || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<FluxSansFormulaireAttribute>() is not null
            || endpoint.Metadata.LastOrDefault(m => m is IgnoreAntiforgeryTokenAttribute or ValidateAntiForgeryTokenAttribute) is IgnoreAntiforgeryTokenAttribute)
        {
            await next(context);
            return;
        }
        if (!MediaTypeHeaderValue.TryParse(requete.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } frontiere)
        {
            await RefuserAsync(context, "corps multipart sans frontière");
            return;
        }
        requete.EnableBuffering();
        string? jeton = null;
        try
        {
            var lecteur = new MultipartReader(frontiere, requete.Body) { HeadersLengthLimit = 16 * 1024 };
            for (var section = await lecteur.ReadNextSectionAsync(context.RequestAborted); section is not null;
                 section = await lecteur.ReadNextSectionAsync(context.RequestAborted))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }
                if (disposition.IsFileDisposition())
                {
                    break;
                }
                if (HeaderUtilities.RemoveQuotes(disposition.Name).Value == ChampJeton)
                {
                    using var lecture = new StreamReader(section.Body);
                    var tampon = new char[1024];
                    jeton = new string(tampon, 0, await lecture.ReadBlockAsync(tampon, context.RequestAborted));
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            await RefuserAsync(context, "corps multipart tronqué ou illisible");
            return;
        }
        if (string.IsNullOrEmpty(jeton))
        {
            await RefuserAsync(context, "jeton antiforgery absent avant le premier fichier");
            return;
        }
        requete.Headers["RequestVerificationToken"] = jeton;
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            await RefuserAsync(context, "jeton antiforgery invalide");
            return;
        }
        requete.Body.Position = 0;
        await next(context);
    }

    private Task RefuserAsync(HttpContext context, string motif)
    {
        logger.LogWarning("Envoi multipart refusé sur {Chemin} : {Motif}", context.Request.Path, motif);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }
}
