using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// Where the nomenclatures' autocomplete answers: <c>GET /referentiels/{nomenclature}?q=…</c> (or <c>?champ=Nom</c>
/// and the value under that name, as htmx sends it). Written once here so the Referentials module and the forms of
/// other modules agree without referencing each other.
/// </summary>
public static class UrlsReferentiels
{
    public const string Modele = "referentiels/{nomenclature}";

    public static string Pour(string nomenclature) => "/referentiels/" + Uri.EscapeDataString(nomenclature.Trim().ToLowerInvariant());
}

/// <summary>
/// A DSFR text field that suggests the codes of a nomenclature from three characters typed:
/// <c>&lt;referentiel-input nomenclature="formacode" asp-for="Formacode" label="Formacode" /&gt;</c>. htmx asks the
/// autocomplete as the user types and fills the field's <c>&lt;datalist&gt;</c>; the value posted is the code chosen.
/// </summary>
[HtmlTargetElement("referentiel-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ReferentielInputTagHelper : DsfrChampTagHelper
{
    private string _nom = "";

    public ReferentielInputTagHelper(HtmlEncoder enc) : base(enc, "input") =>
        Hint = "Saisissez au moins 3 caractères du code ou du libellé, puis choisissez dans la liste";

    /// <summary><c>formacode</c>, <c>nsf</c>, <c>rome</c>, <c>rncp</c> or <c>certifinfo</c>.</summary>
    public string Nomenclature { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // The same field name as the base class gives the control: htmx sends the typed text under it.
        _nom = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        base.Process(context, output);
    }

    protected override string Controle(string attributs, string valeur, bool erreur)
    {
        var liste = $"{TagBuilder.CreateSanitizedId(_nom, "_")}-options";
        var url = $"{UrlsReferentiels.Pour(Nomenclature)}?champ={Uri.EscapeDataString(_nom)}";
        return $"<input class=\"fr-input{(erreur ? " fr-input--error" : "")}\"{attributs} type=\"text\" value=\"{Enc.Encode(valeur)}\"" +
            $" list=\"{Enc.Encode(liste)}\" autocomplete=\"off\" hx-get=\"{Enc.Encode(url)}\" hx-trigger=\"input changed delay:250ms\"" +
            " hx-target=\"next datalist\" hx-swap=\"innerHTML\" hx-sync=\"this:replace\">" +
            $"<datalist id=\"{Enc.Encode(liste)}\"></datalist>";
    }
}
