using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Sigma.BuildingBlocks.Web;

namespace Sigma.Referentials.Tests;

/// <summary>The form field other modules write as <c>&lt;referentiel-input nomenclature="formacode" asp-for="…" /&gt;</c>.</summary>
public class ReferentielInputTests
{
    // As in the Host: accented letters written as they are.
    private static string Rendre(string champ, string? valeur, Action<ModelStateDictionary>? etat = null, string? hint = null)
    {
        var provider = new EmptyModelMetadataProvider();
        var modelState = new ModelStateDictionary();
        etat?.Invoke(modelState);
        var helper = new ReferentielInputTagHelper(HtmlEncoder.Create(UnicodeRanges.All))
        {
            For = new ModelExpression(champ, provider.GetModelExplorerForType(typeof(string), valeur)),
            Label = "Formacode du lot",
            Nomenclature = "formacode",
            ViewContext = new ViewContext { ViewData = new ViewDataDictionary(provider, modelState) },
        };
        if (hint is not null)
        {
            helper.Hint = hint;
        }
        var output = new TagHelperOutput("referentiel-input", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "t"), output);
        return $"<{output.TagName} class=\"{output.Attributes["class"].Value}\">{output.Content.GetContent()}";
    }

    [Fact]
    public void It_renders_a_dsfr_input_that_asks_the_nomenclature_through_htmx_and_fills_its_datalist()
    {
        var html = Rendre("Lots[0].Formacode", "22334");

        html.ShouldStartWith("<div class=\"fr-input-group\">");
        html.ShouldContain("<label class=\"fr-label\" for=\"Lots_0__Formacode\">Formacode du lot<span class=\"fr-hint-text\">Saisissez au moins 3 caractères");
        html.ShouldContain("name=\"Lots[0].Formacode\"");
        html.ShouldContain("value=\"22334\"");
        html.ShouldContain("list=\"Lots_0__Formacode-options\" autocomplete=\"off\"");
        html.ShouldContain("hx-get=\"/referentiels/formacode?champ=Lots%5B0%5D.Formacode\" hx-trigger=\"input changed delay:250ms\"");
        html.ShouldContain("hx-target=\"next datalist\"");
        html.ShouldContain("<datalist id=\"Lots_0__Formacode-options\"></datalist>");
        html.ShouldContain("<div class=\"fr-messages-group\" id=\"Lots_0__Formacode-messages\"");
    }

    [Fact]
    public void An_error_is_shown_next_to_the_field_with_what_was_typed()
    {
        var html = Rendre("Formacode", null, m =>
        {
            m.SetModelValue("Formacode", "zzz", "zzz");
            m.AddModelError("Formacode", "Ce code Formacode n'existe pas.");
        });

        html.ShouldStartWith("<div class=\"fr-input-group fr-input-group--error\">");
        html.ShouldContain("class=\"fr-input fr-input--error\"");
        html.ShouldContain("value=\"zzz\"");
        html.ShouldContain("Ce code Formacode n&#x27;existe pas.");
    }

    [Fact]
    public void The_hint_can_be_replaced() =>
        Rendre("Formacode", null, hint: "Code à 5 chiffres").ShouldContain("<span class=\"fr-hint-text\">Code à 5 chiffres</span>");
}
