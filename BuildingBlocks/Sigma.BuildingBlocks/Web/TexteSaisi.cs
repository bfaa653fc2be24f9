using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Logging;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// Every string bound from a request loses its NUL characters (PostgreSQL refuses them in text and jsonb: nobody types
/// one, but a forged request would turn it into a 500) and Unicode format characters that reorder text.
/// </summary>
public sealed class TexteSaisiBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new TexteSaisiBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetService(typeof(ILoggerFactory)) as ILoggerFactory
                ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
            : null;

    /// <summary>Binding as MVC does, without jQuery-style keys (<c>a[b]</c>), which no Sigma form uses and whose parser throws on <c>a[</c>.</summary>
    public static void Configurer(MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new TexteSaisiBinderProvider());
        options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
    }

    private sealed class TexteSaisiBinder(IModelBinder interne) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await interne.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string texte } && Texte.ANettoyer(texte))
            {
                bindingContext.Result = ModelBindingResult.Success(Texte.Nettoyer(texte));
            }
        }
    }
}

public static class Texte
{
    public static bool ANettoyer(string texte) => texte.AsSpan().IndexOfAny(Interdits) >= 0;

    public static string Nettoyer(string texte) => string.Concat(texte.Where(c => !Interdits.Contains(c)));

    /// <summary>NUL and the bidirectional overrides/isolates (U+202A–U+202E, U+2066–U+2069).</summary>
    private static readonly System.Buffers.SearchValues<char> Interdits = System.Buffers.SearchValues.Create(
        "\0\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
