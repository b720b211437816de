using System.Globalization;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Grid;

public sealed class OverdueWhistleTests : GridTest
{
    private const string Sweep = "grid:overdue-sweep";
    private const string Reminders = "grid:deadline-reminders";
    private const string Digest = "platform:notice-digest";

    private static Dictionary<string, string?> Smtp(SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    [Fact]
    public async Task An_overdue_hazard_whistles_the_department_once_also_after_a_restart_and_waits_for_its_report_in()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        int id;
        await using (var app = await StartAsync(Smtp(smtp)))
        {
            await EnableForWaterAsync(app);
            var (grid, _) = await SetUpGridsAsync(app);
            id = await ReportedHazardAsync(app, grid, "河口水库溢洪道", category: "FloodDrought");
            await AssignAsync(app, id, await DepartmentIdAsync(app, "水利局"), InChinaTime(TimeSpan.FromDays(3)));
            // The assignment itself is mailed at once (not a bulk kind).
            (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single().Subject.Should().StartWith("新交办的隐患");

            var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
            jobs.Trigger(Sweep);
            await Task.Delay(1500);
            (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Hazards WHERE Id = {id} AND Overdue = 1")).Should().Be(0, "the deadline has not passed");

            // Two days ahead: the deadline reminder is noticed once, and mailed in the department's daily digest.
            Clock.Advance(TimeSpan.FromDays(2));
            jobs.Trigger(Reminders);
            await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.hazard-deadline"), n => n == 1);
            jobs.Trigger(Digest);
            var reminder = (await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20))).Where(m => m.Subject?.StartsWith("新交办", StringComparison.Ordinal) != true).ToList();
            reminder[0].Subject.Should().StartWith("每日通知汇总");
            reminder[0].TextBody.Should().Contain("隐患整改期限提醒");
            jobs.Trigger(Reminders);

            Clock.Advance(TimeSpan.FromDays(1.5));
            jobs.Trigger(Sweep);
            await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.hazard-overdue"), n => n == 1);
            jobs.Trigger(Digest);
            var mails = await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20));
            var whistle = mails.Single(m => m.TextBody?.Contains("隐患整改逾期，请报到", StringComparison.Ordinal) == true);
            whistle.To.Mailboxes.Single().Address.Should().Be("slj@qingshan.example.cn");
            whistle.TextBody.Should().Contain("隐患整改逾期，请报到").And.Contain("河口水库溢洪道");

            jobs.Trigger(Sweep);
            jobs.Trigger(Sweep);
            jobs.Trigger(Digest);
            await Task.Delay(3000);
            smtp.Messages().Should().HaveCount(3, "the assignment, one reminder and one whistle: each once");
            (await app.NoticeCountAsync("grid.hazard-overdue")).Should().Be(1);
            (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%HazardOverdue%'")).Should().Be(1);

            var water = await app.AsAsync(Water);
            Text(await water.GetStringAsync("/grid/Whistle")).Should().Contain("河口水库溢洪道");
            Text(await (await app.AsAsync(Bureau)).GetStringAsync("/grid/Whistle")).Should().Contain("青山镇 1").And.Contain("水利局 1 1");
        }

        // A restart runs the jobs on start: nothing is sent again.
        await using (var again = await StartAsync(Smtp(smtp)))
        {
            again.Services.GetRequiredService<IRecurringJobManager>().Trigger(Sweep);
            again.Services.GetRequiredService<IRecurringJobManager>().Trigger(Digest);
            await Task.Delay(3000);
            smtp.Messages().Should().HaveCount(3, "a restart neither loses nor repeats the whistle");

            var reportedIn = await StepAsync(again, Water, id, "ReportIn", new Dictionary<string, string> { ["Input.Note"] = "已安排施工队进场，预计 5 日内完成" });
            Text(await reportedIn.Content.ReadAsStringAsync()).Should().Contain("已报到");
            Text(await (await again.AsAsync(Water)).GetStringAsync("/grid/Whistle")).Should().Contain("没有待报到的隐患");
            (await CountAsync(again, $"SELECT COUNT(*) AS Value FROM HazardHistory WHERE HazardId = {id} AND Action = '部门报到' AND By = 'slj'")).Should().Be(1);
        }
    }

    [Fact]
    public async Task The_county_manager_runs_the_sweep_from_the_page_and_many_overdue_hazards_are_written_in_batches()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Jobs:RunOnStart"] = "false" });
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "批量逾期的样本");
        var weather = await DepartmentIdAsync(app, "气象局");
        await AssignAsync(app, id, weather, InChinaTime(TimeSpan.FromDays(1)));

        // 1,200 more assigned hazards with the same deadline, written straight into the store.
        await using (var db = app.OpenStore("grid"))
        {
            var sql =
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) " +
                "INSERT INTO Hazards (TownshipId, VillageId, GridId, GridName, Category, Level, Description, Place, State, DepartmentId, DepartmentName, DeadlineUtc, Overdue, Supervision, AwaitingReportIn, ReportedBy, ReporterName, ReportedAtUtc) " +
                "SELECT TownshipId, VillageId, GridId, GridName, Category, Level, Description, '批量' || i, 1, DepartmentId, DepartmentName, DeadlineUtc, 0, 0, 0, ReportedBy, ReporterName, ReportedAtUtc FROM Hazards, n WHERE Hazards.Id = " + id.ToString(CultureInfo.InvariantCulture);
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, sql);
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, RebuildTally);
        }

        Clock.Advance(TimeSpan.FromDays(2));
        (await (await app.AsAsync(Township)).GetStringAsync("/grid/Whistle")).Should().NotContain("sweep-form", "only the county manager runs the sweep");
        var admin = await app.AsAsync(CountyAdmin);
        var ran = await TestApp.PostFormAsync(admin, "/grid/Whistle?handler=Sweep", new Dictionary<string, string>(), tokenFrom: "/grid/Whistle");
        Text(await ran.Content.ReadAsStringAsync()).Should().Contain("逾期检查完成：新标记逾期隐患 1201 条");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Hazards WHERE Overdue = 1 AND AwaitingReportIn = 1")).Should().Be(1201);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%HazardOverdue%'")).Should().Be(1201);

        var again = await TestApp.PostFormAsync(admin, "/grid/Whistle?handler=Sweep", new Dictionary<string, string>(), tokenFrom: "/grid/Whistle");
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("新标记逾期隐患 0 条");
        Text(await (await app.AsAsync(Weather)).GetStringAsync("/grid/Ledger?Overdue=true")).Should().Contain("共 1201 条");
    }
}
