using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>换班 (asked by the person on duty, decided by the keeper, the roster changed only on approval) and the append-only duty log.</summary>
public sealed class DutySwapLogTests : DutyTest
{
    private static async Task<(HttpResponseMessage Response, string Text)> AskAsync(TestApp app, string user, int shift, int other, string reason)
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(user), $"/teams/Duty/Swap?shift={shift}",
            new Dictionary<string, string> { ["OtherShiftId"] = Invariant(other), ["Reason"] = reason }, tokenFrom: "/Account/ChangePassword");
        return (response, Text(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpResponseMessage Response, string Text)> DecideAsync(TestApp app, string user, int swap, string handler, string note = "")
    {
        var response = await TestApp.PostFormAsync(await app.AsAsync(user), $"/teams/Duty?handler={handler}&swap={swap}",
            new Dictionary<string, string> { ["Note"] = note }, tokenFrom: "/Account/ChangePassword");
        return (response, Text(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>青山镇's roster: 李网格 (hekou-grid) on the 24th, 韦干事 on the 25th; returns (roster, 24th's shift, 25th's shift).</summary>
    private static async Task<(int Roster, int Mine, int Other)> RosterAsync(TestApp app)
    {
        var roster = await TownshipIdAsync(app);
        Ok(await EnterAsync(app, Township, roster,
            new Day("2026-11-24", "韦镇长|13907710011|qingshan", "李网格|13907710021|hekou-grid"),
            new Day("2026-11-25", "蓝副镇长|13907710013|", "韦干事|13907710022|")), "已保存 2 天的值班安排");
        return (roster, await ShiftIdAsync(app, roster, "2026-11-24", "李网格"), await ShiftIdAsync(app, roster, "2026-11-25", "韦干事"));
    }

    [Fact]
    public async Task A_swap_asked_by_the_person_on_duty_changes_the_roster_only_when_the_township_approves_and_both_are_told()
    {
        await using var app = await StartAsync();
        var (roster, mine, other) = await RosterAsync(app);

        (await (await app.AsAsync(Bureau)).GetAsync($"/teams/Duty/Swap?shift={mine}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the person on duty asks");
        (await AskAsync(app, Village, mine, other, "")).Text.Should().Contain("请填写换班理由");
        (await AskAsync(app, Village, mine, await ShiftIdAsync(app, roster, "2026-11-25", "蓝副镇长"), "家中有事")).Text.Should().Contain("请选择同一值班表中今后其他人的同岗位班次");
        Ok(await AskAsync(app, Village, mine, other, "家中有事"), "已提交换班申请：李网格（2026-11-24）与 韦干事（2026-11-25），待审批");
        (await AskAsync(app, Village, mine, other, "再次申请")).Text.Should().Contain("该班次已有待审批的换班申请");
        var swap = await CountAsync(app, "teams", "SELECT MAX(Id) AS Value FROM DutySwaps");

        (await ShiftIdAsync(app, roster, "2026-11-24", "李网格")).Should().Be(mine, "nothing changes before approval");
        (await InboxAsync(app, Township, "换班申请")).Should().Contain("换班申请：李网格（2026-11-24）与韦干事（2026-11-25）");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().Contain("李网格（2026-11-24）申请与韦干事（2026-11-25）换班");

        (await DecideAsync(app, Village, swap, "Approve")).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the keeper decides");
        Ok(await DecideAsync(app, Township, swap, "Approve"), "已同意换班：李网格 与 韦干事");
        (await ShiftIdAsync(app, roster, "2026-11-24", "韦干事")).Should().Be(mine);
        (await ShiftIdAsync(app, roster, "2026-11-25", "李网格")).Should().Be(other);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM DutyShifts WHERE Id = {other} AND UserName = 'hekou-grid' AND Mobile = '13907710021'")).Should().Be(1);
        (await InboxAsync(app, Village, "换班已同意")).Should().Contain("换班已同意：李网格（2026-11-24）与韦干事（2026-11-25）");
        (await DecideAsync(app, Township, swap, "Refuse", "晚了")).Text.Should().Contain("该换班申请已同意，不能再审批");
    }

    [Fact]
    public async Task A_refused_swap_needs_a_reason_leaves_the_roster_as_it_was_and_is_told()
    {
        await using var app = await StartAsync();
        var (roster, mine, other) = await RosterAsync(app);
        Ok(await AskAsync(app, Village, mine, other, "家中有事"), "已提交换班申请");
        var swap = await CountAsync(app, "teams", "SELECT MAX(Id) AS Value FROM DutySwaps");

        (await DecideAsync(app, Township, swap, "Refuse")).Text.Should().Contain("请填写不同意的理由");
        (await CountAsync(app, "teams", $"SELECT Status AS Value FROM DutySwaps WHERE Id = {swap}")).Should().Be(0);
        Ok(await DecideAsync(app, Township, swap, "Refuse", "防汛关键期不调班"), "已不同意换班");
        (await CountAsync(app, "teams", $"SELECT Status AS Value FROM DutySwaps WHERE Id = {swap}")).Should().Be(2);
        (await ShiftIdAsync(app, roster, "2026-11-24", "李网格")).Should().Be(mine);
        (await ShiftIdAsync(app, roster, "2026-11-25", "韦干事")).Should().Be(other);
        (await InboxAsync(app, Village, "换班未同意")).Should().Contain("换班未同意：李网格（2026-11-24）与韦干事（2026-11-25）");
    }

    [Fact]
    public async Task The_duty_log_is_appended_with_who_and_when_never_for_a_future_day_and_prints_as_a_day_sheet()
    {
        await using var app = await StartAsync();
        Ok(await EnterAsync(app, Bureau, 0, new Day("2026-11-23", "王局长|13907710001|", "张值班|13907710002|")), "已保存 1 天的值班安排");
        async Task<string> AppendAsync(string user, string date, string kind, string text) => Text(await (await TestApp.PostFormAsync(await app.AsAsync(user),
            $"/teams/Duty/Log?roster=0&date={date}", new Dictionary<string, string> { ["Kind"] = kind, ["Text"] = text }, tokenFrom: "/Account/ChangePassword")).Content.ReadAsStringAsync());

        (await AppendAsync(Bureau, "2026-11-23", "Call", "09:12 青山镇报河口村水位上涨 0.5 米")).Should().Contain("已记入值班记录");
        (await AppendAsync(Bureau, "2026-11-23", "Handover", "水位持续关注，交下一班")).Should().Contain("已记入值班记录");
        (await AppendAsync(Bureau, "2026-11-23", "Event", "")).Should().Contain("请填写记录内容");
        (await AppendAsync(Bureau, "2026-11-24", "Event", "预先写好")).Should().Contain("不能为今后的日期填写值班记录");
        var leader = await TestApp.PostFormAsync(await app.AsAsync(Leader), "/teams/Duty/Log?roster=0&date=2026-11-23",
            new Dictionary<string, string> { ["Kind"] = "Event", ["Text"] = "领导补记" }, tokenFrom: "/Account/ChangePassword");
        leader.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM DutyLog")).Should().Be(2);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM DutyLog WHERE Id = 1 AND Text = '09:12 青山镇报河口村水位上涨 0.5 米' AND By = 'yjj'")).Should().Be(1, "an earlier entry is unchanged");

        var sheet = Text(await (await app.AsAsync(Leader)).GetStringAsync("/teams/Duty/Sheet?roster=0&date=2026-11-23"));
        sheet.Should().Contain("值班日志").And.Contain("带班领导 王局长 13907710001").And.Contain("值班员 张值班 13907710002")
            .And.Contain("2026-11-23 10:00 来电 09:12 青山镇报河口村水位上涨 0.5 米").And.Contain("交接班 水位持续关注，交下一班");
        var log = await (await app.AsAsync(Bureau)).GetStringAsync("/teams/Duty/Log?roster=0&date=2026-11-23");
        log.Should().NotContain("handler=Delete").And.NotContain("handler=Edit");
    }
}
