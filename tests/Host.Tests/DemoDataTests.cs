using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>
/// The demo county as a first run leaves it: each module's demo data (ModuleDefinition.SeedDemoAsync), so
/// every demo account sees real work on its first sign-in, and a later start seeds nothing again.
/// </summary>
public sealed partial class DemoDataTests : PlatformTest
{
    private static readonly Dictionary<string, string?> WithDemoData = new() { ["Demo:ModuleData"] = "true" };

    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [Fact]
    public async Task The_grid_member_of_Hekou_reports_in_their_own_grids_at_once()
    {
        await using var app = await StartAsync(WithDemoData);

        var page = Text(await (await app.AsAsync("hekou-grid")).GetStringAsync("/grid/Hazards/Report"));

        page.Should().NotContain("还没有划分网格").And.NotContain("还没有关联网格员").And.NotContain("先建立网格");
        page.Should().Contain("河口村第1村民小组").And.Contain("河口村第2村民小组");
        (await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Members WHERE UserName = 'hekou-grid'")).Should().Be(1);
        (await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Stations")).Should().Be(11, "every village has its service station");
        (await CountAsync(app, "grid", "SELECT COUNT(DISTINCT VillageId) AS Value FROM Grids")).Should().Be(11, "every village has its grids");
        (await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Grids WHERE KeyRisks = '' OR EvacuationRoute = '' OR Shelter = '' OR EmergencyNumbers = ''"))
            .Should().Be(0, "every 明白卡 is filled in");
    }

    [Fact]
    public async Task The_township_sees_hazards_in_every_state_on_its_ledger_with_their_history_and_tally()
    {
        await using var app = await StartAsync(WithDemoData);
        var township = await app.AsAsync("qingshan");

        foreach (var (state, place) in new[]
        {
            ("Reported", "河口村三组后山坡脚"), ("Assigned", "河口村五组集中安置点 2 栋楼道"), ("Rectifying", "河口桥下游左岸河堤"),
            ("AwaitingReinspection", "河口村砖厂"), ("Closed", "河口村松树坳林缘"), ("Rejected", "河口村村口"),
        })
        {
            Text(await township.GetStringAsync($"/grid/Ledger?State={state}")).Should().Contain(place, state);
        }

        (await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Hazards WHERE Overdue = 1 AND AwaitingReportIn = 1")).Should().Be(1, "one overdue hazard is whistled");
        (await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Hazards h JOIN HazardPlans p ON p.HazardId = h.Id WHERE h.Level = 1 AND h.Supervision = 1"))
            .Should().Be(1, "one 重大隐患 has its 治理方案 and is under 县级挂牌督办");
        (await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Hazards h WHERE NOT EXISTS (SELECT 1 FROM HazardHistory x WHERE x.HazardId = h.Id AND x.Action = '上报')"))
            .Should().Be(0, "every hazard has its history from the report on");
        (await CountAsync(app, "grid", "SELECT SUM(Count) AS Value FROM HazardTallies"))
            .Should().Be(await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Hazards"), "the ledger's tally was kept by the saves");
        Text(await (await app.AsAsync(Clerk)).GetStringAsync("/grid/Ledger")).Should().Contain("河口村砖厂", "the emergency bureau sees the hazards assigned to it");
    }

    [Fact]
    public async Task The_emergency_bureau_sees_experts_in_the_archive_the_open_round_and_the_coming_meeting()
    {
        await using var app = await StartAsync(WithDemoData);
        var bureau = await app.AsAsync(Clerk);

        var archive = Text(await bureau.GetStringAsync("/experts"));
        archive.Should().Contain("共 12 名专家").And.Contain("覃永明");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Experts WHERE CertificateNumber LIKE '450999-ZJ-2025-%' AND Status = 0"))
            .Should().Be(12, "certificates are numbered <county>-ZJ-<year>-NNNN for the year of admission");
        Text(await bureau.GetStringAsync("/experts/Rounds")).Should().Contain("2026年度县政府应急管理专家推荐");
        Text(await bureau.GetStringAsync("/experts/Selection")).Should().Contain("蒙秋菊", "气象局 has sent in one 推荐表");
        Text(await bureau.GetStringAsync("/experts/Meetings")).Should().Contain("入汛前地质灾害和山洪风险形势会商");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM MeetingInvitations")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_township_sees_its_teams_below_the_minimum_flagged_and_on_its_todo()
    {
        await using var app = await StartAsync(WithDemoData);
        var township = await app.AsAsync("qingshan");

        var list = Regex.Replace(Text(await township.GetStringAsync("/teams")), @"\s+", " ");
        list.Should().Contain("青山镇应急救援队").And.Contain("26 / 30 人数不足").And.Contain("河口村应急救援分队").And.Contain("8 / 10 人数不足");
        Regex.Replace(Text(await township.GetStringAsync("/")), @"\s+", " ").Should().Contain("青山镇应急救援队：在队 26 人，不足最低 30 人");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Teams")).Should().Be(5, "township, village, professional, enterprise and volunteer teams");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Teams t WHERE t.ActiveMembers <> (SELECT COUNT(*) FROM Members m WHERE m.TeamId = t.Id AND m.LeftOn IS NULL)"))
            .Should().Be(0, "every team's count matches its members");
        await using (var db = app.OpenStore("teams"))
        {
            var idCards = await db.Database.SqlQueryRaw<string>("SELECT IdCardNumber AS Value FROM Members").ToListAsync();
            idCards.Should().HaveCount(65).And.OnlyContain(n => Emergency.BuildingBlocks.Validation.IdCard.Validate(n, null) == null, "demo members have valid ID card numbers");
        }

        var teamId = await CountAsync(app, "teams", "SELECT Id AS Value FROM Teams WHERE Name = '青山镇应急救援队'");
        Regex.Replace(Text(await township.GetStringAsync($"/teams/Teams/Details?id={teamId}")), @"\s+", " ").Should().Contain("低于县定最低人数 30 人").And.Contain("同时在“河口村应急救援分队”");
        Regex.Replace(Text(await (await app.AsAsync(Clerk)).GetStringAsync("/teams")), @"\s+", " ").Should().Contain("共 5 支队伍").And.Contain("青山县蓝天救援队");
    }

    [Fact]
    public async Task The_leader_sees_Qingshans_readiness_filled_in_from_the_other_modules_demo_events()
    {
        await using var app = await StartAsync(WithDemoData);
        var qingshan = await Readiness.ReadinessTest.TownshipIdAsync(app, "青山镇");
        var leader = await app.AsAsync("leader");

        // Each module's demo publishes what its work would: Readiness fills in from those events alone.
        (await Readiness.ReadinessTest.WaitForAsync(leader, qingshan, "supply", "Met")).Should().Be("Met", "the township's site has stock (Teams)");
        (await Readiness.ReadinessTest.WaitForAsync(leader, qingshan, "ten.grid", "Met")).Should().Be("Met", "every village has its grid member (Grid)");
        (await Readiness.ReadinessTest.WaitForAsync(leader, qingshan, "ten.hazards", "NotMet")).Should().Be("NotMet", "one hazard is past its deadline (Grid)");
        (await Readiness.ReadinessTest.WaitForAsync(leader, qingshan, "team", "NotMet")).Should().Be("NotMet", "the team is below its minimum (Teams)");
        var page = await Eventually.WaitAsync(
            async () => Regex.Replace(Text(await leader.GetStringAsync($"/readiness/Township?id={qingshan}")), @"\s+", " "), p => p.Contains("本年培训", StringComparison.Ordinal));
        page.Should().Contain("本年培训 1/10 天", "the county's training last month (Training)").And.Contain("1 条逾期未整改");
        (await Readiness.ReadinessTest.StateAsync(leader, qingshan, "org")).Should().Be("Met", "the demo office is fully staffed");
    }

    [Fact]
    public async Task A_second_start_seeds_nothing_again()
    {
        int grids, hazards, experts, rounds;
        await using (var first = await StartAsync(WithDemoData))
        {
            grids = await CountAsync(first, "grid", "SELECT COUNT(*) AS Value FROM Grids");
            hazards = await CountAsync(first, "grid", "SELECT COUNT(*) AS Value FROM Hazards");
            experts = await CountAsync(first, "experts", "SELECT COUNT(*) AS Value FROM Experts");
            rounds = await CountAsync(first, "experts", "SELECT COUNT(*) AS Value FROM Rounds");
        }

        grids.Should().BeGreaterThan(0);
        await using var second = await StartAsync(WithDemoData);
        (await CountAsync(second, "grid", "SELECT COUNT(*) AS Value FROM Grids")).Should().Be(grids);
        (await CountAsync(second, "grid", "SELECT COUNT(*) AS Value FROM Hazards")).Should().Be(hazards);
        (await CountAsync(second, "experts", "SELECT COUNT(*) AS Value FROM Experts")).Should().Be(experts);
        (await CountAsync(second, "experts", "SELECT COUNT(*) AS Value FROM Rounds")).Should().Be(rounds);
    }

    [Fact]
    public async Task Without_module_demo_data_the_demo_county_starts_empty()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Demo:ModuleData"] = "false" });
        (await CountAsync(app, "grid", "SELECT COUNT(*) AS Value FROM Grids")).Should().Be(0);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Experts")).Should().Be(0);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
