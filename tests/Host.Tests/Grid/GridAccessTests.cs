using System.Net;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Grid;

public sealed class GridAccessTests : GridTest
{
    [Fact]
    public async Task A_department_sees_only_the_hazards_assigned_to_it()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var mine = await ReportedHazardAsync(app, grid, "气象站旁枯树");
        var theirs = await ReportedHazardAsync(app, grid, "村口加油站");
        var unassigned = await ReportedHazardAsync(app, grid, "未交办的隐患");
        await AssignAsync(app, mine, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(5)));
        await AssignAsync(app, theirs, await DepartmentIdAsync(app, "应急管理局"), InChinaTime(TimeSpan.FromDays(5)));

        var weather = await app.AsAsync(Weather);
        var ledger = Text(await weather.GetStringAsync("/grid/Ledger"));
        ledger.Should().Contain("气象站旁枯树").And.NotContain("村口加油站").And.NotContain("未交办的隐患");
        (await weather.GetAsync($"/grid/Hazards/Details?id={mine}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await weather.GetAsync($"/grid/Hazards/Details?id={theirs}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await weather.GetAsync($"/grid/Hazards/Details?id={unassigned}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var photo = await CountAsync(app, $"SELECT Id AS Value FROM HazardPhotos WHERE HazardId = {theirs}");
        (await weather.GetAsync($"/grid/Hazards/Photo?id={photo}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // A department may not take the township's steps, nor another department's.
        (await StepAsync(app, Weather, mine, "Reject", new Dictionary<string, string> { ["Input.Note"] = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StepAsync(app, Weather, theirs, "Start")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The emergency bureau and the county see everything.
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/grid/Ledger")).Should().Contain("气象站旁枯树").And.Contain("村口加油站").And.Contain("未交办的隐患");
        Text(await (await app.AsAsync(Leader)).GetStringAsync("/grid/Ledger")).Should().Contain("未交办的隐患");
    }

    [Fact]
    public async Task The_county_leader_reads_everything_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "领导只读");

        var leader = await app.AsAsync(Leader);
        (await leader.GetAsync($"/grid/Hazards/Details?id={id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await StepAsync(app, Leader, id, "Reject", new Dictionary<string, string> { ["Input.Note"] = "领导驳回" });
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StateAsync(app, id)).Should().Be("Reported");
        (await leader.GetAsync("/grid/Hazards/Report")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_countys_hazard_is_not_found()
    {
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "grid" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        var key = StoreKey.ForCounty("450998", "grid");
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(key, CancellationToken.None);
        await using (var other = app.OpenStore("grid", "450998"))
        {
            await other.Database.ExecuteSqlRawAsync(
                "INSERT INTO Hazards (Id, TownshipId, VillageId, GridId, GridName, Category, Level, Description, Place, State, Overdue, Supervision, AwaitingReportIn, ReportedBy, ReporterName, ReportedAtUtc) " +
                "VALUES (77, 1, 1, 1, '白石网格', 0, 0, '白石县的隐患', '白石县某地', 0, 0, 0, 0, 'someone', '某人', '2026-11-20 00:00:00')");
        }

        foreach (var user in new[] { Township, Bureau, CountyAdmin, Leader })
        {
            (await (await app.AsAsync(user)).GetAsync("/grid/Hazards/Details?id=77")).StatusCode.Should().Be(HttpStatusCode.NotFound, user);
        }

        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/grid/Ledger")).Should().NotContain("白石县某地");
    }

    [Fact]
    public async Task A_township_sees_and_manages_only_its_own_grids_and_hazards()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        await ReportedHazardAsync(app, grid, "青山镇的隐患");

        // 城关街道's 东门社区 is not 青山镇's: the township cannot create a grid there.
        var east = await VillageIdAsync(app, "东门社区");
        var response = await TestApp.PostFormAsync(await app.AsAsync(Township), "/grid/Grids", new Dictionary<string, string>
        {
            ["Input.VillageId"] = Invariant(east),
            ["Input.Code"] = "DM-01",
            ["Input.Name"] = "东门第一网格",
            ["Input.Kind"] = "CommunityBlock",
            ["Input.Households"] = "400",
            ["Input.Population"] = "1200",
        });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("只能为本乡镇的村（社区）建立网格");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Grids WHERE Code = 'DM-01'")).Should().Be(0);

        // A community grid outside 300–500 households is refused (county setting).
        var small = await TestApp.PostFormAsync(await app.AsAsync(Township), "/grid/Grids", new Dictionary<string, string>
        {
            ["Input.VillageId"] = Invariant(await VillageIdAsync(app, "青山社区")),
            ["Input.Code"] = "QS-01",
            ["Input.Name"] = "青山社区第一网格",
            ["Input.Kind"] = "CommunityBlock",
            ["Input.Households"] = "120",
            ["Input.Population"] = "300",
        });
        Text(await small.Content.ReadAsStringAsync()).Should().Contain("社区网格一般按 300–500 户划分，当前为 120 户");
    }

    [Fact]
    public async Task The_clarity_card_prints_without_navigation_with_the_module_stylesheet()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var html = await (await app.AsAsync(GridMember)).GetStringAsync($"/grid/Cards?id={grid}");
        var text = Text(html);
        text.Should().Contain("应急管理明白卡").And.Contain("李网格 13800001111").And.Contain("山洪、地质灾害").And.Contain("沿村道向北撤至村委会").And.Contain("河口村小学").And.Contain("0771-7654321");
        html.Should().Contain("/_content/Grid/card.css").And.NotContain("navbar").And.NotContain("<script");
        var css = await app.Http.GetAsync("/_content/Grid/card.css");
        css.StatusCode.Should().Be(HttpStatusCode.OK);
        (await css.Content.ReadAsStringAsync()).Should().Contain("@media print");
    }
}
