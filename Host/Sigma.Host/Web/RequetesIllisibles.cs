using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Sigma.Host.Web;

/// <summary>Failures that come from a request the server could not read: they answer 4xx with the French page.</summary>
public static class RequetesIllisibles
{
    public static int Statut(Exception erreur) => erreur switch
    {
        BadHttpRequestException mauvaise => mauvaise.StatusCode is >= 400 and <= 499 ? mauvaise.StatusCode : StatusCodes.Status400BadRequest,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        ValueProviderException or InvalidDataException => StatusCodes.Status400BadRequest,
        // Two requests changed the same thing at the same instant and the form did not say so itself: the later one
        // is refused whole (nothing half-saved), with the page that says to reload.
        JasperFx.ConcurrencyException => StatusCodes.Status409Conflict,
        // The PDF printer (Chromium) is missing or failing: the service is unavailable for documents, nothing was lost.
        Sigma.Documents.Contracts.RenduIndisponibleException => StatusCodes.Status503ServiceUnavailable,
        _ when erreur.InnerException is { } interne && Statut(interne) != StatusCodes.Status500InternalServerError => Statut(interne),
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>
/// A form that cannot be read (a body cut short, a malformed multipart) is refused before model binding, which would
/// otherwise bind nothing and run the action on an empty model: the answer is the French 400 page. Streamed uploads
/// (<see cref="Sigma.BuildingBlocks.Web.FluxSansFormulaireAttribute"/>) read their body themselves.
/// </summary>
public sealed class FormulaireIllisibleFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.ResourceExecutionDelegate next)
    {
        var requete = context.HttpContext.Request;
        // The error page re-executed for a failure reads nothing of the request (its form may be the failure).
        var reexecution = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        if (!reexecution && requete.HasFormContentType
            && context.ActionDescriptor.EndpointMetadata.OfType<Sigma.BuildingBlocks.Web.FluxSansFormulaireAttribute>().FirstOrDefault() is null)
        {
            try
            {
                await requete.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                context.HttpContext.RequestServices.GetRequiredService<ILogger<FormulaireIllisibleFilter>>()
                    .LogWarning("Formulaire illisible sur {Chemin} : {Motif}", requete.Path, e.Message);
                context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
                return;
            }
        }
        await next();
    }
}
