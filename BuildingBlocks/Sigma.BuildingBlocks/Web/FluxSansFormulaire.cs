using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// For streamed uploads: MVC must not read (and buffer) the multipart body to bind parameters; the action reads it
/// itself, section by section.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FluxSansFormulaireAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var fabriques = context.ValueProviderFactories;
        fabriques.RemoveType<FormValueProviderFactory>();
        fabriques.RemoveType<FormFileValueProviderFactory>();
        fabriques.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
