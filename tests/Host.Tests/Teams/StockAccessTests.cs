using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>Who sees and changes which site's stock: the owner unit and the county managers write, others in scope read.</summary>
public sealed class StockAccessTests : StockTest
{
    [Fact]
    public async Task A_village_sees_only_its_village_and_a_township_writes_only_its_own_sites()
    {
        await using var app = await StartAsync();
        var township = await SiteAsync(app, Bureau, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var village = await SiteAsync(app, Bureau, await VillageKeyAsync(app), "河口村微型消防站", "Village");
        var other = await SiteAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡应急物资储备点");
        var jackets = await KindAsync(app, "救生衣");
        foreach (var site in new[] { township, village, other })
        {
            (await MoveAsync(app, Bureau, site, "In", jackets, 10)).Text.Should().Contain("已保存", "the county manager writes everywhere");
        }

        var villageUser = await app.AsAsync(Village);
        Text(await villageUser.GetStringAsync("/teams/Stock")).Should().Contain("河口村微型消防站").And.Contain("共 1 条库存").And.NotContain("青山镇应急物资储备点");
        (await villageUser.GetAsync($"/teams/Stock/Site?id={township}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await villageUser.GetAsync($"/teams/Stock/Movements?site={township}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await MoveAsync(app, Village, village, "Out", jackets, 2, "三组")).Text.Should().Contain("已保存");
        (await MoveAsync(app, Village, township, "Out", jackets, 2, "三组")).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var townshipUser = await app.AsAsync(Township);
        Text(await townshipUser.GetStringAsync("/teams/Stock")).Should().Contain("共 2 条库存").And.Contain("河口村微型消防站").And.NotContain("石门乡应急物资储备点");
        (await townshipUser.GetAsync($"/teams/Stock/Site?id={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await MoveAsync(app, Township, other, "Out", jackets, 1, "越权")).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await MoveAsync(app, Township, village, "Out", jackets, 1, "代村出库")).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the village's site is the village's to change");
        (await MoveAsync(app, Township, township, "Out", jackets, 1, "镇救援队")).Text.Should().Contain("已保存");

        (await QuantityAsync(app, other, jackets)).Should().Be(10);
        (await QuantityAsync(app, village, jackets)).Should().Be(8);
        (await QuantityAsync(app, township, jackets)).Should().Be(9);
    }

    [Fact]
    public async Task The_county_ledger_offers_the_county_sites_and_a_chosen_township_offers_that_townships_sites()
    {
        await using var app = await StartAsync();
        await SiteAsync(app, Bureau, await DepartmentKeyAsync(app, "应急管理局"), "青山县应急物资仓库", "CountyWarehouse");
        var qingshan = await SiteAsync(app, Bureau, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        await SiteAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡应急物资储备点");
        var bureau = await app.AsAsync(Bureau);

        var county = SiteOptions(await bureau.GetStringAsync("/teams/Stock"));
        county.Should().Contain("青山县应急物资仓库").And.NotContain("青山镇应急物资储备点").And.NotContain("石门乡应急物资储备点");
        Text(await bureau.GetStringAsync("/teams/Stock")).Should().Contain("先选乡镇，再选该乡镇的储备点");

        var township = await CountAsync(app, "teams", $"SELECT TownshipId AS Value FROM StorageSites WHERE Id = {qingshan}");
        var chosen = SiteOptions(await bureau.GetStringAsync($"/teams/Stock?Township={township}"));
        chosen.Should().Contain("青山镇应急物资储备点").And.NotContain("石门乡应急物资储备点").And.NotContain("青山县应急物资仓库");

        // A township user has only its own township: its sites are listed without choosing.
        SiteOptions(await (await app.AsAsync(Township)).GetStringAsync("/teams/Stock")).Should().Contain("青山镇应急物资储备点").And.NotContain("石门乡应急物资储备点");
    }

    private static string SiteOptions(string html)
    {
        var start = html.IndexOf("<select id=\"Site\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the ledger has a site filter");
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_leader_reads_and_changes_nothing_and_only_county_managers_keep_the_catalogue()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var jackets = await KindAsync(app, "救生衣");
        await MoveAsync(app, Township, site, "In", jackets, 10);

        var leader = await app.AsAsync(Leader);
        Text(await leader.GetStringAsync($"/teams/Stock/Site?id={site}")).Should().Contain("救生衣").And.NotContain("盘点数量");
        (await MoveAsync(app, Leader, site, "Out", jackets, 1, "领导")).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await QuantityAsync(app, site, jackets)).Should().Be(10);

        var kind = new Dictionary<string, string> { ["Category"] = "FloodDrought", ["Name"] = "防汛沙袋", ["Unit"] = "袋" };
        (await TestApp.PostFormAsync(await app.AsAsync(Township), "/teams/Stock/Kinds", kind, tokenFrom: "/Account/ChangePassword")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Text(await (await TestApp.PostFormAsync(await app.AsAsync(Bureau), "/teams/Stock/Kinds", kind)).Content.ReadAsStringAsync()).Should().Contain("已保存物资品类：防汛沙袋");
        Text(await (await TestApp.PostFormAsync(await app.AsAsync(Bureau), "/teams/Stock/Kinds", kind)).Content.ReadAsStringAsync()).Should().Contain("该类别已有品名“防汛沙袋”");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM SupplyKinds WHERE Name = '防汛沙袋'")).Should().Be(1);
    }

    [Fact]
    public async Task A_site_of_another_township_cannot_be_owned_by_a_township_and_bad_input_is_shown()
    {
        await using var app = await StartAsync();
        var foreign = SiteForm(await TownshipKeyAsync(app, "石门乡"), "越权储备点");
        Text(await (await TestApp.PostFormAsync(await app.AsAsync(Township), "/teams/Stock/Sites", foreign)).Content.ReadAsStringAsync()).Should().Contain("请选择所属单位");
        var bad = SiteForm(await TownshipKeyAsync(app), "青山镇储备点");
        bad["Input.KeeperMobile"] = "123";
        Text(await (await TestApp.PostFormAsync(await app.AsAsync(Township), "/teams/Stock/Sites", bad)).Content.ReadAsStringAsync()).Should().Contain("请填写保管员的 11 位手机号码");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM StorageSites")).Should().Be(0);
    }
}
