using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Notices.Data;
using Emergency.Host.Tests.Grid;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>站内通知 and their mails, driven by the Grid module's overdue sweep (a bulk kind: daily digest by default).</summary>
public sealed partial class NoticesTests : GridTest
{
    private const string Sweep = "grid:overdue-sweep";
    private const string Digest = "platform:notice-digest";
    private const string PublicBase = "https://yingji.example.gov.cn";

    private static Dictionary<string, string?> Settings(SmtpTestServer? smtp = null)
    {
        var settings = new Dictionary<string, string?> { ["Platform:PublicBaseUrl"] = PublicBase };
        if (smtp is not null)
        {
            settings["Mail:Smtp:Host"] = smtp.Host;
            settings["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            settings["Mail:Smtp:Security"] = "None";
        }

        return settings;
    }

    private static void Trigger(TestApp app, string job) => app.Services.GetRequiredService<IRecurringJobManager>().Trigger(job);

    /// <summary>A hazard of 河口村 assigned to the department with a deadline a day away; returns its id.</summary>
    private async Task<int> AssignedHazardAsync(TestApp app, int grid, string place, string department)
    {
        var id = await ReportedHazardAsync(app, grid, place);
        await AssignAsync(app, id, await DepartmentIdAsync(app, department), InChinaTime(TimeSpan.FromDays(1)));
        return id;
    }

    /// <summary>Copies of the hazard for the department, written straight into the store (as a bulk load would).</summary>
    private static async Task CopyHazardAsync(TestApp app, int hazard, int copies, int department, string departmentName)
    {
        await using var db = app.OpenStore("grid");
        var sql =
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + Invariant(copies) + ") " +
            "INSERT INTO Hazards (TownshipId, VillageId, GridId, GridName, Category, Level, Description, Place, State, DepartmentId, DepartmentName, DeadlineUtc, Overdue, Supervision, AwaitingReportIn, ReportedBy, ReporterName, ReportedAtUtc) " +
            "SELECT TownshipId, VillageId, GridId, GridName, Category, Level, Description, '" + departmentName + "批量' || i, 1, " + Invariant(department) + ", '" + departmentName + "', DeadlineUtc, 0, 0, 0, ReportedBy, ReporterName, ReportedAtUtc FROM Hazards, n WHERE Hazards.Id = " + Invariant(hazard);
        await db.Database.ExecuteSqlRawAsync(sql);
        await db.Database.ExecuteSqlRawAsync(RebuildTally);
    }

    private static async Task<int> UnreadInHeaderAsync(HttpClient client)
    {
        var match = UnreadBadge().Match(await client.GetStringAsync("/"));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [Fact]
    public async Task A_unit_notice_is_in_the_inbox_of_that_units_accounts_only_with_the_unread_count_in_the_header_until_marked_read()
    {
        await using var app = await StartAsync(Settings());
        var (grid, _) = await SetUpGridsAsync(app);
        var first = await AssignedHazardAsync(app, grid, "河口桥头滑坡", "气象局");
        await AssignedHazardAsync(app, grid, "河口小学围墙", "气象局");
        Clock.Advance(TimeSpan.FromDays(2));
        Trigger(app, Sweep);
        await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.hazard-overdue"), n => n == 2);

        var weather = await SignInAsync(app, Weather);
        var inbox = Text(await weather.GetStringAsync("/Notices"));
        inbox.Should().Contain("隐患整改逾期，请报到：河口村第一村民小组 河口桥头滑坡").And.Contain("河口小学围墙").And.Contain("发给本单位");
        (await UnreadInHeaderAsync(weather)).Should().Be(4, "two assignments and two overdue whistles");

        var bureau = await SignInAsync(app, Bureau);
        Text(await bureau.GetStringAsync("/Notices")).Should().NotContain("河口桥头滑坡", "the notice is for 气象局, not for 应急管理局");
        (await UnreadInHeaderAsync(bureau)).Should().Be(0);
        var township = await SignInAsync(app, Township);
        Text(await township.GetStringAsync("/Notices")).Should().Contain("暂无通知");

        // Another unit's account cannot mark it read; the unit's own can.
        Guid id;
        await using (var db = app.OpenNotices())
        {
            id = await db.Notices.Where(n => n.Kind == "grid.hazard-overdue" && n.Title.Contains("河口桥头滑坡")).Select(n => n.Id).SingleAsync();
        }

        var refused = await TestApp.PostFormAsync(bureau, $"/Notices?handler=Read&id={id}", new Dictionary<string, string>());
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        await TestApp.PostFormAsync(weather, $"/Notices?handler=Read&id={id}", new Dictionary<string, string>());
        (await UnreadInHeaderAsync(weather)).Should().Be(3);
        (await weather.GetStringAsync("/Notices")).Should().Contain("data-read=\"true\"").And.Contain("data-read=\"false\"");

        var all = await TestApp.PostFormAsync(weather, "/Notices?handler=ReadAll", new Dictionary<string, string>());
        Text(await all.Content.ReadAsStringAsync()).Should().Contain("已将全部通知标为已读");
        (await UnreadInHeaderAsync(weather)).Should().Be(0);
        (await weather.GetStringAsync("/Notices")).Should().NotContain("data-read=\"false\"");
        first.Should().BePositive();
    }

    [Fact]
    public async Task Another_countys_notice_is_never_shown_nor_marked_read()
    {
        await using var app = await StartAsync(Settings());
        var weather = await SignInAsync(app, Weather);
        var department = await DepartmentIdAsync(app, "气象局");
        var id = Guid.NewGuid();
        await using (var db = app.OpenNotices())
        {
            // The same recipient key in another county: a unit id is only unique within its county's tree.
            db.Notices.Add(new NoticeEntry
            {
                Id = id,
                County = "450998",
                Module = "grid",
                Kind = "grid.hazard-overdue",
                RecipientKey = NoticeRecipient.UnitKey(Emergency.BuildingBlocks.Tenancy.UnitKind.Department, department),
                Title = "邻县的逾期隐患",
                TextBody = "邻县",
                CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
                Delivery = NoticeDelivery.Digest,
                MailedAtUtc = Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        Text(await weather.GetStringAsync("/Notices")).Should().NotContain("邻县的逾期隐患").And.Contain("暂无通知");
        (await UnreadInHeaderAsync(weather)).Should().Be(0);
        var refused = await TestApp.PostFormAsync(weather, $"/Notices?handler=Read&id={id}", new Dictionary<string, string>());
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Many_overdue_hazards_make_one_digest_mail_per_department_listing_them_with_absolute_links_sent_once_across_restarts()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using (var app = await StartAsync(Settings(smtp)))
        {
            var (grid, _) = await SetUpGridsAsync(app);
            var sample = await AssignedHazardAsync(app, grid, "样本隐患", "气象局");
            (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single().Subject.Should().StartWith("新交办的隐患", "an assignment is mailed at once");
            await CopyHazardAsync(app, sample, 40, await DepartmentIdAsync(app, "气象局"), "气象局");
            await CopyHazardAsync(app, sample, 25, await DepartmentIdAsync(app, "应急管理局"), "应急管理局");
            Clock.Advance(TimeSpan.FromDays(2));
            Trigger(app, Sweep);
            (await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.hazard-overdue"), n => n == 66, TimeSpan.FromSeconds(60))).Should().Be(66);
            await Task.Delay(1000);
            smtp.Messages().Should().ContainSingle("overdue hazards wait for the daily digest");

            Trigger(app, Digest);
            var mails = (await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20))).Where(m => m.Subject?.Contains("每日通知汇总", StringComparison.Ordinal) == true).ToList();
            var weather = mails.Single(m => m.To.Mailboxes.Single().Address == "qxj@qingshan.example.cn");
            var bureau = mails.Single(m => m.To.Mailboxes.Single().Address == "yjj@qingshan.example.cn");
            weather.Subject.Should().Contain("每日通知汇总").And.Contain("共 41 条");
            bureau.Subject.Should().Contain("共 25 条");
            weather.TextBody.Should().Contain("样本隐患").And.Contain("气象局批量40").And.NotContain("应急管理局批量");
            Regex.Matches(weather.TextBody!, Regex.Escape(PublicBase + "/grid/Hazards/Details?id=")).Count.Should().Be(41, "each item links to its hazard, absolute");
            weather.TextBody.Should().Contain(PublicBase + "/Notices");
            (await app.NoticeCountAsync("grid.hazard-overdue", pendingOnly: true)).Should().Be(0);

            Trigger(app, Digest);
            Trigger(app, Sweep);
            await Task.Delay(3000);
            smtp.Messages().Should().HaveCount(3);
        }

        // The digest job runs at start too: nothing is pending, nothing is sent again.
        await using (var again = await StartAsync(Settings(smtp)))
        {
            Trigger(again, Digest);
            await Task.Delay(3000);
            smtp.Messages().Should().HaveCount(3, "a digest goes out once, across restarts too");
        }
    }

    [Fact]
    public async Task A_unit_switched_to_one_mail_per_notice_gets_single_mails_once_each_with_an_absolute_link()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Settings(smtp));
        var (grid, _) = await SetUpGridsAsync(app);
        await AssignedHazardAsync(app, grid, "单发测试一", "气象局");
        await AssignedHazardAsync(app, grid, "单发测试二", "气象局");
        (await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20))).Should().OnlyContain(m => (m.Subject ?? "").StartsWith("新交办的隐患", StringComparison.Ordinal));

        var weather = await app.AsAsync(Weather);
        var page = await weather.GetStringAsync("/Notices");
        page.Should().Contain("邮件接收方式").And.Contain("发给本单位的通知");
        var saved = await TestApp.PostFormAsync(weather, "/Notices?handler=Delivery", new Dictionary<string, string> { ["target"] = "unit", ["mode"] = "Each" });
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存邮件接收方式");
        await using (var db = app.OpenNotices())
        {
            (await db.Preferences.SingleAsync()).Delivery.Should().Be(NoticeDelivery.Each);
        }

        Clock.Advance(TimeSpan.FromDays(2));
        Trigger(app, Sweep);
        var mails = (await smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(20))).Where(m => m.Subject?.StartsWith("隐患整改逾期", StringComparison.Ordinal) == true).ToList();
        mails.Select(m => m.Subject).Should().BeEquivalentTo(
            ["隐患整改逾期，请报到：河口村第一村民小组 单发测试一", "隐患整改逾期，请报到：河口村第一村民小组 单发测试二"]);
        mails.Should().OnlyContain(m => m.To.Mailboxes.Single().Address == "qxj@qingshan.example.cn");
        mails[0].TextBody.Should().Contain("乡镇已吹哨").And.Contain(PublicBase + "/grid/Hazards/Details?id=");

        Trigger(app, Sweep);
        Trigger(app, Digest);
        await Task.Delay(3000);
        smtp.Messages().Should().HaveCount(4, "each notice is mailed once, and not again in a digest");
    }

    [Fact]
    public async Task A_user_cannot_set_the_delivery_of_a_unit_they_do_not_belong_to()
    {
        await using var app = await StartAsync(Settings());
        var leader = await app.AsAsync(Leader);
        (await leader.GetStringAsync("/Notices")).Should().NotContain("发给本单位的通知", "a county leader has no unit");
        var refused = await TestApp.PostFormAsync(leader, "/Notices?handler=Delivery", new Dictionary<string, string> { ["target"] = "unit", ["mode"] = "Each" });
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        await using var db = app.OpenNotices();
        (await db.Preferences.CountAsync()).Should().Be(0);
    }

    [Fact]
    public void Reminder_keys_are_built_one_way_with_invariant_times()
    {
        var deadline = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
        Emergency.BuildingBlocks.Reminders.ReminderKey.For("hazard", 42, "overdue", deadline).Value.Should().Be("hazard:42:overdue:202611250800");
        Emergency.BuildingBlocks.Reminders.ReminderKey.For("term", 7, new DateOnly(2027, 1, 31)).Value.Should().Be("term:7:20270131");
    }

    [GeneratedRegex("data-testid=\"unread-count\">(\\d+)<")]
    private static partial Regex UnreadBadge();
}
