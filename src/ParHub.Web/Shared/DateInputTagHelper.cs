using Microsoft.AspNetCore.Razor.TagHelpers;
using ParHub.Core.Time;

namespace ParHub.Web.Shared;

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> of a page is written as a text field typed dd/mm/yyyy: a browser's own date
/// field shows mm/dd/yyyy in an English browser, and Vietnamese officers type dates day first. The value a page writes
/// in ISO (yyyy-mm-dd) is shown day first; the server reads both (<see cref="App.VnDateBinderProvider"/>).
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper : TagHelper
{
    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext, Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeNotBound]
    public Microsoft.AspNetCore.Mvc.Rendering.ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("pattern", VnDate.InputPattern);
        if (!output.Attributes.ContainsName("placeholder")) output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        output.Attributes.SetAttribute("title", "Ngày theo dạng ngày/tháng/năm, ví dụ 31/12/2026");
        output.Attributes.SetAttribute("data-date", "vn");
        // A date that could not be read is shown again as it was typed, next to its message: nothing typed is lost.
        if (output.Attributes.TryGetAttribute("name", out var name) && ViewContext?.ViewData.ModelState[Text(name.Value) ?? ""] is { Errors.Count: > 0 } typed)
            output.Attributes.SetAttribute("value", typed.AttemptedValue ?? "");
        else if (output.Attributes.TryGetAttribute("value", out var value))
            output.Attributes.SetAttribute("value", VnDate.ShowTyped(Text(value.Value)));
    }

    private static string? Text(object? value)
    {
        if (value is not Microsoft.AspNetCore.Html.IHtmlContent html) return value?.ToString();
        using var w = new StringWriter();
        html.WriteTo(w, System.Text.Encodings.Web.HtmlEncoder.Default);
        return w.ToString();
    }
}
