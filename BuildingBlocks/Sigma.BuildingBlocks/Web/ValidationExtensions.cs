using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sigma.BuildingBlocks.Domain;

namespace Sigma.BuildingBlocks.Web;

public static class ValidationExtensions
{
    /// <summary>Puts each French validation message next to its field.</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }

    /// <summary>Shows a business refusal next to its field, or at the top of the form.</summary>
    public static void AddTo(this DomainException refusal, ModelStateDictionary modelState, string prefix = "")
    {
        var key = refusal.Champ is null ? string.Empty : string.IsNullOrEmpty(prefix) ? refusal.Champ : $"{prefix}.{refusal.Champ}";
        modelState.AddModelError(key, refusal.Message);
    }
}
