using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class FilingTests : ExpertsTest
{
    private const string Job = "experts:filing-deadline";

    private static void Trigger(TestApp app) => app.Services.GetRequiredService<IRecurringJobManager>().Trigger(Job);

    private static async Task<string> FileAsync(HttpClient client)
    {
        var response = await TestApp.PostFormAsync(client, "/experts/Filing?handler=File", new Dictionary<string, string>(), tokenFrom: "/experts/Filing");
        return Text(await response.Content.ReadAsStringAsync());
    }

    private static async Task SetDeadlineAsync(TestApp app, string monthDay)
    {
        var saved = await TestApp.PostFormAsync(await app.AsAsync("county-admin"), "/County/Settings", new Dictionary<string, string> { ["experts.filing-deadline"] = monthDay });
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存 1 项设置");
    }

    /// <summary>Two experts in 气象局's team and one in the emergency bureau's.</summary>
    private static async Task<int> TeamsAsync(TestApp app)
    {
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var bureauId = await DepartmentIdAsync(app, "应急管理局");
        var first = await SeedExpertAsync(app, "岳山", "气象灾害", 1, weatherId, null, null, departmentName: "气象局");
        await SeedExpertAsync(app, "花溪", "气象灾害", 1, weatherId, null, null, departmentName: "气象局");
        await SeedExpertAsync(app, "常青", "危险化学品", 1, bureauId, null, null, departmentName: "应急管理局");
        return first;
    }

    [Fact]
    public async Task A_department_files_its_team_with_the_changes_since_its_last_filing_and_the_county_sees_who_filed_what()
    {
        await using var app = await StartAsync();
        var expert = await TeamsAsync(app);
        var weather = await app.AsAsync(Weather);
        Text(await weather.GetStringAsync("/")).Should().Contain("2026 年度本部门专家队伍（2 名）尚未报备，截止 2026-01-20");
        Text(await weather.GetStringAsync("/experts/Filing")).Should().Contain("现有专家 2 名").And.Contain("2026 年度尚未报备");

        (await FileAsync(weather)).Should().Contain("已报备 2026 年度本部门专家队伍：2 名专家，自上次报备以来变更 2 项");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM TeamFilings WHERE Year = 2026 AND DepartmentName = '气象局' AND ExpertCount = 2 AND FiledBy = 'qxj'")).Should().Be(1);
        Text(await weather.GetStringAsync("/")).Should().NotContain("尚未报备");

        var county = Text(await (await app.AsAsync("leader")).GetStringAsync("/experts/Filing"));
        county.Should().Contain("2026 年度各部门备案情况");
        county.Should().Contain("应急管理局 1 逾期未报备", "the bureau's own team has not filed and the deadline passed");
        county.Should().MatchRegex(@"气象局 2 已报备 2026-11-23 10:00 2 2 (岳山|花溪)（QS-ZJ-\d+）、(岳山|花溪)（QS-ZJ-\d+）");

        // A change to the team after the filing: the bureau edits an expert, the department files again.
        Clock.Advance(TimeSpan.FromMinutes(5));
        var field = await FieldIdAsync(app, "气象灾害");
        await RecommendationSteps.PostPairsAsync(await app.AsAsync(Bureau), $"/experts/Profile/Edit?id={expert}",
        [
            new("Input.Mobile", "13977776666"), new("Input.Email", ""), new("Input.Employer", "岳山的单位"), new("Input.EmployerEmail", ""),
            new("Input.Title", "高级工程师"), new("Input.FieldIds", field.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Text(await weather.GetStringAsync("/experts/Filing")).Should().Contain("自上次报备以来变更 1 项");
        (await FileAsync(weather)).Should().Contain("2 名专家，自上次报备以来变更 1 项");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM TeamFilings")).Should().Be(2);

        (await (await app.AsAsync("qingshan")).GetAsync("/experts/Filing")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var leaderPost = await TestApp.PostFormAsync(await app.AsAsync("leader"), "/experts/Filing?handler=File", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword");
        leaderPost.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unfiled_departments_are_reminded_once_before_the_deadline_and_told_once_the_day_after_that_they_are_overdue()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        await TeamsAsync(app);
        (await FileAsync(await app.AsAsync(Bureau))).Should().Contain("已报备 2026 年度");
        await SetDeadlineAsync(app, "12-01");

        Trigger(app);
        Trigger(app);
        var first = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        await Task.Delay(2000);
        smtp.Messages().Should().ContainSingle("one department unfiled, reminded once");
        first[0].To.Mailboxes.Single().Address.Should().Be("qxj@qingshan.example.cn");
        first[0].Subject.Should().Be("专家队伍备案提醒：2026 年度");
        first[0].TextBody.Should().Contain("气象局").And.Contain("2026-12-01").And.Contain("2 名专家");

        Clock.Advance(TimeSpan.FromDays(8));
        Trigger(app);
        await Task.Delay(2000);
        smtp.Messages().Should().HaveCount(1, "the deadline day itself is not overdue");

        Clock.Advance(TimeSpan.FromDays(1));
        Trigger(app);
        Trigger(app);
        var all = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        await Task.Delay(2000);
        smtp.Messages().Should().HaveCount(2, "the overdue notice goes out once");
        all[1].To.Mailboxes.Single().Address.Should().Be("qxj@qingshan.example.cn");
        all[1].Subject.Should().Be("专家队伍备案逾期：2026 年度");
        all[1].TextBody.Should().Contain("已于 2026-12-01 截止");
    }

    [Fact]
    public async Task The_county_setting_moves_the_deadline_and_an_impossible_date_is_refused()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        await TeamsAsync(app);
        var leader = await app.AsAsync("leader");
        var page = Text(await leader.GetStringAsync("/experts/Filing"));
        page.Should().Contain("2026 年度部门专家队伍备案截止日期：2026-01-20").And.Contain("已过截止日期");

        // With the default (20 January) the deadline is long past: no mail months later, the page and the to-do say it.
        Trigger(app);
        await Task.Delay(3000);
        smtp.Messages().Should().BeEmpty();
        Text(await (await app.AsAsync(Weather)).GetStringAsync("/")).Should().Contain("截止 2026-01-20");

        // Moved to 20 November: three days past, the overdue notice goes to every unfiled department.
        await SetDeadlineAsync(app, "11-20");
        Trigger(app);
        var overdue = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        overdue.Select(m => m.Subject).Should().OnlyContain(s => s == "专家队伍备案逾期：2026 年度");
        overdue.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["qxj@qingshan.example.cn", "yjj@qingshan.example.cn"]);

        var refused = await TestApp.PostFormAsync(await app.AsAsync("county-admin"), "/County/Settings", new Dictionary<string, string> { ["experts.filing-deadline"] = "02-30" });
        Text(await refused.Content.ReadAsStringAsync()).Should().Contain("取值无效");
        await SetDeadlineAsync(app, "12-10");
        page = Text(await leader.GetStringAsync("/experts/Filing"));
        page.Should().Contain("截止日期：2026-12-10").And.NotContain("已过截止日期");
        Text(await (await app.AsAsync(Weather)).GetStringAsync("/")).Should().Contain("截止 2026-12-10");
    }
}
