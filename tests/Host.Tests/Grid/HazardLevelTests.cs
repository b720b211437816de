using System.Globalization;
using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>
/// 确认等级: the reporter's level is a suggestion; the township (or the county) confirms or changes it while the
/// hazard is reported, recorded old → new; assigning confirms it implicitly; a confirmed 重大隐患 alerts the county
/// emergency bureau at once (a notice mailed at once).
/// </summary>
public sealed class HazardLevelTests : GridTest
{
    private const string Major = "grid.major-hazard";

    private static Task<HttpResponseMessage> ConfirmAsync(TestApp app, string user, int hazard, string level) =>
        StepAsync(app, user, hazard, "ConfirmLevel", new Dictionary<string, string> { ["Input.Level"] = level });

    private static Task<int> HistoryAsync(TestApp app, int hazard, string note) =>
        CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {hazard} AND Action = '确认等级' AND Note = '{note}'");

    [Fact]
    public async Task The_township_confirms_the_reported_level_and_it_is_recorded_without_an_alert_for_a_general_hazard()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村排水沟");
        var before = Text(await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}"));
        before.Should().Contain("待乡镇确认");

        var response = await ConfirmAsync(app, Township, id, "General");
        var page = Text(await response.Content.ReadAsStringAsync());
        page.Should().Contain("已确认为一般隐患").And.Contain("qingshan 于").And.NotContain("待乡镇确认");
        (await HistoryAsync(app, id, "确认为一般隐患")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND LevelConfirmedBy = 'qingshan' AND LevelConfirmedAtUtc IS NOT NULL AND Level = 0")).Should().Be(1);
        (await StateAsync(app, id)).Should().Be("Reported");
        await Task.Delay(1000);
        (await app.NoticeCountAsync(Major)).Should().Be(0);
    }

    [Fact]
    public async Task A_level_raised_to_major_is_recorded_old_to_new_and_the_county_bureau_is_alerted_at_once_and_only_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村后山裂缝", category: "Geological");

        var response = await ConfirmAsync(app, Township, id, "Major");
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已确认为重大隐患").And.Contain("（上报为一般隐患）");
        (await HistoryAsync(app, id, "等级由一般隐患改为重大隐患")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND Level = 1 AND ReportedLevel = 0")).Should().Be(1);

        // The bureau is told at once: in its inbox and by mail (not held for a digest).
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Major), n => n == 1);
        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single();
        mail.To.Mailboxes.Single().Address.Should().Be("yjj@qingshan.example.cn");
        mail.Subject.Should().Be("重大隐患：青山镇 河口村第一村民小组 河口村后山裂缝");
        mail.TextBody.Should().Contain("青山镇已确认一处重大隐患").And.Contain("地质灾害").And.Contain($"/grid/Hazards/Details?id={id}");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/Notices")).Should().Contain("重大隐患：青山镇 河口村第一村民小组 河口村后山裂缝");

        // Changed back and confirmed major again: recorded each time, the bureau is not alerted twice.
        Text(await (await ConfirmAsync(app, Township, id, "General")).Content.ReadAsStringAsync()).Should().Contain("已确认为一般隐患");
        (await HistoryAsync(app, id, "等级由重大隐患改为一般隐患")).Should().Be(1);
        await ConfirmAsync(app, Bureau, id, "Major");
        (await HistoryAsync(app, id, "等级由一般隐患改为重大隐患")).Should().Be(2);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '确认等级' AND By = 'yjj'")).Should().Be(1, "the county manager may confirm too");
        await Task.Delay(2000);
        (await app.NoticeCountAsync(Major)).Should().Be(1);
        smtp.Messages().Should().HaveCount(1);
    }

    [Fact]
    public async Task A_level_is_not_chosen_or_the_hazard_was_assigned_then_confirmation_is_refused_and_assigning_confirmed_it()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村旧厂房");

        var missing = await StepAsync(app, Township, id, "ConfirmLevel");
        var html = await missing.Content.ReadAsStringAsync();
        html.Should().Contain("data-valmsg-for=\"Input.Level\"");
        Text(html).Should().Contain("请选择隐患等级");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '确认等级'")).Should().Be(0);

        Text(await (await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(7)))).Content.ReadAsStringAsync())
            .Should().Contain("已交办气象局");
        (await HistoryAsync(app, id, "交办时确认为一般隐患")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND LevelConfirmedBy = 'qingshan'")).Should().Be(1);
        (await (await app.AsAsync(Township)).GetStringAsync($"/grid/Hazards/Details?id={id}")).Should().NotContain("data-testid=\"level-form\"");

        var late = await ConfirmAsync(app, Township, id, "Major");
        Text(await late.Content.ReadAsStringAsync()).Should().Contain("当前状态为“已交办”，不能确认等级");
        (await CountAsync(app, $"SELECT Level AS Value FROM Hazards WHERE Id = {id}")).Should().Be(0);
        (await app.NoticeCountAsync(Major)).Should().Be(0);
    }

    [Fact]
    public async Task Assigning_an_unconfirmed_major_hazard_confirms_it_and_alerts_the_bureau()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村危岩", level: "Major", category: "Geological");
        await StepAsync(app, Township, id, "Plan", new Dictionary<string, string>
        {
            ["Input.Targets"] = "消除危岩威胁",
            ["Input.Measures"] = "清除危岩、设置拦石网",
            ["Input.Funds"] = "20",
            ["Input.ResponsiblePerson"] = "王镇长",
            ["Input.PlanDeadline"] = InChinaTime(TimeSpan.FromDays(60)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.SafetyMeasures"] = "专人监测",
        });
        Text(await (await AssignAsync(app, id, await DepartmentIdAsync(app, "自然资源局"), InChinaTime(TimeSpan.FromDays(30)))).Content.ReadAsStringAsync())
            .Should().Contain("已交办自然资源局");
        (await HistoryAsync(app, id, "交办时确认为重大隐患")).Should().Be(1);
        await Eventually.WaitAsync(() => app.NoticeCountAsync(Major), n => n == 1);
    }

    [Fact]
    public async Task Another_township_does_not_find_the_hazard_and_a_department_or_grid_member_may_not_confirm()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var ours = await ReportedHazardAsync(app, grid, "河口村鱼塘");
        int otherTownship;
        await using (var platform = app.OpenPlatform())
        {
            otherTownship = await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name != "青山镇").Select(t => t.Id).FirstAsync();
        }

        await using (var db = app.OpenStore("grid"))
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO Hazards (Id, TownshipId, VillageId, GridId, GridName, Category, Level, ReportedLevel, Rectifier, Description, Place, State, Overdue, Supervision, AwaitingReportIn, ReportedBy, ReporterName, ReportedAtUtc) VALUES (901, {otherTownship}, 9999, 9999, '别镇网格', 0, 0, 0, 0, '别镇的隐患', '别镇某地', 0, 0, 0, 0, 'someone', '某人', '2026-11-20 00:00:00')");
            await db.Database.ExecuteSqlRawAsync(RebuildTally);
        }

        (await ConfirmAsync(app, Township, 901, "Major")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CountAsync(app, "SELECT Level AS Value FROM Hazards WHERE Id = 901")).Should().Be(0);
        (await ConfirmAsync(app, GridMember, ours, "Major")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE Action = '确认等级'")).Should().Be(0);
    }
}
