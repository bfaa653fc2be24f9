using FluentValidation;
using MediatR;
using Sigma.BuildingBlocks.Domain;

namespace Sigma.BuildingBlocks.Messaging;

/// <summary>
/// Every command goes through its input validators (FluentValidation) before its handler: a refusal is a
/// <see cref="FormulaireInvalideException"/> with each field's French message, which the form mechanism
/// (<c>Web.Refus</c>) puts next to the fields. Domain rules stay in the aggregates.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validateurs) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var erreurs = new List<(string, string)>();
        foreach (var validateur in validateurs)
        {
            var resultat = await validateur.ValidateAsync(request, cancellationToken);
            erreurs.AddRange(resultat.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
        }
        return erreurs.Count > 0 ? throw new FormulaireInvalideException(erreurs) : await next();
    }
}
