using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// A DSFR form group: label, hint, the value the user typed (kept after an error) and the French error message next
/// to the field. Subclasses write the control itself.
/// </summary>
public abstract class DsfrChampTagHelper(HtmlEncoder enc, string groupe) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public bool Required { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected HtmlEncoder Enc => enc;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var value = entry?.AttemptedValue ?? For.Model?.ToString() ?? "";
        var hasError = errors.Count > 0;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? $"fr-{groupe}-group fr-{groupe}-group--error" : $"fr-{groupe}-group");
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
        var attributs = $" id=\"{id}\" name=\"{enc.Encode(name)}\" aria-describedby=\"{id}-messages\"" +
            (hasError ? " aria-invalid=\"true\"" : "") + (Required ? " required aria-required=\"true\"" : "");
        html.Append(Controle(attributs, value, hasError));
        html.Append($"<div class=\"fr-messages-group\" id=\"{id}-messages\" aria-live=\"polite\">");
        foreach (var error in errors)
        {
            html.Append($"<p class=\"fr-message fr-message--error\" id=\"{id}-erreur\">{enc.Encode(error)}</p>");
        }
        html.Append("</div>");
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>The control's HTML, given its common attributes and the value to show.</summary>
    protected abstract string Controle(string attributs, string valeur, bool erreur);
}

