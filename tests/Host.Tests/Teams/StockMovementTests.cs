using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>Every change of stock is a movement: in, out, a transfer pair, a stock-take with its reason; never negative.</summary>
public sealed class StockMovementTests : StockTest
{
    [Fact]
    public async Task In_out_and_a_transfer_pair_move_the_stock_and_are_recorded()
    {
        await using var app = await StartAsync();
        var township = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var warehouse = await SiteAsync(app, Bureau, await DepartmentKeyAsync(app, "应急管理局"), "青山县应急物资仓库", "CountyWarehouse");
        var jackets = await KindAsync(app, "救生衣");

        (await MoveAsync(app, Township, township, "In", jackets, 50, "县应急管理局")).Text.Should().Contain("已保存：救生衣");
        (await MoveAsync(app, Township, township, "Out", jackets, 12, "河口村", "汛期巡堤")).Text.Should().Contain("已保存：救生衣");
        (await QuantityAsync(app, township, jackets)).Should().Be(38);

        (await MoveAsync(app, Township, township, "Transfer", jackets, 8, note: "支援县仓库", toSite: warehouse)).Text.Should().Contain("已保存：救生衣");
        (await QuantityAsync(app, township, jackets)).Should().Be(30);
        (await QuantityAsync(app, warehouse, jackets)).Should().Be(8);
        (await CountAsync(app, "teams", "SELECT COUNT(DISTINCT TransferId) AS Value FROM StockMovements WHERE TransferId IS NOT NULL")).Should().Be(1);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM StockMovements WHERE TransferId IS NOT NULL AND ((SiteId = {township} AND Quantity = -8 AND OtherSiteId = {warehouse}) OR (SiteId = {warehouse} AND Quantity = 8 AND OtherSiteId = {township}))")).Should().Be(2);

        var history = Text(await (await app.AsAsync(Township)).GetStringAsync($"/teams/Stock/Movements?site={township}"));
        history.Should().Contain("共 3 条变动").And.Contain("入库").And.Contain("出库").And.Contain("调出").And.Contain("汛期巡堤").And.Contain("青山县应急物资仓库");
    }

    [Fact]
    public async Task A_stock_take_needs_a_reason_and_sets_the_counted_quantity()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var tents = await KindAsync(app, "帐篷");
        await MoveAsync(app, Township, site, "In", tents, 20);

        (await MoveAsync(app, Township, site, "Take", tents, 17)).Text.Should().Contain("盘点调整须填写原因");
        (await QuantityAsync(app, site, tents)).Should().Be(20);
        (await MovementCountAsync(app, site, tents)).Should().Be(1);

        (await MoveAsync(app, Township, site, "Take", tents, 17, note: "三顶破损报废")).Text.Should().Contain("已保存：帐篷");
        (await QuantityAsync(app, site, tents)).Should().Be(17);
        (await CountAsync(app, "teams", $"SELECT Quantity AS Value FROM StockMovements WHERE SiteId = {site} AND Kind = 4 AND Note = '三顶破损报废'")).Should().Be(-3);
    }

    [Fact]
    public async Task Taking_more_than_there_is_is_refused_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var other = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇第二储备点");
        var pumps = await KindAsync(app, "抽水泵");
        await MoveAsync(app, Township, site, "In", pumps, 3);

        (await MoveAsync(app, Township, site, "Out", pumps, 4, "河口村")).Text.Should().Contain("库存不足：青山镇应急物资储备点的抽水泵现有 3 台");
        (await MoveAsync(app, Township, site, "Transfer", pumps, 5, toSite: other)).Text.Should().Contain("库存不足").And.Contain("现有 3");
        (await MoveAsync(app, Township, site, "Out", pumps, 0, "河口村")).Text.Should().Contain("数量应为正整数");
        (await MoveAsync(app, Township, site, "Out", pumps, 1)).Text.Should().Contain("请填写领用单位或人员");
        (await QuantityAsync(app, site, pumps)).Should().Be(3);
        (await QuantityAsync(app, other, pumps)).Should().Be(-1, "the failed transfer created no row at the target");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM StockMovements")).Should().Be(1);
    }

    [Fact]
    public async Task After_a_mix_of_movements_every_stock_equals_the_sum_of_its_movements()
    {
        await using var app = await StartAsync();
        var a = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var b = await SiteAsync(app, Bureau, await DepartmentKeyAsync(app, "应急管理局"), "青山县应急物资仓库", "CountyWarehouse");
        var bags = await KindAsync(app, "编织袋");
        var kits = await KindAsync(app, "急救箱");
        await MoveAsync(app, Township, a, "In", bags, 500);
        await MoveAsync(app, Bureau, b, "In", kits, 40);
        await MoveAsync(app, Township, a, "Out", bags, 120, "河口村");
        await MoveAsync(app, Township, a, "Transfer", bags, 80, toSite: b);
        await MoveAsync(app, Bureau, b, "Transfer", kits, 10, toSite: a);
        await MoveAsync(app, Township, a, "Take", bags, 290, note: "受潮报废 10 条");
        await MoveAsync(app, Township, a, "Out", bags, 1000, "超量");
        await MoveAsync(app, Bureau, b, "Out", kits, 5, "石门乡卫生院");

        (await QuantityAsync(app, a, bags)).Should().Be(290);
        (await QuantityAsync(app, b, bags)).Should().Be(80);
        (await QuantityAsync(app, a, kits)).Should().Be(10);
        (await QuantityAsync(app, b, kits)).Should().Be(25);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Stock s WHERE s.Quantity <> (SELECT COALESCE(SUM(m.Quantity), 0) FROM StockMovements m WHERE m.StockId = s.Id)")).Should().Be(0);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Stock")).Should().Be(4);
    }
}
