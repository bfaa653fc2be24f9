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
        _ when erreur.InnerException is { } interne && Statut(interne) != StatusCodes.Status500InternalServerError => Statut(interne),
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>
/// A form MVC could not read (a body cut short, a malformed multipart): MVC binds nothing and notes it in ModelState;
/// the action then never runs on a half-empty model: the answer is the French 400 page.
/// </summary>
public sealed class FormulaireIllisibleFilter : Microsoft.AspNetCore.Mvc.Filters.IActionFilter
{
    public void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
    {
        if (context.ModelState.Values.Any(v => v.Errors.Any(e => e.Exception is ValueProviderException or InvalidDataException or IOException)))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
        }
    }

    public void OnActionExecuted(Microsoft.AspNetCore.Mvc.Filters.ActionExecutedContext context)
    {
    }
}
