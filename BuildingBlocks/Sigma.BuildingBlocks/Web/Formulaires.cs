using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Sigma.BuildingBlocks.Domain;

namespace Sigma.BuildingBlocks.Web;

public static class Formulaires
{
    /// <summary>
    /// The life of a posted form: check its shape, send it, and on any refusal show the same form again with each
    /// French message next to its field and everything the user typed kept.
    /// </summary>
    public static async Task<IActionResult> SoumettreAsync<TForm, TResult>(this Controller controller, TForm form,
        IValidator<TForm> validator, IMediator mediator, Func<TResult, IActionResult> succes, CancellationToken ct)
        where TForm : IRequest<TResult>
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(controller.ModelState);
            return controller.View(form);
        }
        try
        {
            return succes(await mediator.Send(form, ct));
        }
        catch (DomainException refus)
        {
            refus.AddTo(controller.ModelState);
            return controller.View(form);
        }
    }
}
