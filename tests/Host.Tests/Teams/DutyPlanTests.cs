using System.Globalization;
using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>周值班计划 (filed by the village, seen by its township and the county, due by a weekday) and the day-before duty notice.</summary>
public sealed class DutyPlanTests : DutyTest
{
    private static void Trigger(TestApp app) => app.Services.GetRequiredService<IRecurringJobManager>().Trigger("teams:duty");

    private static Dictionary<string, string?> Smtp(SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    [Fact]
    public async Task A_village_files_its_weekly_plan_its_township_and_the_county_see_it_and_one_event_is_published()
    {
        await using var app = await StartAsync();
        await AccountAsync(app, Shimen, "石门乡");
        var village = await VillageIdAsync(app);

        (await FileAsync(app, Village, village, "2026-11-30", firstName: "")).Text.Should().Contain("2026-11-30 请填写值班人员");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM DutyPlans")).Should().Be(0);
        (await FileAsync(app, Village, village, "2026-11-16")).Text.Should().Contain("请选择本周或以后的一周");
        (await FileAsync(app, Township, village, "2026-11-30")).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the village files its own plan");
        (await FileAsync(app, Leader, village, "2026-11-30")).Response.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        Ok(await FileAsync(app, Village, village, "2026-11-30"), "已向乡镇报送 2026-11-30 起一周的值班计划");
        Ok(await FileAsync(app, Village, village, "2026-11-30", firstName: "韦网格"), "已向乡镇报送");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM DutyPlanDays")).Should().Be(7, "filing again replaces the days");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%DutyPlanFiled%'")).Should().Be(1, "one filing per village and week");

        var plans = Text(await (await app.AsAsync(Township)).GetStringAsync("/teams/Duty/Plans?Week=2026-11-30"));
        plans.Should().Contain("报送截止 2026-11-27：已报送 1 个，未报送 3 个").And.Contain("河口村 已报送");
        Text(await (await app.AsAsync(Township)).GetStringAsync($"/teams/Duty/Plan?village={village}&week=2026-11-30")).Should().Contain("韦网格").And.Contain("13907710000");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/teams/Duty/Plan?village={village}&week=2026-11-30")).Should().Contain("韦网格");
        (await (await app.AsAsync(Shimen)).GetAsync($"/teams/Duty/Plan?village={village}&week=2026-11-30")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.AsAsync(Bureau)).GetAsync("/teams/Duty/Plan?village=99999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Villages_without_next_weeks_plan_are_on_the_townships_to_do_from_the_due_day_and_told_once_after_it()
    {
        await using var app = await StartAsync();
        var village = await VillageIdAsync(app);
        Ok(await FileAsync(app, Village, village, "2026-11-30"), "已向乡镇报送");
        Text(await (await app.SignInAsync(Township)).GetStringAsync("/")).Should().NotContain("未报送 2026-11-30 起一周的值班计划", "not due before Friday");

        Clock.Advance(TimeSpan.FromDays(4)); // Friday 2026-11-27, the due day
        var home = Text(await (await app.SignInAsync(Township)).GetStringAsync("/"));
        home.Should().Contain("柳林村未报送 2026-11-30 起一周的值班计划").And.Contain("松岭村未报送").And.NotContain("河口村未报送");
        Trigger(app);
        await Task.Delay(2000);
        (await app.NoticeCountAsync("teams.duty-plan-missing")).Should().Be(0, "the due day is not over");

        Clock.Advance(TimeSpan.FromDays(1)); // Saturday
        Trigger(app);
        var notices = await Eventually.WaitAsync(() => app.NoticeCountAsync("teams.duty-plan-missing"), n => n > 0);
        Trigger(app);
        await Task.Delay(2500);
        (await app.NoticeCountAsync("teams.duty-plan-missing")).Should().Be(notices, "once per village and week");
        var township = await app.SignInAsync(Township);
        (await Eventually.WaitAsync(async () => Text(await township.GetStringAsync("/Notices")), t => t.Contains("松岭村未报送", StringComparison.Ordinal))).Should().Contain("柳林村未报送 2026-11-30 起一周的值班计划").And.NotContain("河口村未报送");
    }

    [Fact]
    public async Task The_person_on_duty_is_told_the_day_before_once_also_across_a_restart()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        int staff;
        await using (var app = await StartAsync(Smtp(smtp)))
        {
            Ok(await EnterAsync(app, Bureau, 0, new Day("2026-11-24", "王局长|13907710001|yjj", "张值班|13907710002|"), new Day("2026-11-26", "王局长|13907710001|yjj", "张值班|13907710002|")), "已保存 2 天的值班安排");
            Trigger(app);
            static bool Leader(MimeKit.MimeMessage m) => m.Subject?.StartsWith("值班提醒：2026-11-24 带班领导 王局长", StringComparison.Ordinal) == true;
            var mail = (await smtp.WaitForMessageAsync(Leader, TimeSpan.FromSeconds(30))).Single(Leader);
            mail.To.Mailboxes.Single().Address.Should().Be("yjj@qingshan.example.cn");
            mail.TextBody.Should().Contain("王局长：您 2026-11-24 在县应急管理局（县级值班）担任带班领导");
            await smtp.WaitForMessageAsync(m => m.Subject?.StartsWith("值班提醒：2026-11-24 值班员 张值班", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
            Trigger(app);
            await Task.Delay(2500);
            staff = smtp.Messages().Count(m => m.Subject?.StartsWith("值班提醒：2026-11-24 值班员", StringComparison.Ordinal) == true);
        }

        await using (var again = await StartAsync(Smtp(smtp)))
        {
            again.Services.GetRequiredService<IRecurringJobManager>().Trigger("teams:duty");
            await Task.Delay(3000);
            smtp.Messages().Count(m => m.Subject?.StartsWith("值班提醒：2026-11-24 带班领导", StringComparison.Ordinal) == true).Should().Be(1, "a restart does not tell again");
            smtp.Messages().Count(m => m.Subject?.StartsWith("值班提醒：2026-11-24 值班员", StringComparison.Ordinal) == true).Should().Be(staff, "the keeper (no account on the shift) is not told again either");
            smtp.Messages().Should().NotContain(m => m.Subject!.Contains("2026-11-26"), "two days ahead is not yet told");
            (await again.NoticeCountAsync("teams.duty-tomorrow")).Should().Be(2);
        }
    }
}
