using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Plans.Contracts;
using Emergency.Teams.Contracts;
using Emergency.Training.Contracts;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Readiness;

/// <summary>
/// Each 六有 item reads 无数据 until its source module publishes for the township, flips to 达标 when the event says
/// the standard is reached and back to 未达标 when it lapses; every event is journalled first; a rebuild from the
/// journal gives the same scores.
/// </summary>
public sealed class ItemTests : ReadinessTest
{
    [Fact]
    public async Task The_team_item_is_no_data_until_Teams_publishes_then_met_when_the_team_reaches_its_minimum()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        // Not yet scored, or scored by the daily snapshot job that runs at start: either way it reads 无数据.
        (await StateAsync(bureau, qingshan, "team") ?? "NoData").Should().Be("NoData");

        await PublishAsync(app, "teams", Strength(qingshan, 12, 10, false));
        (await WaitForAsync(bureau, qingshan, "team", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("青山镇综合应急救援队 12 人（最低 30）").And.Contain("未达最低人数")
            .And.Contain("尚未录入应急管理办公室", "the other items say why they have no data");
        (await StateAsync(bureau, qingshan, "supply")).Should().Be("NoData");

        await PublishAsync(app, "teams", Strength(qingshan, 30, 20, true));
        (await WaitForAsync(bureau, qingshan, "team", "Met")).Should().Be("Met");
        (await JournalCountAsync(app)).Should().Be(2, "each event is appended to the journal");
    }

    [Fact]
    public async Task Supplies_flip_to_not_met_below_minimum_and_back_when_restored()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        await PublishAsync(app, "teams", new SupplyBelowMinimum
        {
            StockId = 7, SiteId = 3, SiteName = "青山镇应急物资储备库", KindName = "救生衣", Unit = "件", Quantity = 5, Minimum = 50, BelowSince = new DateOnly(2026, 11, 20), TownshipId = qingshan,
        });
        (await WaitForAsync(bureau, qingshan, "supply", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("低于最低库存：青山镇应急物资储备库·救生衣（5/50件）");

        await PublishAsync(app, "teams", new SupplyRestored { StockId = 7, SiteId = 3, TownshipId = qingshan });
        (await WaitForAsync(bureau, qingshan, "supply", "Met")).Should().Be("Met");
    }

    [Fact]
    public async Task The_plan_item_is_met_once_the_general_plan_is_filed_and_lapses_on_revision_or_a_passed_evaluation()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        await PublishAsync(app, "plans", Issued(qingshan, 1));
        (await WaitForAsync(bureau, qingshan, "plan", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("综合应急预案未备案");

        await PublishAsync(app, "plans", Filed(qingshan, 1));
        await Eventually.WaitAsync(async () => Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")), t => !t.Contains("综合应急预案未备案"));
        (await StateAsync(bureau, qingshan, "plan")).Should().Be("NotMet", "the seven required 专项 plans are still missing");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}"))
            .Should().Contain("缺专项应急预案：生产安全事故、水旱灾害、地震和地质灾害、气象灾害、消防火灾、森林草原火灾、自然灾害救助");

        // Six 专项 issued and filed, the seventh (自然灾害救助) issued only: still not met, and it says which.
        var specials = TownshipPlans.RequiredSpecials.Select((c, i) => (c.Category, Id: 500 + i)).ToList();
        await PublishAsync(app, "plans", [.. specials.Select(c => Special(qingshan, c.Id, c.Category)), .. specials.SkipLast(1).Select(c => SpecialFiled(qingshan, c.Id))]);
        await Eventually.WaitAsync(async () => Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")), t => t.Contains("专项应急预案未备案：自然灾害救助"));
        (await StateAsync(bureau, qingshan, "plan")).Should().Be("NotMet");
        await PublishAsync(app, "plans", SpecialFiled(qingshan, specials[^1].Id));
        (await WaitForAsync(bureau, qingshan, "plan", "Met")).Should().Be("Met");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("综合预案及 7 项专项预案现行有效并已备案");

        await PublishAsync(app, "plans", new PlanNeedsRevision { PlanId = 41, Title = "青山镇突发事件综合应急预案", Kind = "Drill", Note = "演练发现问题 2 项", TownshipId = qingshan });
        (await WaitForAsync(bureau, qingshan, "plan", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("需修订（演练发现问题 2 项）");

        // The revised version issued and filed: met again; then its evaluation date passes.
        await PublishAsync(app, "plans", Issued(qingshan, 2), Filed(qingshan, 2));
        (await WaitForAsync(bureau, qingshan, "plan", "Met")).Should().Be("Met");
        await PublishAsync(app, "plans", new PlanEvaluationLapsed { PlanId = 41, Title = "青山镇突发事件综合应急预案", TownshipId = qingshan, DueOn = new DateOnly(2026, 11, 1) });
        (await WaitForAsync(bureau, qingshan, "plan", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("已过评估期（2026-11-01）");
    }

    [Fact]
    public async Task Training_and_drills_are_met_when_the_days_are_delivered_and_a_drill_is_held()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        await PublishAsync(app, "training", Days(qingshan, 4));
        (await WaitForAsync(bureau, qingshan, "drill", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("本年培训 4/10 天").And.Contain("近 24 个月无演练");

        await PublishAsync(app, "training", Days(qingshan, 10));
        await Eventually.WaitAsync(async () => Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")), t => !t.Contains("本年培训 4/10 天"));
        (await StateAsync(bureau, qingshan, "drill")).Should().Be("NotMet", "the days are delivered but no drill yet");

        await PublishAsync(app, "training", new DrillCompleted { DrillId = 9, PlanName = "青山镇防汛抢险演练", Date = new DateOnly(2026, 11, 18), Kind = DrillKind.FullScale, ProblemsFound = 0, TownshipIds = [qingshan] });
        (await WaitForAsync(bureau, qingshan, "drill", "Met")).Should().Be("Met");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("本年培训 10/10 天，最近演练 2026-11-18");
        // Only Training's check-date shortfall known for 石门乡: not met, with the days owed.
        var shimen = await TownshipIdAsync(app, "石门乡");
        await PublishAsync(app, "training", new TrainingShortfall { UnitKind = UnitKind.Township, UnitId = shimen, UnitName = "石门乡", Year = 2026, DaysOwed = 6 });
        (await WaitForAsync(bureau, shimen, "drill", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={shimen}")).Should().Contain("核查日尚欠培训 6 天");
    }

    [Fact]
    public async Task The_grid_table_is_met_while_every_village_has_an_active_grid_member_and_lapses_when_one_is_deactivated()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        (await StateAsync(bureau, qingshan, "ten.grid") ?? "NoData").Should().Be("NoData", "nothing from Grid and no 网格表 uploaded");
        List<(int Id, string Name)> villages;
        await using (var platform = app.OpenPlatform())
        {
            villages = (await platform.Villages.Where(v => v.CountyCode == TestApp.County && v.TownshipId == qingshan).OrderBy(v => v.Id).Select(v => new { v.Id, v.Name }).ToListAsync())
                .Select(v => (v.Id, v.Name)).ToList();
        }

        villages.Should().HaveCountGreaterThan(1);
        GridMemberAssigned Member(int i) => new() { MemberId = 900 + i, Name = "网格员" + Invariant(i), TownshipId = qingshan, VillageId = villages[i].Id, GridName = villages[i].Name + "第1网格" };
        await PublishAsync(app, "grid", Member(0));
        (await WaitForAsync(bureau, qingshan, "ten.grid", "NotMet")).Should().Be("NotMet");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("无在岗网格员：" + villages[1].Name);

        await PublishAsync(app, "grid", [.. villages.Skip(1).Select((_, i) => Member(i + 1))]);
        (await WaitForAsync(bureau, qingshan, "ten.grid", "Met")).Should().Be("Met");
        Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain($"覆盖全部 {villages.Count} 个村（社区）");

        var gone = Member(1);
        await PublishAsync(app, "grid", new GridMemberDeactivated { MemberId = gone.MemberId, Name = gone.Name, TownshipId = qingshan, VillageId = gone.VillageId, GridName = gone.GridName });
        (await WaitForAsync(bureau, qingshan, "ten.grid", "NotMet")).Should().Be("NotMet");
    }

    [Fact]
    public async Task The_board_shows_an_event_as_soon_as_it_is_scored_and_cuts_long_reasons_the_township_page_shows_whole()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var leader = await app.AsAsync(Leader);
        async Task<string?> BoardStateAsync(string item)
        {
            var row = System.Text.RegularExpressions.Regex.Match(await leader.GetStringAsync("/readiness"), $"<tr data-township=\"{qingshan}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
            var state = System.Text.RegularExpressions.Regex.Match(row.Groups[1].Value, $"data-item=\"{item}\" data-state=\"([A-Za-z]+)\"");
            return state.Success ? state.Groups[1].Value : null;
        }

        // The daily job scores every township: the board lists 青山镇 with no plan data, and keeps showing it.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("readiness:snapshot");
        (await Eventually.WaitAsync(() => BoardStateAsync("plan"), s => s is not null)).Should().Be("NoData");
        (await BoardStateAsync("plan")).Should().Be("NoData", "read again from the cached board");

        // Twelve plans flagged for revision: a reason far longer than a board cell.
        await PublishAsync(app, "plans", [.. Enumerable.Range(1, 12).Select(i => new PlanNeedsRevision
        {
            PlanId = 600 + i, Title = $"青山镇第{Invariant(i)}号专项应急预案", Kind = "Risk", Note = "辖区新增重大危险源，风险评估结论变化", TownshipId = qingshan,
        })]);
        (await Eventually.WaitAsync(() => BoardStateAsync("plan"), s => s == "NotMet")).Should().Be("NotMet");
        var board = Text(await leader.GetStringAsync("/readiness"));
        board.Should().Contain("综合应急预案未签发；缺专项应急预案：").And.Contain("…").And.NotContain("青山镇第12号专项应急预案");
        Text(await leader.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("青山镇第12号专项应急预案需修订（辖区新增重大危险源，风险评估结论变化）");
    }

    [Fact]
    public async Task A_department_other_than_the_bureau_sees_no_readiness_page()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var department = await app.AsAsync("slj");
        (await department.GetAsync("/readiness")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await department.GetAsync($"/readiness/Township?id={qingshan}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await department.GetAsync("/readiness?handler=Export")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await department.GetAsync("/readiness/Print")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rebuild_from_the_journal_gives_the_same_scores_and_the_same_event_twice_counts_once()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        var bureau = await app.AsAsync(Bureau);
        var twice = Strength(qingshan, 30, 20, true);
        await PublishAsync(app, "teams", Strength(shimen, 8, 0, false), twice);
        await PublishAsync(app, "plans", Issued(qingshan, 1), Filed(qingshan, 1));
        await PublishAsync(app, "training", Days(qingshan, 10), new DrillCompleted { DrillId = 9, PlanName = "防汛演练", Date = new DateOnly(2026, 11, 18), Kind = DrillKind.Tabletop, ProblemsFound = 1, TownshipIds = [qingshan, shimen] });
        await PublishAsync(app, "teams", new SupplyBelowMinimum { StockId = 7, SiteId = 3, SiteName = "石门乡仓库", KindName = "帐篷", Unit = "顶", Quantity = 1, Minimum = 10, BelowSince = new DateOnly(2026, 11, 20), TownshipId = shimen });
        await Eventually.WaitAsync(() => JournalCountAsync(app), n => n == 7);

        // The same event delivered again (published once more, with the same id) is journalled once.
        await PublishAsync(app, "plans", twice);
        await Task.Delay(1500);
        (await JournalCountAsync(app)).Should().Be(7);
        (await StateAsync(bureau, qingshan, "drill")).Should().Be("Met");
        (await StateAsync(bureau, shimen, "supply")).Should().Be("NotMet");

        // The daily job scores every township (also those no event touched), as a rebuild does.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("readiness:snapshot");
        await Eventually.WaitAsync(() => CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM MonthlySnapshots"), n => n == 4);
        var before = await ScoresAsync(app);
        before.Should().HaveCount(4 + 11, "four townships and their eleven villages");
        var response = await TestApp.PostFormAsync(await app.AsAsync(Admin), "/readiness?handler=Rebuild", new Dictionary<string, string>(), "/readiness");
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已从事件日志重建：重放 7 条事件");
        (await ScoresAsync(app)).Should().Equal(before);
    }

    [Fact]
    public async Task Events_arriving_during_a_rebuild_are_applied_once_after_it_and_nothing_is_parked()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        await PublishAsync(app, "teams", Strength(shimen, 8, 0, false), Strength(qingshan, 30, 20, true));
        await Eventually.WaitAsync(() => JournalCountAsync(app), n => n == 2);
        var admin = await app.AsAsync(Admin);

        // The county admin rebuilds while Training keeps publishing: whether an event lands before, during or after the
        // rebuild, it is journalled and applied exactly once.
        var rebuild = TestApp.PostFormAsync(admin, "/readiness?handler=Rebuild", new Dictionary<string, string>(), "/readiness");
        for (var day = 1; day <= 10; day++)
        {
            await PublishAsync(app, "training", Days(qingshan, day));
        }

        (await rebuild).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        await Eventually.WaitAsync(() => JournalCountAsync(app), n => n == 12);
        await Eventually.WaitAsync(() => CountAsync(app, "training", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE DispatchedAtUtc IS NULL"), n => n == 0);
        (await CountAsync(app, "training", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE ParkedAtUtc IS NOT NULL")).Should().Be(0);
        var live = await ScoresAsync(app);
        var again = await TestApp.PostFormAsync(admin, "/readiness?handler=Rebuild", new Dictionary<string, string>(), "/readiness");
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("重放 12 条事件");
        (await ScoresAsync(app)).Should().Equal(live);
    }

    private static async Task<List<string>> ScoresAsync(TestApp app)
    {
        await using var store = app.OpenStore("readiness");
        return await store.Database.SqlQueryRaw<string>("SELECT Key || '|' || Items || '|' || Met || '/' || WithData || '|' || TenMet || '/' || TenWithData AS Value FROM UnitScores ORDER BY Key").ToListAsync();
    }

    internal static TeamStrengthChanged Strength(int township, int active, int trained, bool meets) => new()
    {
        TeamId = township * 100, Kind = TeamKind.Township, TeamName = "青山镇综合应急救援队", TownshipId = township, ActiveMembers = active, TrainedMembers = trained, Minimum = 30, MeetsMinimum = meets,
    };

    internal static PlanIssued Issued(int township, int version) => new()
    {
        PlanId = 41, Title = "青山镇突发事件综合应急预案", Type = "TownshipGeneral", TownshipId = township, Version = version, IssuedOn = new DateOnly(2026, 3, 1), DocumentNumber = "青山镇发〔2026〕1号",
    };

    internal static PlanFiled Filed(int township, int version) => new()
    {
        PlanId = 41, Title = "青山镇突发事件综合应急预案", Version = version, TownshipId = township, Deemed = false, FiledOn = new DateOnly(2026, 3, 20),
    };

    internal static PlanIssued Special(int township, int id, string category) => new()
    {
        PlanId = id, Title = $"青山镇{category}专项应急预案", Type = TownshipPlans.SpecialType, Category = category, TownshipId = township, Version = 1, IssuedOn = new DateOnly(2026, 3, 1),
    };

    internal static PlanFiled SpecialFiled(int township, int id) => new()
    {
        PlanId = id, Title = "青山镇专项应急预案", Version = 1, TownshipId = township, Deemed = true, FiledOn = new DateOnly(2026, 3, 20),
    };

    internal static TrainingDaysDelivered Days(int township, double delivered) => new()
    {
        UnitKind = UnitKind.Township, UnitId = township, UnitName = "青山镇", TownshipId = township, Year = 2026, Target = 10, Delivered = delivered,
    };
}
