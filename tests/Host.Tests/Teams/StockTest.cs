using FluentAssertions;

namespace Emergency.Host.Tests.Teams;

/// <summary>Base for the 装备物资 tests: sites, kinds and movements through the pages.</summary>
public abstract class StockTest : TeamsTest
{
    internal static Dictionary<string, string> SiteForm(string owner, string name, string kind = "Township", string keeper = "韦保管", string? keeperUser = null) => new()
    {
        ["Input.Kind"] = kind,
        ["Input.OwnerKey"] = owner,
        ["Input.Name"] = name,
        ["Input.Address"] = "青山镇政府院内",
        ["Input.KeeperName"] = keeper,
        ["Input.KeeperMobile"] = "13907719999",
        ["Input.KeeperUserName"] = keeperUser ?? "",
        ["Input.Latitude"] = "",
        ["Input.Longitude"] = "",
    };

    /// <summary>Sets up a site through the page and returns its id.</summary>
    internal static async Task<int> SiteAsync(TestApp app, string user, string owner, string name, string kind = "Township", string? keeperUser = null)
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(user), "/teams/Stock/Sites", SiteForm(owner, name, kind, keeperUser: keeperUser));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已保存储备点：" + name);
        return await CountAsync(app, "teams", $"SELECT Id AS Value FROM StorageSites WHERE Name = '{name}'");
    }

    /// <summary>The id of a kind of the default catalogue (seeded on the first visit of a stock page).</summary>
    internal static async Task<int> KindAsync(TestApp app, string name)
    {
        (await (await app.AsAsync(Bureau)).GetAsync("/teams/Stock/Kinds")).EnsureSuccessStatusCode();
        return await CountAsync(app, "teams", $"SELECT Id AS Value FROM SupplyKinds WHERE Name = '{name}'");
    }

    /// <summary>Posts one of the site page's forms (In, Out, Transfer, Take, Limits) and returns the page's text.</summary>
    internal static async Task<(HttpResponseMessage Response, string Text)> MoveAsync(TestApp app, string user, int site, string handler, int kind, int? quantity, string party = "", string note = "", int? toSite = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.KindId"] = Invariant(kind),
            ["Input.Quantity"] = quantity is { } q ? Invariant(q) : "",
            ["Input.Party"] = party,
            ["Input.Note"] = note,
            ["Input.ToSiteId"] = toSite is { } t ? Invariant(t) : "",
        };
        var response = await TestApp.PostFormAsync(await app.AsAsync(user), $"/teams/Stock/Site?id={site}&handler={handler}", fields, tokenFrom: "/Account/ChangePassword");
        return (response, Text(await response.Content.ReadAsStringAsync()));
    }

    internal static async Task LimitsAsync(TestApp app, string user, int site, int kind, int minimum, string expiresOn = "")
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(user), $"/teams/Stock/Site?id={site}&handler=Limits", new Dictionary<string, string>
        {
            ["Input.KindId"] = Invariant(kind),
            ["Input.Minimum"] = Invariant(minimum),
            ["Input.ExpiresOn"] = expiresOn,
        }, tokenFrom: "/Account/ChangePassword");
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已保存");
    }

    internal static Task<int> QuantityAsync(TestApp app, int site, int kind) =>
        CountAsync(app, "teams", $"SELECT COALESCE((SELECT Quantity FROM Stock WHERE SiteId = {site} AND KindId = {kind}), -1) AS Value");

    internal static Task<int> MovementCountAsync(TestApp app, int site, int kind) =>
        CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM StockMovements WHERE SiteId = {site} AND KindId = {kind}");

    internal static Task<int> MovementSumAsync(TestApp app, int site, int kind) =>
        CountAsync(app, "teams", $"SELECT COALESCE(SUM(Quantity), 0) AS Value FROM StockMovements WHERE SiteId = {site} AND KindId = {kind}");
}
