using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sigma.BuildingBlocks.Domain;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// The one way a refusal reaches a form: input validation, business rules (with their field, or a list of fields) and
/// concurrent changes each become French messages next to their field or at the top, and the form is shown again
/// with everything the user typed.
/// </summary>
public static class Refus
{
    public const string ModifieEntreTemps = "Cette information a été modifiée entre-temps, par vous sur un autre onglet ou par quelqu'un d'autre : vérifiez la page et recommencez.";

    /// <summary>
    /// Notes a refusal in ModelState; false for any other failure (which is not the user's to fix). A refusal without a
    /// field of its own goes to <paramref name="champParDefaut"/> (the posted form, on a page of several), else to the top.
    /// </summary>
    public static bool Noter(Exception erreur, ModelStateDictionary modelState, string prefixe = "", string champParDefaut = "")
    {
        string Cle(string? champ) => string.IsNullOrEmpty(champ) ? champParDefaut : string.IsNullOrEmpty(prefixe) ? champ : $"{prefixe}.{champ}";
        switch (erreur)
        {
            case DomainException refus when refus.Champs.Count > 0:
                foreach (var (champ, message) in refus.Champs)
                {
                    modelState.AddModelError(Cle(champ), message);
                }
                return true;
            case DomainException refus:
                modelState.AddModelError(Cle(refus.Champ), refus.Message);
                return true;
            case JasperFx.ConcurrencyException:
                modelState.AddModelError(champParDefaut, ModifieEntreTemps);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A form action in one line: send the command; on success, what <paramref name="succes"/> answers (a redirect);
    /// refused, the messages in ModelState and what <paramref name="reafficher"/> shows (the same form, as typed).
    /// </summary>
    public static Task<IActionResult> EnvoyerAsync<TResultat>(this Controller controller, IMediator mediator, IRequest<TResultat> commande,
        Func<TResultat, IActionResult> succes, Func<Task<IActionResult>> reafficher, CancellationToken ct, string prefixe = "", string champParDefaut = "") =>
        controller.EnvoyerAsync(mediator, commande, r => Task.FromResult(succes(r)), _ => reafficher(), ct, prefixe, champParDefaut);

    /// <summary>The same, for a success or a redisplay that reads something first (the redisplay knows the refusal).</summary>
    public static async Task<IActionResult> EnvoyerAsync<TResultat>(this Controller controller, IMediator mediator, IRequest<TResultat> commande,
        Func<TResultat, Task<IActionResult>> succes, Func<Exception, Task<IActionResult>> reafficher, CancellationToken ct, string prefixe = "",
        string champParDefaut = "")
    {
        TResultat resultat;
        try
        {
            resultat = await mediator.Send(commande, ct);
        }
        catch (Exception erreur) when (Noter(erreur, controller.ModelState, prefixe, champParDefaut))
        {
            return await reafficher(erreur);
        }
        return await succes(resultat);
    }

    /// <summary>Back to a page with a French refusal at its top.</summary>
    public static IActionResult AvecErreur(this Controller controller, string message, string retour)
    {
        controller.TempData["Erreur"] = message;
        return controller.Redirect(retour);
    }

    /// <summary>For the buttons of a page (no form to show again): the outcome as a flash message, then back to the page.</summary>
    public static Task<IActionResult> ExecuterAsync<TResultat>(this Controller controller, IMediator mediator, IRequest<TResultat> commande,
        Func<TResultat, string> message, string retour, CancellationToken ct) =>
        controller.ExecuterAsync(mediator, commande, r => (message(r), retour), retour, ct);

    /// <summary>The same when success leads elsewhere (the page of what was created); a null message shows none.</summary>
    public static async Task<IActionResult> ExecuterAsync<TResultat>(this Controller controller, IMediator mediator, IRequest<TResultat> commande,
        Func<TResultat, (string? Message, string Retour)> succes, string retourRefus, CancellationToken ct)
    {
        try
        {
            var (message, retour) = succes(await mediator.Send(commande, ct));
            if (message is not null)
            {
                controller.TempData["Message"] = message;
            }
            return controller.Redirect(retour);
        }
        catch (Exception erreur) when (erreur is DomainException or JasperFx.ConcurrencyException)
        {
            controller.TempData["Erreur"] = erreur is DomainException refus ? refus.Message : ModifieEntreTemps;
            return controller.Redirect(retourRefus);
        }
    }
}
