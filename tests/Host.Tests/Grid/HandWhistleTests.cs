using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>
/// 乡镇吹哨 by hand, before the deadline, with a reason; a department that does not report in within the county's
/// working days (grid.report-in-working-days, default 2) is escalated to the county emergency bureau once per whistle.
/// The test clock starts on Monday 2026-11-23, 10:00 China time.
/// </summary>
public sealed class HandWhistleTests : GridTest
{
    private const string Escalation = "grid:report-in-escalation";
    private const string Whistled = "grid.hazard-whistled";
    private const string Escalated = "grid.report-in-escalated";

    private async Task<int> AssignedToWeatherAsync(TestApp app, string place)
    {
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, place);
        await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(30)));
        return id;
    }

    private static Task<HttpResponseMessage> WhistleAsync(TestApp app, int hazard, string? reason) =>
        StepAsync(app, Township, hazard, "Whistle", reason is null ? null : new Dictionary<string, string> { ["Input.WhistleReason"] = reason });

    private static async Task<HttpResponseMessage> WhistleAsync(HttpClient client, int hazard, string reason) =>
        await TestApp.PostFormAsync(client, $"/grid/Hazards/Details?id={hazard}&handler=Whistle", new Dictionary<string, string> { ["Input.WhistleReason"] = reason },
            tokenFrom: "/Account/ChangePassword");

    private static Task<int> EscalatedRowsAsync(TestApp app, int hazard) =>
        CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {hazard} AND EscalatedAtUtc IS NOT NULL");

    private static async Task RunEscalationAsync(TestApp app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(Escalation);
        await Task.Delay(2000);
    }

    [Fact]
    public async Task The_township_whistles_before_the_deadline_with_a_reason_and_the_department_must_report_in()
    {
        await using var app = await StartAsync();
        var id = await AssignedToWeatherAsync(app, "河口村气象站围栏");
        (await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().Contain("data-testid=\"whistle-form\"");

        var response = await WhistleAsync(app, id, "汛期临近，整改进展不明");
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已吹哨，通知气象局报到").And.Contain("待部门报到");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND AwaitingReportIn = 1 AND Overdue = 0 AND WhistledAtUtc IS NOT NULL")).Should().Be(1, "a whistle before the deadline does not make it overdue");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '乡镇吹哨' AND By = 'qingshan' AND Note = '通知气象局报到：汛期临近，整改进展不明'")).Should().Be(1);

        // 气象局 is told and finds it on its 报到 list and its 我的待办.
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Whistled), n => n == 1);
        var weather = await app.AsAsync(Weather);
        Text(await weather.GetStringAsync("/Notices")).Should().Contain("乡镇吹哨，请报到：河口村第一村民小组 河口村气象站围栏");
        (await weather.GetStringAsync("/grid/Whistle")).Should().Contain("data-testid=\"reportin-list\"").And.Contain("河口村气象站围栏");
        Text(await weather.GetStringAsync("/")).Should().Contain("报到").And.Contain("河口村气象站围栏");

        var reportedIn = await StepAsync(app, Weather, id, "ReportIn", new Dictionary<string, string> { ["Input.Note"] = "围栏材料已到场，周三完工" });
        Text(await reportedIn.Content.ReadAsStringAsync()).Should().Contain("已报到");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND AwaitingReportIn = 0")).Should().Be(1);
    }

    [Fact]
    public async Task A_whistle_needs_a_reason_an_assigned_department_and_is_not_blown_twice_while_awaiting_the_report_in()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var reported = await ReportedHazardAsync(app, grid, "河口村未交办");
        Text(await (await WhistleAsync(app, reported, "催办")).Content.ReadAsStringAsync()).Should().Contain("隐患尚未交办责任部门，不能吹哨");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {reported} AND AwaitingReportIn = 1")).Should().Be(0);

        var id = await ReportedHazardAsync(app, grid, "河口村电杆");
        await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(30)));
        var noReason = await WhistleAsync(app, id, null);
        var html = await noReason.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.WhistleReason\"");
        Text(html).Should().Contain("请填写吹哨理由");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND AwaitingReportIn = 1")).Should().Be(0);

        Text(await (await WhistleAsync(app, id, "进展缓慢")).Content.ReadAsStringAsync()).Should().Contain("已吹哨");
        (await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().NotContain("data-testid=\"whistle-form\"");
        Text(await (await WhistleAsync(app, id, "再次催办")).Content.ReadAsStringAsync()).Should().Contain("已吹哨，正在等待气象局报到，不能重复吹哨");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '乡镇吹哨'")).Should().Be(1);

        // Whistling is the township's: a department or the grid member may not.
        (await StepAsync(app, Weather, id, "Whistle", new Dictionary<string, string> { ["Input.WhistleReason"] = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await StepAsync(app, GridMember, id, "Whistle", new Dictionary<string, string> { ["Input.WhistleReason"] = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_department_that_does_not_report_in_within_two_working_days_is_escalated_once_to_the_county_bureau()
    {
        await using var app = await StartAsync();
        var id = await AssignedToWeatherAsync(app, "河口村避雷针");
        await WhistleAsync(app, id, "雷雨季节将至");

        // Whistled on Monday: Tuesday and Wednesday are the two working days.
        await RunEscalationAsync(app);
        (await EscalatedRowsAsync(app, id)).Should().Be(0);
        Clock.Advance(TimeSpan.FromDays(2));
        await RunEscalationAsync(app);
        (await EscalatedRowsAsync(app, id)).Should().Be(0, "Wednesday is still within the two working days");

        Clock.Advance(TimeSpan.FromDays(1));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(Escalation);
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Escalated), n => n == 1);
        (await EscalatedRowsAsync(app, id)).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '升级督办' AND Note = '气象局吹哨后 2 个工作日内未报到，已升级至县应急管理局'")).Should().Be(1);

        // A second run escalates nothing again.
        await RunEscalationAsync(app);
        (await app.NoticeCountAsync(Escalated)).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '升级督办'")).Should().Be(1);

        // The county bureau is told and has it on its 我的待办; the hazard and whistle pages say 已升级.
        using var bureau = await SignInAsync(app, Bureau);
        Text(await bureau.GetStringAsync("/Notices")).Should().Contain("部门未按时报到：气象局 河口村第一村民小组 河口村避雷针");
        Text(await bureau.GetStringAsync("/")).Should().Contain("升级督办").And.Contain("河口村避雷针");
        var whistlePage = await bureau.GetStringAsync("/grid/Whistle");
        whistlePage.Should().Contain("data-testid=\"escalated-list\"");
        Text(whistlePage).Should().Contain("河口村避雷针").And.Contain("已升级");
        (await bureau.GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().Contain("data-testid=\"escalated\"");
        using var weather = await SignInAsync(app, Weather);
        Text(await weather.GetStringAsync("/grid/Whistle")).Should().Contain("河口村避雷针").And.Contain("已升级");

        // The department reports in: off the 报到 list and the county's 我的待办.
        await TestApp.PostFormAsync(weather, $"/grid/Hazards/Details?id={id}&handler=ReportIn", new Dictionary<string, string> { ["Input.Note"] = "已安排检测" },
            tokenFrom: "/Account/ChangePassword");
        Text(await bureau.GetStringAsync("/")).Should().NotContain("升级督办");
    }

    [Fact]
    public async Task The_county_setting_changes_the_working_days_before_escalation()
    {
        await using var app = await StartAsync();
        var saved = await TestApp.PostFormAsync(await app.AsAsync(CountyAdmin), "/County/Settings", new Dictionary<string, string> { ["grid.report-in-working-days"] = "1" });
        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        var id = await AssignedToWeatherAsync(app, "河口村广播塔");
        await WhistleAsync(app, id, "请说明进展");

        // One working day (Tuesday): escalated on Wednesday.
        Clock.Advance(TimeSpan.FromDays(1));
        await RunEscalationAsync(app);
        (await EscalatedRowsAsync(app, id)).Should().Be(0);
        Clock.Advance(TimeSpan.FromDays(1));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(Escalation);
        await Eventually.WaitAsync(() => EscalatedRowsAsync(app, id), n => n == 1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '升级督办' AND Note LIKE '%1 个工作日内未报到%'")).Should().Be(1);

        // A new whistle after a 报到 is escalated again, once.
        using var weather = await SignInAsync(app, Weather);
        await TestApp.PostFormAsync(weather, $"/grid/Hazards/Details?id={id}&handler=ReportIn", new Dictionary<string, string> { ["Input.Note"] = "已安排" },
            tokenFrom: "/Account/ChangePassword");
        using var township = await SignInAsync(app, Township);
        Text(await (await WhistleAsync(township, id, "仍未完成")).Content.ReadAsStringAsync()).Should().Contain("已吹哨");
        (await EscalatedRowsAsync(app, id)).Should().Be(0);
        Clock.Advance(TimeSpan.FromDays(2));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(Escalation);
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Escalated), n => n == 2);
    }
}
