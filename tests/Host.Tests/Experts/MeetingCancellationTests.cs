using System.Globalization;
using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class MeetingCancellationTests : ExpertsTest
{
    private async Task<int> MeetingAsync(TestApp app, string topic, TimeSpan startsIn, IReadOnlyList<int> experts)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Assessment",
            ["Input.Topic"] = topic,
            ["Input.StartsAt"] = ChinaLocal(InChinaTime(startsIn)),
            ["Input.Place"] = "县应急指挥中心三楼会议室",
            ["Input.Classified"] = "false",
        };
        for (var i = 0; i < experts.Count; i++)
        {
            fields[$"Input.ExpertIds[{i}]"] = experts[i].ToString(CultureInfo.InvariantCulture);
        }

        var response = await TestApp.PostFormAsync(await app.AsAsync(Bureau), "/experts/Meetings/Create", fields);
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已组织研判会");
        return await CountAsync(app, "experts", $"SELECT MAX(Id) AS Value FROM Meetings WHERE Topic = '{topic}'");
    }

    /// <summary>Posts the cancel form (the token from a page every user has: the meeting may no longer show a form).</summary>
    private static Task<HttpResponseMessage> CancelAsync(HttpClient client, int meeting, string reason) =>
        TestApp.PostFormAsync(client, $"/experts/Meetings/Details?id={meeting}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = reason }, "/Account/ChangePassword");

    private static Task<int> StatusAsync(TestApp app, int meeting) => CountAsync(app, "experts", $"SELECT Status AS Value FROM Meetings WHERE Id = {meeting}");

    [Fact]
    public async Task The_organiser_cancels_a_planned_meeting_with_a_reason_and_each_invited_expert_with_an_email_is_told_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var told = await SeedExpertAsync(app, "白桦", "地震灾害", 0, null, "baihua@expert.example.cn", null);
        var alsoTold = await SeedExpertAsync(app, "金松", "地质灾害", 0, null, "jinsong@expert.example.cn", null);
        var noEmail = await SeedExpertAsync(app, "石岩", "地质灾害", 0, null, null, null);
        var meeting = await MeetingAsync(app, "震后次生灾害研判", TimeSpan.FromDays(10), [told, alsoTold, noEmail]);
        await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        var bureau = await app.AsAsync(Bureau);

        var page = Text(await (await CancelAsync(bureau, meeting, "上级部门已统一组织会商，本次取消")).Content.ReadAsStringAsync());
        page.Should().Contain("已取消会商，已通知受邀专家 2 名").And.Contain("会商已取消").And.Contain("上级部门已统一组织会商，本次取消");
        (await StatusAsync(app, meeting)).Should().Be(2);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Meetings WHERE Id = {meeting} AND CancelledAtUtc IS NOT NULL AND CancelledBy = '{Bureau}'")).Should().Be(1);
        Text(await bureau.GetStringAsync("/experts/Meetings")).Should().Contain("已取消");

        var mails = await smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(20));
        var cancelled = mails.Where(m => (m.Subject ?? "").StartsWith("研判会取消", StringComparison.Ordinal)).ToList();
        cancelled.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo("baihua@expert.example.cn", "jinsong@expert.example.cn");
        cancelled[0].Subject.Should().Be("研判会取消：震后次生灾害研判");
        cancelled[0].TextBody.Should().Contain("已取消，请勿前往").And.Contain("取消原因：上级部门已统一组织会商，本次取消");

        Text(await (await CancelAsync(bureau, meeting, "再次取消")).Content.ReadAsStringAsync()).Should().Contain("该会商已取消");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'meeting:{meeting}:cancelled:%'")).Should().Be(2);

        // No reminder for a cancelled meeting, even inside both lead times.
        Clock.Advance(TimeSpan.FromDays(9) + TimeSpan.FromHours(12));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("experts:meeting-reminders");
        await Task.Delay(2000);
        smtp.Messages().Should().HaveCount(4, "two invitations and two cancellation notices, and no reminder");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE '%:lead:%'")).Should().Be(0);

        // After the planned start nothing can be recorded on it.
        Clock.Advance(TimeSpan.FromDays(1));
        var later = await SignInAsync(app, Bureau);
        var html = await later.GetStringAsync($"/experts/Meetings/Details?id={meeting}");
        html.Should().NotContain("handler=Attendance").And.NotContain("report-form").And.NotContain("cancel-form");
        var invitation = await CountAsync(app, "experts", $"SELECT Id AS Value FROM MeetingInvitations WHERE MeetingId = {meeting} AND ExpertId = {told}");
        var path = $"/experts/Meetings/Details?id={meeting}";
        var refused = await TestApp.PostFormAsync(later, path + "&handler=Attendance", new Dictionary<string, string>
        {
            ["Attend.InvitationId"] = invitation.ToString(CultureInfo.InvariantCulture),
            ["Attend.Attendance"] = "Unexcused",
        }, tokenFrom: "/Account/ChangePassword");
        Text(await refused.Content.ReadAsStringAsync()).Should().Contain("会商已取消，不能登记出席情况");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM MeetingInvitations WHERE MeetingId = {meeting} AND Attendance <> 0")).Should().Be(0);
        (await StatusAsync(app, meeting)).Should().Be(2, "still cancelled, not held");
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_beside_the_field_and_is_refused_after_the_start()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "乔木", "水旱灾害", 0, null, "qiaomu@expert.example.cn", null);
        var meeting = await MeetingAsync(app, "汛前会商", TimeSpan.FromHours(2), [expert]);
        await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        var bureau = await app.AsAsync(Bureau);

        var html = await (await CancelAsync(bureau, meeting, "  ")).Content.ReadAsStringAsync();
        System.Text.RegularExpressions.Regex.IsMatch(html, "data-valmsg-for=\"Cancel.Reason\"[^>]*>请填写取消原因<").Should().BeTrue("the message stands beside the field: " + Text(html));
        (await StatusAsync(app, meeting)).Should().Be(0);

        Clock.Advance(TimeSpan.FromHours(3));
        var later = await SignInAsync(app, Bureau);
        (await later.GetStringAsync($"/experts/Meetings/Details?id={meeting}")).Should().NotContain("cancel-form");
        Text(await (await CancelAsync(later, meeting, "临时有事")).Content.ReadAsStringAsync()).Should().Contain("会商已开始或已召开，不能取消");
        (await StatusAsync(app, meeting)).Should().Be(0);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE '%:cancelled:%'")).Should().Be(0);
        await Task.Delay(1000);
        smtp.Messages().Should().HaveCount(1, "only the invitation");
    }

    [Fact]
    public async Task Another_department_and_the_county_leader_may_not_cancel()
    {
        await using var app = await StartAsync();
        var expert = await SeedExpertAsync(app, "程远", "气象灾害", 0, null, "chengyuan@expert.example.cn", null);
        var meeting = await MeetingAsync(app, "寒潮天气会商", TimeSpan.FromDays(3), [expert]);

        var weather = await app.AsAsync(Weather);
        (await weather.GetStringAsync($"/experts/Meetings/Details?id={meeting}")).Should().NotContain("cancel-form");
        (await CancelAsync(weather, meeting, "不需要了")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var leader = await app.AsAsync("leader");
        (await leader.GetStringAsync($"/experts/Meetings/Details?id={meeting}")).Should().NotContain("cancel-form");
        (await CancelAsync(leader, meeting, "不需要了")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await StatusAsync(app, meeting)).Should().Be(0);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Meetings WHERE Id = {meeting} AND CancelReason IS NOT NULL")).Should().Be(0);
    }
}
