using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// A DSFR input group: label, hint, the value the user typed (kept after an error) and the French error message
/// next to the field. Passwords are never sent back.
/// </summary>
[HtmlTargetElement("dsfr-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrInputTagHelper(HtmlEncoder enc) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public bool Required { get; set; }
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    public int? Maxlength { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var value = Type == "password" ? "" : entry?.AttemptedValue ?? For.Model?.ToString() ?? "";
        var hasError = errors.Count > 0;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "fr-input-group fr-input-group--error" : "fr-input-group");
        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"fr-label\" for=\"{id}\">{enc.Encode(Label)}");
        if (Required)
        {
            html.Append("<span class=\"fr-required\" aria-hidden=\"true\"> *</span>");
        }
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append($"<span class=\"fr-hint-text\">{enc.Encode(Hint)}</span>");
        }
        html.Append("</label>");
        html.Append($"<input class=\"fr-input{(hasError ? " fr-input--error" : "")}\" id=\"{id}\" name=\"{enc.Encode(name)}\" type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(value)}\"");
        html.Append($" aria-describedby=\"{id}-messages\"");
        if (hasError)
        {
            html.Append(" aria-invalid=\"true\"");
        }
        if (Required)
        {
            html.Append(" required aria-required=\"true\"");
        }
        if (Autocomplete is not null)
        {
            html.Append($" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        }
        if (Inputmode is not null)
        {
            html.Append($" inputmode=\"{enc.Encode(Inputmode)}\"");
        }
        if (Maxlength is not null)
        {
            html.Append($" maxlength=\"{Maxlength}\"");
        }
        html.Append('>');
        html.Append($"<div class=\"fr-messages-group\" id=\"{id}-messages\" aria-live=\"polite\">");
        foreach (var error in errors)
        {
            html.Append($"<p class=\"fr-message fr-message--error\" id=\"{id}-erreur\">{enc.Encode(error)}</p>");
        }
        html.Append("</div>");
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>The list of what is wrong, at the top of a form, each item linking to its field.</summary>
[HtmlTargetElement("dsfr-erreurs", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrErreursTagHelper(HtmlEncoder enc) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-alert fr-alert--error fr-mb-4w");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("id", "erreurs-formulaire");
        var html = new System.Text.StringBuilder("<h2 class=\"fr-alert__title\">Le formulaire contient des erreurs</h2><ul>");
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                html.Append(string.IsNullOrEmpty(key)
                    ? $"<li>{enc.Encode(error.ErrorMessage)}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{enc.Encode(error.ErrorMessage)}</a></li>");
            }
        }
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
