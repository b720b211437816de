using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>
/// The end of a low-stock episode is published as SupplyRestored in the commit of the movement that ends it (once per
/// episode); Readiness reads SupplyBelowMinimum and SupplyRestored and flips the township's 物资 back.
/// </summary>
public sealed class SupplyRestoredTests : StockTest
{
    private static async Task<int> EventsAsync(TestApp app, string type)
    {
        await using var store = app.OpenStore("teams");
        return await store.OutboxMessages.CountAsync(m => m.Type.EndsWith("." + type));
    }

    [Fact]
    public async Task Filling_up_below_minimum_stock_publishes_SupplyRestored_once_and_readiness_flips_supplies_back_to_met()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var tents = await KindAsync(app, "帐篷");
        await MoveAsync(app, Township, site, "In", tents, 3);
        await LimitsAsync(app, Township, site, tents, 5);
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("teams:stock-check");
        await Eventually.WaitAsync(() => EventsAsync(app, "SupplyBelowMinimum"), n => n == 1);
        (await EventsAsync(app, "SupplyRestored")).Should().Be(0);

        var township = await CountAsync(app, "teams", $"SELECT TownshipId AS Value FROM StorageSites WHERE Id = {site}");
        var bureau = await app.AsAsync("yjj");
        (await Readiness.ReadinessTest.WaitForAsync(bureau, township, "supply", "NotMet")).Should().Be("NotMet");

        (await MoveAsync(app, Township, site, "In", tents, 2)).Text.Should().Contain("已保存");
        (await EventsAsync(app, "SupplyRestored")).Should().Be(1);
        (await MoveAsync(app, Township, site, "In", tents, 2)).Text.Should().Contain("已保存");
        (await EventsAsync(app, "SupplyRestored")).Should().Be(1, "the episode ended once");
        (await Readiness.ReadinessTest.WaitForAsync(bureau, township, "supply", "Met")).Should().Be("Met");
    }

    [Fact]
    public async Task Stock_coming_in_or_running_out_publishes_its_presence_once_and_readiness_reads_supplies_in_stock()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var tents = await KindAsync(app, "帐篷");
        var township = await CountAsync(app, "teams", $"SELECT TownshipId AS Value FROM StorageSites WHERE Id = {site}");
        var bureau = await app.AsAsync("yjj");

        (await MoveAsync(app, Township, site, "In", tents, 3)).Text.Should().Contain("已保存");
        (await MoveAsync(app, Township, site, "In", tents, 2)).Text.Should().Contain("已保存");
        (await EventsAsync(app, "SupplyPresenceChanged")).Should().Be(1, "only the first 入库 brought the tents into stock");
        (await Readiness.ReadinessTest.WaitForAsync(bureau, township, "supply", "Met")).Should().Be("Met");
        Readiness.ReadinessTest.Text(await bureau.GetStringAsync($"/readiness/Township?id={township}")).Should().Contain("储备点在库物资 1 项，均不低于最低库存");

        (await MoveAsync(app, Township, site, "Out", tents, 5, "河口村")).Text.Should().Contain("已保存");
        (await EventsAsync(app, "SupplyPresenceChanged")).Should().Be(2, "issuing the last tent ran the row out");
        (await Readiness.ReadinessTest.WaitForAsync(bureau, township, "supply", "NotMet")).Should().Be("NotMet");
        Readiness.ReadinessTest.Text(await bureau.GetStringAsync($"/readiness/Township?id={township}")).Should().Contain("储备点现无在库物资");

        (await MoveAsync(app, Township, site, "Take", tents, 4, note: "盘点发现 4 顶")).Text.Should().Contain("已保存");
        (await EventsAsync(app, "SupplyPresenceChanged")).Should().Be(3, "a count that finds stock brings it back");
        (await Readiness.ReadinessTest.WaitForAsync(bureau, township, "supply", "Met")).Should().Be("Met");
    }
}
