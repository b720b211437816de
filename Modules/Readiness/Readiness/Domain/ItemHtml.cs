using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Emergency.Readiness.Domain;

/// <summary>
/// One item as every readiness page shows it: its state in words (达标/未达标/无数据) with the reason as title and small
/// text, the evidence linked. Written straight to HTML: the board shows 180 of them, and a partial view each was most
/// of the page's cost.
/// </summary>
internal static class ItemHtml
{
    private static readonly HtmlString None = new("<span class=\"item-nodata\">—</span>");

    /// <summary>On the board a reason is cut to this many characters (its hover title to <see cref="BoardTitle"/>); the township's page shows it whole.</summary>
    public const int BoardText = 60;

    public const int BoardTitle = 300;

    /// <summary>The item as the county board shows it: the reason cut short (a township can list dozens of plans).</summary>
    public static IHtmlContent Compact(ItemResult? item, IStringLocalizer text) =>
        Render(item is null ? null : item with { Reason = Cut(item.Reason, BoardTitle) }, text, BoardText);

    public static IHtmlContent Render(ItemResult? item, IStringLocalizer text) => Render(item, text, int.MaxValue);

    private static string Cut(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    private static IHtmlContent Render(ItemResult? item, IStringLocalizer text, int shown)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (item is null)
        {
            return None;
        }

        var encoder = HtmlEncoder.Default;
        var css = item.State switch { ItemState.Met => "item-met", ItemState.NotMet => "item-notmet", _ => "item-nodata" };
        var reason = encoder.Encode(item.Reason);
        var html = new StringBuilder(160 + (reason.Length * 2));
        html.Append("<span class=\"").Append(css).Append("\" title=\"").Append(reason)
            .Append("\" data-item=\"").Append(encoder.Encode(item.Code)).Append("\" data-state=\"").Append(item.State.ToString())
            .Append("\">").Append(encoder.Encode(text["State_" + item.State.ToString()])).Append("</span>");
        html.Append(item.Link is { } link ? "<a class=\"item-reason\" href=\"" + encoder.Encode(link) + "\">" : "<span class=\"item-reason\">")
            .Append(shown >= item.Reason.Length ? reason : encoder.Encode(Cut(item.Reason, shown))).Append(item.Link is null ? "</span>" : "</a>");
        return new HtmlString(html.ToString());
    }
}
