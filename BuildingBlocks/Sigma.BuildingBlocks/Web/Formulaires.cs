using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Sigma.BuildingBlocks.Web;

public static class Formulaires
{
    /// <summary>
    /// The life of a posted form whose page is its own view: send it (its validators run in the pipeline), and on any
    /// refusal show the same form again with each French message next to its field and everything the user typed kept.
    /// </summary>
    public static Task<IActionResult> SoumettreAsync<TForm, TResult>(this Controller controller, TForm form, IMediator mediator,
        Func<TResult, IActionResult> succes, CancellationToken ct)
        where TForm : IRequest<TResult> =>
        controller.EnvoyerAsync(mediator, form, succes, () => Task.FromResult<IActionResult>(controller.View(form)), ct);
}
