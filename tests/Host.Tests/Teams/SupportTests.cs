using System.Net;
using Autofac;
using Emergency.Host.Access;
using Emergency.Host.Platform.Data;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>
/// 一张网: a township asks the county for support, the county assigns another township's site or team, the supplier
/// confirms (supplies move by a 调拨) or declines (back to the county), the township closes it; each step out of
/// turn is refused, the next actor is told and has it on 我的待办, and only those involved see it.
/// </summary>
public sealed class SupportTests : SupportTest
{
    /// <summary>石门乡's site with 40 tents, 青山镇's receiving site; returns (tents kind, 石门乡 site, 青山镇 site).</summary>
    private static async Task<(int Tents, int From, int To)> SitesAsync(TestApp app, int tents = 40)
    {
        await AccountAsync(app, Shimen, "石门乡");
        var kind = await KindAsync(app, "帐篷");
        var from = await SiteAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡应急物资储备点");
        var to = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        (await MoveAsync(app, Bureau, from, "In", kind, tents, "县应急局配发")).Text.Should().Contain("已保存");
        return (kind, from, to);
    }

    [Fact]
    public async Task Supplies_asked_assigned_confirmed_move_by_a_transfer_pair_and_the_township_closes_the_request()
    {
        await using var app = await StartAsync();
        var (tents, from, to) = await SitesAsync(app);
        var request = await AskSuppliesAsync(app, tents, 30, to);
        (await StatusAsync(app, request)).Should().Be(0);
        (await InboxAsync(app, Bureau, "支援申请：青山镇申请帐篷 30 顶")).Should().Contain("支援申请：青山镇申请帐篷 30 顶");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/")).Should().Contain($"青山镇申请物资支援（第 {request} 号）");

        (await StepAsync(app, Bureau, request, "Assign", supplier: $"site:{from}")).Text.Should().Contain("已指派支援单位").And.Contain("石门乡应急物资储备点");
        (await StatusAsync(app, request)).Should().Be(1);
        (await InboxAsync(app, Shimen, "请确认支援：青山镇")).Should().Contain($"支援申请第 {request} 号");
        Text(await (await app.AsAsync(Shimen)).GetStringAsync("/")).Should().Contain("待确认支援").And.Contain($"第 {request} 号");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/")).Should().NotContain($"青山镇申请物资支援（第 {request} 号）", "assigned: no longer the county's to do");

        (await StepAsync(app, Shimen, request, "Confirm")).Text.Should().Contain("已确认支援");
        (await QuantityAsync(app, from, tents)).Should().Be(10);
        (await QuantityAsync(app, to, tents)).Should().Be(30);
        (await MovementSumAsync(app, from, tents)).Should().Be(10, "the stock is the sum of its movements");
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM StockMovements WHERE TransferId = (SELECT TransferId FROM SupportRequests WHERE Id = {request})")).Should().Be(2);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM StockMovements WHERE TransferId = (SELECT TransferId FROM SupportRequests WHERE Id = {request}) AND ((Kind = 2 AND SiteId = {from} AND Quantity = -30) OR (Kind = 3 AND SiteId = {to} AND Quantity = 30))")).Should().Be(2);
        (await InboxAsync(app, Township, "已确认支援")).Should().Contain($"支援申请第 {request} 号");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().Contain("支援待结案");

        (await StepAsync(app, Township, request, "Close", "帐篷 30 顶已到位")).Text.Should().Contain("已结案");
        (await StatusAsync(app, request)).Should().Be(3);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%SupportFulfilled%'")).Should().Be(1);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%SupportRequested%'")).Should().Be(1);
        var history = Text(await (await app.AsAsync(Township)).GetStringAsync($"/teams/Support/Details?id={request}"));
        history.Should().Contain("提出申请").And.Contain("指派支援单位").And.Contain("确认支援").And.Contain("结案：帐篷 30 顶已到位");
    }

    [Fact]
    public async Task Confirming_with_short_stock_is_refused_with_the_ledgers_message_and_writes_nothing()
    {
        await using var app = await StartAsync();
        var (tents, from, to) = await SitesAsync(app);
        var request = await AskSuppliesAsync(app, tents, 30, to);
        (await StepAsync(app, Bureau, request, "Assign", supplier: $"site:{from}")).Text.Should().Contain("已指派支援单位");
        (await MoveAsync(app, Bureau, from, "Out", tents, 20, "石门村")).Text.Should().Contain("已保存");
        var steps = await StepsAsync(app, request);

        var (_, text) = await StepAsync(app, Shimen, request, "Confirm");
        text.Should().Contain("库存不足：石门乡应急物资储备点的帐篷现有 20 顶");
        (await StatusAsync(app, request)).Should().Be(1);
        (await StepsAsync(app, request)).Should().Be(steps);
        (await QuantityAsync(app, from, tents)).Should().Be(20);
        (await QuantityAsync(app, to, tents)).Should().Be(-1, "no row was made at the receiving site");
        (await MovementCountAsync(app, from, tents)).Should().Be(2);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM SupportRequests WHERE Id = {request} AND TransferId IS NULL")).Should().Be(1);
    }

    [Fact]
    public async Task Two_confirmations_at_once_transfer_once()
    {
        await using var app = await StartAsync();
        var (tents, from, to) = await SitesAsync(app, tents: 70);
        var request = await AskSuppliesAsync(app, tents, 30, to);
        (await StepAsync(app, Bureau, request, "Assign", supplier: $"site:{from}")).Text.Should().Contain("已指派支援单位");
        var sessions = new[] { await app.SignInAsync(Shimen), await app.SignInAsync(Shimen) };

        await Task.WhenAll(sessions.Select(s => TestApp.PostFormAsync(s, $"/teams/Support/Details?id={request}&handler=Confirm", new Dictionary<string, string> { ["Note"] = "" }, tokenFrom: "/Account/ChangePassword")));
        (await QuantityAsync(app, from, tents)).Should().Be(40, "enough for two, yet moved once");
        (await QuantityAsync(app, to, tents)).Should().Be(30);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM SupportSteps WHERE RequestId = {request} AND Action = 2")).Should().Be(1);
        (await StatusAsync(app, request)).Should().Be(2);
    }

    [Fact]
    public async Task A_site_without_enough_stock_cannot_be_assigned()
    {
        await using var app = await StartAsync();
        var (tents, from, to) = await SitesAsync(app, tents: 10);
        var request = await AskSuppliesAsync(app, tents, 30, to);
        (await StepAsync(app, Bureau, request, "Assign", supplier: $"site:{from}")).Text.Should().Contain("石门乡应急物资储备点的帐篷现有 10 顶，不足所需 30 顶");
        (await StatusAsync(app, request)).Should().Be(0);
    }

    [Fact]
    public async Task Closing_before_the_supplier_confirms_is_refused_with_a_message_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var (tents, from, to) = await SitesAsync(app);
        var request = await AskSuppliesAsync(app, tents, 30, to);
        (await StepAsync(app, Township, request, "Close", "已到位")).Text.Should().Contain("该申请当前待县应急局指派，不能结案");
        (await StepAsync(app, Bureau, request, "Assign", supplier: $"site:{from}")).Text.Should().Contain("已指派支援单位");
        var steps = await StepsAsync(app, request);

        (await StepAsync(app, Township, request, "Close", "已到位")).Text.Should().Contain("该申请当前待支援单位确认，不能结案");
        (await StatusAsync(app, request)).Should().Be(1);
        (await StepsAsync(app, request)).Should().Be(steps);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%SupportFulfilled%'")).Should().Be(0);
        (await StepAsync(app, Township, request, "Confirm")).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the requester does not confirm its own request");
    }

    [Fact]
    public async Task A_declined_request_goes_back_to_the_county_with_the_reason()
    {
        await using var app = await StartAsync();
        await AccountAsync(app, Shimen, "石门乡");
        var team = await RegisterAsync(app, Bureau, "Township", await TownshipKeyAsync(app, "石门乡"), "石门乡应急救援队");
        var request = await AskRescuersAsync(app, 10);
        (await StepAsync(app, Bureau, request, "Assign", supplier: $"team:{team}")).Text.Should().Contain("石门乡应急救援队");
        (await StepAsync(app, Shimen, request, "Decline", "")).Text.Should().Contain("请填写无法支援的原因");
        (await StatusAsync(app, request)).Should().Be(1);

        (await StepAsync(app, Shimen, request, "Decline", "队伍正在执行森林防火任务")).Text.Should().Contain("已退回县应急管理局重新指派");
        (await StatusAsync(app, request)).Should().Be(0);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM SupportRequests WHERE Id = {request} AND SupplierTownshipId IS NULL AND SupplierTeamId IS NULL")).Should().Be(1);
        (await InboxAsync(app, Bureau, "无法支援")).Should().Contain("石门乡应急救援队（石门乡）无法支援");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/")).Should().Contain($"第 {request} 号");
        (await (await app.AsAsync(Shimen)).GetAsync($"/teams/Support/Details?id={request}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no longer its supplier");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/teams/Support/Details?id={request}")).Should().Contain("无法支援：队伍正在执行森林防火任务");
    }

    [Fact]
    public async Task A_township_not_involved_a_village_and_another_county_get_404()
    {
        await using var app = await StartAsync();
        var (tents, from, to) = await SitesAsync(app);
        await AccountAsync(app, Chengguan, "城关街道");
        var request = await AskSuppliesAsync(app, tents, 30, to);
        (await StepAsync(app, Bureau, request, "Assign", supplier: $"site:{from}")).Text.Should().Contain("已指派支援单位");

        var chengguan = await app.AsAsync(Chengguan);
        (await chengguan.GetAsync($"/teams/Support/Details?id={request}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text(await chengguan.GetStringAsync("/teams/Support")).Should().Contain("共 0 条支援申请");
        (await StepAsync(app, Chengguan, request, "Confirm")).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.AsAsync(Village)).GetAsync($"/teams/Support/Details?id={request}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.AsAsync(Weather)).GetAsync($"/teams/Support/Details?id={request}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.AsAsync(Shimen)).GetAsync($"/teams/Support/Details?id={request}")).StatusCode.Should().Be(HttpStatusCode.OK, "the supplier sees it");
        Text(await (await app.AsAsync(Leader)).GetStringAsync("/teams/Support")).Should().Contain("共 1 条支援申请");

        const string other = "450998";
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new County { Code = other, Name = "白石县", Modules = [new CountyModule { Module = "teams" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await using (var scope = app.Services.GetRequiredService<ILifetimeScope>().BeginLifetimeScope())
        {
            (await scope.Resolve<AccountService>().CreateAsync(new NewAccount("baishi-admin", "白石县管理员", Roles.CountyAdmin, other, null, null, null, null, TestApp.Password), CancellationToken.None))
                .Succeeded.Should().BeTrue();
        }

        await app.Services.GetRequiredService<Emergency.BuildingBlocks.Persistence.StoreCatalog>()
            .MigrateAsync(Emergency.BuildingBlocks.Persistence.StoreKey.ForCounty(other, "teams"), CancellationToken.None);
        var baishi = await app.AsAsync("baishi-admin");
        (await baishi.GetAsync($"/teams/Support/Details?id={request}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StepAsync(app, "baishi-admin", request, "Assign", supplier: $"site:{from}")).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(app, request)).Should().Be(1);
    }
}
