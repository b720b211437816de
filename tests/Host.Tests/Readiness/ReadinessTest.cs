using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Events;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Tests.Readiness;

/// <summary>Base for Readiness tests: the demo county's accounts, publishing contract events from their modules' stores, reading items off the pages.</summary>
public abstract partial class ReadinessTest : PlatformTest
{
    internal const string Bureau = "yjj";

    internal const string Township = "qingshan";

    internal const string Leader = "leader";

    internal const string Admin = "county-admin";

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static async Task<int> TownshipIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name == name).Select(t => t.Id).SingleAsync();
    }

    internal static async Task<int> VillageIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Villages.Where(v => v.CountyCode == TestApp.County && v.Name == name).Select(v => v.Id).SingleAsync();
    }

    /// <summary>Publishes an event from the store of the module that owns it, as that module would; the dispatcher delivers it.</summary>
    internal static async Task PublishAsync(TestApp app, string module, params IntegrationEvent[] events)
    {
        await using var store = app.OpenStore(module);
        foreach (var e in events)
        {
            store.Publish(e);
        }

        await store.SaveChangesAsync();
    }

    internal static Task<int> JournalCountAsync(TestApp app) => CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM ReceivedEvents");

    /// <summary>The state (Met / NotMet / NoData) of an item on the township's page, as the bureau sees it.</summary>
    internal static async Task<string?> StateAsync(HttpClient client, int township, string item)
    {
        var html = await client.GetStringAsync($"/readiness/Township?id={Invariant(township)}");
        var match = Regex.Match(html, $"data-item=\"{Regex.Escape(item)}\" data-state=\"([A-Za-z]+)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Waits until the item reads <paramref name="expected"/>.</summary>
    internal static Task<string?> WaitForAsync(HttpClient client, int township, string item, string expected) =>
        Eventually.WaitAsync(() => StateAsync(client, township, item), s => s == expected);

    /// <summary>The text of an HTML page without tags.</summary>
    internal static string Text(string html) => Spaces().Replace(Tags().Replace(System.Net.WebUtility.HtmlDecode(html), " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
