using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Training;

public sealed partial class OwedTests : TrainingTest
{
    /// <summary>The text of one unit's row on the days-owed page: name, kind, target, planned, delivered, owed, flags.</summary>
    private static string Row(string html, string unitKey)
    {
        var match = Regex.Match(html, $"<tr data-unit=\"{unitKey}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        return match.Success ? Text(match.Groups[1].Value).Trim() : "";
    }

    private static Task CloseAsync(HttpClient client, int session) =>
        TestApp.PostFormAsync(client, $"/training/Sessions/Details?id={session}&handler=Close", new Dictionary<string, string>());

    [Fact]
    public async Task Days_planned_delivered_and_owed_are_computed_per_unit_across_sessions_and_follow_the_settings()
    {
        await using var app = await StartAsync();
        var (qingshan, shimen, hekou, liulin) = (await TownshipIdAsync(app, "青山镇"), await TownshipIdAsync(app, "石门乡"), await VillageIdAsync(app, "河口村"), await VillageIdAsync(app, "柳林村"));
        var bureau = await app.AsAsync(Bureau);
        var first = await ScheduleAsync(app, bureau, "防汛业务培训", TimeSpan.FromDays(2), [qingshan, shimen], hours: 8);
        await ScheduleAsync(app, bureau, "应急指挥能力培训", TimeSpan.FromDays(5), [qingshan], days: 2);
        var cancelled = await ScheduleAsync(app, bureau, "取消的培训", TimeSpan.FromDays(6), [qingshan], days: 3);
        await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={cancelled}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "延期" });
        await ScheduleAsync(app, await app.AsAsync(Township), "网格员培训", TimeSpan.FromDays(3), [hekou], hours: 4);

        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);
        await CloseAsync(bureau, first);

        var county = await bureau.GetStringAsync("/training/Owed?year=2026");
        Row(county, $"township-{qingshan}").Should().Be("青山镇 乡镇（街道） 10 3 1 9 未达标 计划不足", "1 + 2 days planned (the cancelled one counts nothing), 1 delivered");
        Row(county, $"township-{shimen}").Should().Be("石门乡 乡镇（街道） 10 1 1 9 未达标 计划不足");
        Row(county, $"village-{hekou}").Should().Be("河口村 村（社区） 5 0.5 0 5 未达标 计划不足");
        Row(county, $"village-{liulin}").Should().Be("柳林村 村（社区） 5 0 0 5 未达标 计划不足");
        Row(await bureau.GetStringAsync("/training/Owed?year=2027"), $"township-{qingshan}").Should().Be("青山镇 乡镇（街道） 10 0 0 10 未达标 计划不足", "another year counts its own sessions");

        var township = await SignInAsync(app, Township);
        var own = await township.GetStringAsync("/training/Owed?year=2026");
        Row(own, $"township-{qingshan}").Should().NotBeEmpty();
        Row(own, $"village-{hekou}").Should().NotBeEmpty();
        Row(own, $"township-{shimen}").Should().BeEmpty("a township sees itself and its villages");
        var village = await (await SignInAsync(app, GridMember)).GetStringAsync("/training/Owed?year=2026");
        Row(village, $"village-{hekou}").Should().NotBeEmpty();
        Row(village, $"township-{qingshan}").Should().BeEmpty();
        Row(village, $"village-{liulin}").Should().BeEmpty();

        var admin = await SignInAsync(app, "county-admin");
        var saved = await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["training.township-days"] = "12", ["training.village-days"] = "1" });
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存 2 项设置");
        var after = await bureau.GetStringAsync("/training/Owed?year=2026");
        Row(after, $"township-{qingshan}").Should().Be("青山镇 乡镇（街道） 12 3 1 11 未达标 计划不足");
        Row(after, $"village-{hekou}").Should().Be("河口村 村（社区） 1 0.5 0 1 未达标 计划不足");
    }

    [Fact]
    public async Task On_the_check_date_short_units_go_on_their_trainers_to_do_list_and_are_noticed_and_published_once()
    {
        await using var app = await StartAsync();
        var (qingshan, hekou) = (await TownshipIdAsync(app, "青山镇"), await VillageIdAsync(app, "河口村"));
        var full = await ScheduleAsync(app, await app.AsAsync(Bureau), "全年集中培训", TimeSpan.FromDays(1), [qingshan], days: 10);
        var village = await ScheduleAsync(app, await app.AsAsync(Township), "村级集中培训", TimeSpan.FromDays(1), [hekou], days: 5);
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await CloseAsync(await SignInAsync(app, Bureau), full);
        await CloseAsync(await SignInAsync(app, Township), village);

        Trigger(app, "shortfall-check");
        await Task.Delay(1500);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Shortfalls")).Should().Be(0, "the default check date (11-01) is more than a week past");

        var today = Emergency.BuildingBlocks.Clock.ChinaTime.FromUtc(Clock.GetUtcNow().UtcDateTime).ToString("MM-dd", CultureInfo.InvariantCulture);
        var admin = await SignInAsync(app, "county-admin");
        Text(await (await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["training.shortfall-check-date"] = today })).Content.ReadAsStringAsync())
            .Should().Contain("已保存 1 项设置");
        Trigger(app, "shortfall-check");

        // 3 other townships and the 10 villages but 河口村 (4 + 3 + 3 + 1 in the demo county).
        (await Eventually.WaitAsync(() => app.NoticeCountAsync("training.shortfall"), n => n >= 13)).Should().Be(13);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Shortfalls WHERE (UnitKind = 1 AND UnitId = {qingshan}) OR (UnitKind = 2 AND UnitId = {hekou})")).Should().Be(0);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Shortfalls WHERE Year = 2026")).Should().Be(13);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%TrainingShortfall%'")).Should().Be(13);

        Trigger(app, "shortfall-check");
        await Task.Delay(2500);
        (await app.NoticeCountAsync("training.shortfall")).Should().Be(13, "once per unit and year");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%TrainingShortfall%'")).Should().Be(13);

        var county = Text(await (await SignInAsync(app, Bureau)).GetStringAsync("/"));
        county.Should().Contain("石门乡：2026 年培训还差 10 天").And.NotContain("青山镇：2026 年培训还差").And.NotContain("柳林村：2026");
        var township = Text(await (await SignInAsync(app, Township)).GetStringAsync("/"));
        township.Should().Contain("柳林村：2026 年培训还差 5 天").And.NotContain("河口村：2026").And.NotContain("东门社区：2026").And.NotContain("石门乡：2026");
    }
}
