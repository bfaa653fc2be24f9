using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// Every posted form whose buttons carry an <c>action</c>: Entrée in a text field submits the form through its first
/// submit button, which is often a secondary or destructive one (« Retirer ce lot », « Recopier l'adresse »). This puts
/// the primary action (<c>enregistrer</c>, or the form's <c>action-par-defaut</c>) first, invisible and out of the tab
/// order, so that Entrée always saves; and every button whose action removes something (<c>retirer-…</c>,
/// <c>supprimer…</c>) asks for confirmation first (<c>/js/sigma.js</c>). Its antiforgery token comes first too.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed partial class FormulaireTagHelper : TagHelper
{
    /// <summary>The action Entrée runs: <c>enregistrer</c> by default.</summary>
    [HtmlAttributeName("action-par-defaut")]
    public string? ActionParDefaut { get; set; }

    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        // The antiforgery token (written after the fields by MVC's form tag helper) goes first: an upload is checked
        // before its file is read (see AntiforgeryAvantFichiers).
        if (!output.PostContent.IsEmptyOrWhiteSpace)
        {
            output.PreContent.AppendHtml(output.PostContent.GetContent());
            output.PostContent.Clear();
        }
        var contenu = (await output.GetChildContentAsync()).GetContent();
        if (!contenu.Contains("name=\"action\"", StringComparison.Ordinal))
        {
            return;
        }
        var parDefaut = System.Net.WebUtility.HtmlEncode(ActionParDefaut ?? "enregistrer");
        contenu = Destructeur().Replace(contenu, m => m.Value.Contains("data-confirmer", StringComparison.Ordinal)
            ? m.Value
            : m.Value.Replace("<button", "<button data-confirmer=\"Confirmez-vous ce retrait ? Ce qui y est saisi sera perdu.\"", StringComparison.Ordinal));
        output.Content.SetHtmlContent(
            $"<button type=\"submit\" name=\"action\" value=\"{parDefaut}\" class=\"sigma-action-par-defaut\" tabindex=\"-1\" aria-hidden=\"true\">Enregistrer</button>"
            + contenu);
    }

    [GeneratedRegex("<button[^>]*name=\"action\"[^>]*value=\"(retirer|supprimer)[^\"]*\"[^>]*>")]
    private static partial Regex Destructeur();
}
