using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>Keepers taking the last items at once: the conditional update lets exactly as many succeed as there are items.</summary>
public sealed partial class StockRaceTests : StockTest
{
    private static async Task<string[]> TakeConcurrentlyAsync(TestApp app, int site, int kind, int writers, int each)
    {
        // One session per keeper: a shared cookie jar would let one keeper's refusal page show another's "已保存" message.
        var keepers = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < writers; i++)
        {
            var keeper = await app.SignInAsync(Township);
            keepers.Add((keeper, Token().Match(await keeper.GetStringAsync("/Account/ChangePassword")).Groups[1].Value));
        }

        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, writers).Select(async i =>
        {
            var (client, token) = keepers[i];
            await start.WaitAsync();
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.KindId"] = Invariant(kind),
                ["Input.Quantity"] = Invariant(each),
                ["Input.Party"] = "队员" + Invariant(i),
                ["Input.Note"] = "",
                ["Input.ToSiteId"] = "",
            });
            var response = await client.PostAsync($"/teams/Stock/Site?id={site}&handler=Out", content);
            return Text(await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(writers);
        var pages = await Task.WhenAll(tasks);
        keepers.ForEach(k => k.Client.Dispose());
        return pages;
    }

    [Fact]
    public async Task Eight_keepers_taking_one_each_of_five_five_succeed_and_the_stock_is_zero()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var lights = await KindAsync(app, "应急照明灯");
        await MoveAsync(app, Township, site, "In", lights, 5);

        var pages = await TakeConcurrentlyAsync(app, site, lights, 8, 1);

        pages.Count(p => p.Contains("已保存：应急照明灯", StringComparison.Ordinal)).Should().Be(5);
        pages.Count(p => p.Contains("库存不足", StringComparison.Ordinal)).Should().Be(3);
        (await QuantityAsync(app, site, lights)).Should().Be(0);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM StockMovements WHERE SiteId = {site} AND Kind = 1")).Should().Be(5);
        (await MovementSumAsync(app, site, lights)).Should().Be(0);
    }

    [Fact]
    public async Task Eight_keepers_taking_two_each_of_five_never_drive_the_stock_negative()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var beds = await KindAsync(app, "折叠床");
        await MoveAsync(app, Township, site, "In", beds, 5);

        var pages = await TakeConcurrentlyAsync(app, site, beds, 8, 2);

        pages.Count(p => p.Contains("已保存：折叠床", StringComparison.Ordinal)).Should().Be(2);
        (await QuantityAsync(app, site, beds)).Should().Be(1);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM StockMovements WHERE SiteId = {site} AND Kind = 1")).Should().Be(2);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM StockMovements WHERE SiteId = {site} AND Balance < 0")).Should().Be(0);
        (await MovementSumAsync(app, site, beds)).Should().Be(1);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