/// <summary>A DSFR text input; passwords are never sent back.</summary>
[HtmlTargetElement("dsfr-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrInputTagHelper(HtmlEncoder enc) : DsfrChampTagHelper(enc, "input")
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    public int? Maxlength { get; set; }

    protected override string Controle(string attributs, string valeur, bool erreur) =>
        $"<input class=\"fr-input{(erreur ? " fr-input--error" : "")}\"{attributs} type=\"{Enc.Encode(Type)}\" value=\"{Enc.Encode(Type == "password" ? "" : valeur)}\"" +
        (Autocomplete is null ? "" : $" autocomplete=\"{Enc.Encode(Autocomplete)}\"") +
        (Inputmode is null ? "" : $" inputmode=\"{Enc.Encode(Inputmode)}\"") +
        (Maxlength is null ? "" : $" maxlength=\"{Maxlength}\"") + ">";
}

/// <summary>A DSFR file upload: a file is never sent back, so only its label, hint and error are kept.</summary>
[HtmlTargetElement("dsfr-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrUploadTagHelper(HtmlEncoder enc) : DsfrChampTagHelper(enc, "upload")
{
    public string? Accept { get; set; }
    public bool Multiple { get; set; }

    protected override string Controle(string attributs, string valeur, bool erreur) =>
        $"<input class=\"fr-upload\"{attributs} type=\"file\"" + (Accept is null ? "" : $" accept=\"{Enc.Encode(Accept)}\"") + (Multiple ? " multiple" : "") + ">";
}

/// <summary>A DSFR multi-line text input.</summary>
[HtmlTargetElement("dsfr-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrTextareaTagHelper(HtmlEncoder enc) : DsfrChampTagHelper(enc, "input")
{
    public int Rows { get; set; } = 5;

    protected override string Controle(string attributs, string valeur, bool erreur) =>
        $"<textarea class=\"fr-input{(erreur ? " fr-input--error" : "")}\"{attributs} rows=\"{Rows}\">{Enc.Encode(valeur)}</textarea>";
}

/// <summary>A DSFR select over the given options (value, label).</summary>
[HtmlTargetElement("dsfr-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrSelectTagHelper(HtmlEncoder enc) : DsfrChampTagHelper(enc, "select")
{
    public IEnumerable<KeyValuePair<string, string>> Options { get; set; } = [];
    public string? Vide { get; set; } = "Sélectionnez une option";

    protected override string Controle(string attributs, string valeur, bool erreur)
    {
        var html = new System.Text.StringBuilder($"<select class=\"fr-select{(erreur ? " fr-select--error" : "")}\"{attributs}>");
        if (Vide is not null)
        {
            html.Append($"<option value=\"\" disabled{(valeur.Length == 0 ? " selected" : "")} hidden>{Enc.Encode(Vide)}</option>");
        }
        foreach (var (cle, libelle) in Options)
        {
            html.Append($"<option value=\"{Enc.Encode(cle)}\"{(cle == valeur ? " selected" : "")}>{Enc.Encode(libelle)}</option>");
        }
        return html.Append("</select>").ToString();
    }
}

/// <summary>The list of what is wrong, at the top of a form, each item linking to its field.</summary>
[HtmlTargetElement("dsfr-erreurs", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrErreursTagHelper(HtmlEncoder enc) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>
    /// The sections of the form, by the start of their fields' names ("Candidat.RepresentantLegal" → "Représentant légal";
    /// a list's rows are numbered: "Sites" → "Site" gives "Site 2"): each message of the summary names its section.
    /// </summary>
    [HtmlAttributeName("sections")]
    public IReadOnlyDictionary<string, string>? Sections { get; set; }

    private string Section(string cle)
    {
        if (Sections is null || cle.Length == 0)
        {
            return "";
        }
        var parties = new List<string>();
        var chemin = "";
        foreach (var segment in cle.Split('.'))
        {
            var crochet = segment.IndexOf('[');
            var nom = crochet < 0 ? segment : segment[..crochet];
            chemin = chemin.Length == 0 ? nom : $"{chemin}.{nom}";
            if (Sections.TryGetValue(chemin, out var libelle))
            {
                parties.Add(crochet >= 0 && int.TryParse(segment[(crochet + 1)..segment.IndexOf(']')], out var rang) ? $"{libelle} {rang + 1}" : libelle);
            }
        }
        return parties.Count == 0 ? "" : string.Join(" — ", parties) + " — ";
    }

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
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{enc.Encode(Section(key) + error.ErrorMessage)}</a></li>");
            }
        }
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>A DSFR radio group (a fieldset) over the given options; "Oui"/"Non" for a nullable boolean.</summary>
[HtmlTargetElement("dsfr-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrRadiosTagHelper(HtmlEncoder enc) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public bool Inline { get; set; } = true;
    public IEnumerable<KeyValuePair<string, string>> Options { get; set; } = [new("true", "Oui"), new("false", "Non")];

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var value = entry?.AttemptedValue ?? For.Model?.ToString() ?? "";
        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "fr-fieldset fr-fieldset--error" : "fr-fieldset");
        output.Attributes.SetAttribute("id", id);
        output.Attributes.SetAttribute("aria-labelledby", $"{id}-legende {id}-messages");
        var html = new System.Text.StringBuilder($"<legend class=\"fr-fieldset__legend--regular fr-fieldset__legend\" id=\"{id}-legende\">{enc.Encode(Label)}");
        if (Required)
        {
            html.Append("<span class=\"fr-required\" aria-hidden=\"true\"> *</span>");
        }
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append($"<span class=\"fr-hint-text\">{enc.Encode(Hint)}</span>");
        }
        html.Append("</legend>");
        var i = 0;
        foreach (var (cle, libelle) in Options)
        {
            var idOption = $"{id}-{i++}";
            var coche = string.Equals(cle, value, StringComparison.OrdinalIgnoreCase) ? " checked" : "";
            html.Append($"<div class=\"fr-fieldset__element{(Inline ? " fr-fieldset__element--inline" : "")}\"><div class=\"fr-radio-group\">")
                .Append($"<input type=\"radio\" id=\"{idOption}\" name=\"{enc.Encode(name)}\" value=\"{enc.Encode(cle)}\"{coche}>")
                .Append($"<label class=\"fr-label\" for=\"{idOption}\">{enc.Encode(libelle)}</label></div></div>");
        }
        html.Append($"<div class=\"fr-messages-group\" id=\"{id}-messages\" aria-live=\"polite\">");
        foreach (var error in errors)
        {
            html.Append($"<p class=\"fr-message fr-message--error\">{enc.Encode(error)}</p>");
        }
        html.Append("</div>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
