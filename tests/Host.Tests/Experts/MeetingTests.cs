using System.Globalization;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class MeetingTests : ExpertsTest
{
    private const string ReminderJob = "experts:meeting-reminders";

    private async Task<int> MeetingAsync(TestApp app, string user, string topic, TimeSpan startsIn, IReadOnlyList<int> experts, bool classified = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Assessment",
            ["Input.Topic"] = topic,
            ["Input.StartsAt"] = ChinaLocal(InChinaTime(startsIn)),
            ["Input.Place"] = "县应急指挥中心三楼会议室",
            ["Input.Classified"] = classified ? "true" : "false",
        };
        for (var i = 0; i < experts.Count; i++)
        {
            fields[$"Input.ExpertIds[{i}]"] = experts[i].ToString(CultureInfo.InvariantCulture);
        }

        var response = await TestApp.PostFormAsync(await app.AsAsync(user), "/experts/Meetings/Create", fields);
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已组织研判会");
        return await CountAsync(app, "experts", $"SELECT MAX(Id) AS Value FROM Meetings WHERE Topic = '{topic}'");
    }

    private static async Task<string> RecordAsync(TestApp app, HttpClient bureau, int meeting, int expert, string attendance, string reason = "")
    {
        var invitation = await CountAsync(app, "experts", $"SELECT Id AS Value FROM MeetingInvitations WHERE MeetingId = {meeting} AND ExpertId = {expert}");
        var path = $"/experts/Meetings/Details?id={meeting}";
        var response = await TestApp.PostFormAsync(bureau, path + "&handler=Attendance", new Dictionary<string, string>
        {
            ["Attend.InvitationId"] = invitation.ToString(CultureInfo.InvariantCulture),
            ["Attend.Attendance"] = attendance,
            ["Attend.Reason"] = reason,
        }, tokenFrom: path);
        return Text(await response.Content.ReadAsStringAsync());
    }

    private static Task<int> StatusAsync(TestApp app, int expert) => CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {expert}");

    private static Task<int> AbsencesAsync(TestApp app, int expert) =>
        CountAsync(app, "experts", $"SELECT ConsecutiveUnexcusedAbsences AS Value FROM Experts WHERE Id = {expert}");

    [Fact]
    public async Task Two_consecutive_unexcused_absences_put_the_expert_up_for_review_and_a_confirmation_tells_the_employer()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "吴川", "地震灾害", 0, null, "wuchuan@expert.example.cn", "hr@wuchuan.example.cn");
        var first = await MeetingAsync(app, Bureau, "震情趋势研判", TimeSpan.FromDays(2), [expert]);
        var second = await MeetingAsync(app, Bureau, "余震风险研判", TimeSpan.FromDays(3), [expert]);
        await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        Clock.Advance(TimeSpan.FromDays(4));
        var bureau = await SignInAsync(app, Bureau);

        (await RecordAsync(app, bureau, first, expert, "Unexcused")).Should().Contain("已登记 吴川 的出席情况");
        await RecordAsync(app, bureau, first, expert, "Unexcused");
        (await AbsencesAsync(app, expert)).Should().Be(1, "recording the same meeting again does not count twice");
        (await StatusAsync(app, expert)).Should().Be(0);

        (await RecordAsync(app, bureau, second, expert, "Unexcused")).Should().Contain("连续 2 次无故缺席专家活动，已提交县应急管理局研判是否取消专家资格");
        (await StatusAsync(app, expert)).Should().Be(0, "the bureau judges before anyone is disqualified");
        (await AbsencesAsync(app, expert)).Should().Be(2);
        (await OutboxCountAsync(app, "ExpertDisqualified")).Should().Be(0);

        var review = await CountAsync(app, "experts", $"SELECT Id AS Value FROM DisqualificationReviews WHERE ExpertId = {expert} AND Cause = 1 AND Status = 0");
        var confirmed = await TestApp.PostFormAsync(bureau, $"/experts/Reviews?handler=Confirm&reviewId={review}", new Dictionary<string, string> { ["Note"] = "" }, tokenFrom: "/experts/Reviews");
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("已确认取消 吴川 的专家资格");
        (await StatusAsync(app, expert)).Should().Be(2);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Experts WHERE Id = {expert} AND StatusReason = '连续 2 次无故缺席专家活动'")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertDisqualified")).Should().Be(1);
        var mails = await smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(20));
        var employer = mails.Single(m => m.To.Mailboxes.Single().Address == "hr@wuchuan.example.cn");
        employer.TextBody.Should().Contain("吴川").And.Contain("连续 2 次无故缺席专家活动").And.Contain("已注销");
        Text(await bureau.GetStringAsync($"/experts/Profile?id={expert}")).Should().Contain("证书已注销");
    }

    [Fact]
    public async Task An_excused_absence_in_between_resets_the_run_and_needs_a_reason()
    {
        await using var app = await StartAsync();
        var expert = await SeedExpertAsync(app, "郑河", "水旱灾害", 0, null, "zhenghe@expert.example.cn", "hr@zhenghe.example.cn");
        var a = await MeetingAsync(app, Bureau, "汛情研判一", TimeSpan.FromDays(1), [expert]);
        var b = await MeetingAsync(app, Bureau, "汛情研判二", TimeSpan.FromDays(2), [expert]);
        var c = await MeetingAsync(app, Bureau, "汛情研判三", TimeSpan.FromDays(3), [expert]);
        var d = await MeetingAsync(app, Bureau, "汛情研判四", TimeSpan.FromDays(4), [expert]);
        Clock.Advance(TimeSpan.FromDays(5));
        var bureau = await SignInAsync(app, Bureau);

        await RecordAsync(app, bureau, a, expert, "Unexcused");
        (await RecordAsync(app, bureau, b, expert, "Excused")).Should().Contain("请填写请假事由");
        (await RecordAsync(app, bureau, b, expert, "Excused", "住院治疗")).Should().Contain("已登记");
        await RecordAsync(app, bureau, c, expert, "Unexcused");
        (await StatusAsync(app, expert)).Should().Be(0, "an excused absence breaks the run");
        (await AbsencesAsync(app, expert)).Should().Be(1);

        await RecordAsync(app, bureau, d, expert, "Present");
        (await AbsencesAsync(app, expert)).Should().Be(0);
        (await CountAsync(app, "experts", $"SELECT ParticipationCount AS Value FROM Experts WHERE Id = {expert}")).Should().Be(1);
        await RecordAsync(app, bureau, d, expert, "Present");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Participations WHERE ExpertId = {expert} AND Kind = 1")).Should().Be(1, "attendance is recorded once");
        (await CountAsync(app, "experts", $"SELECT ParticipationCount AS Value FROM Experts WHERE Id = {expert}")).Should().Be(1);
    }

    [Fact]
    public async Task A_classified_meeting_is_hidden_from_another_department_but_visible_to_the_organiser()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "冯雷", "恐怖袭击", 0, null, "fenglei@expert.example.cn", null);
        var meeting = await MeetingAsync(app, Bureau, "反恐处置专题会商", TimeSpan.FromDays(2), [expert], classified: true);

        var organiser = Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/experts/Meetings/Details?id={meeting}"));
        organiser.Should().Contain("反恐处置专题会商").And.Contain("县应急指挥中心三楼会议室");

        var weather = await app.AsAsync(Weather);
        var other = Text(await weather.GetStringAsync($"/experts/Meetings/Details?id={meeting}"));
        other.Should().NotContain("反恐处置专题会商").And.NotContain("县应急指挥中心").And.Contain("本条为涉密信息，仅组织单位和受邀专家可见");
        Text(await weather.GetStringAsync("/experts/Meetings")).Should().NotContain("反恐处置专题会商").And.Contain("涉密");
        Text(await (await app.AsAsync("leader")).GetStringAsync($"/experts/Meetings/Details?id={meeting}")).Should().Contain("反恐处置专题会商");

        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0];
        mail.Subject.Should().NotContain("反恐");
        mail.TextBody.Should().Contain("您有一项涉密会商，请与组织单位").And.NotContain("反恐处置专题会商");
    }

    [Fact]
    public async Task Meeting_reminders_go_out_once_per_lead_time()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "陈霜", "生物灾害", 0, null, "chenshuang@expert.example.cn", null);
        await MeetingAsync(app, Bureau, "松材线虫病防控会商", TimeSpan.FromDays(10), [expert]);
        await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.Trigger(ReminderJob);
        await Task.Delay(1500);
        smtp.Messages().Should().HaveCount(1, "ten days ahead is before the first lead time");

        Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1)); // 7 days minus an hour before
        jobs.Trigger(ReminderJob);
        jobs.Trigger(ReminderJob);
        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        mails[1].Subject.Should().Be("会商提醒：松材线虫病防控会商");
        await Task.Delay(1500);
        smtp.Messages().Should().HaveCount(2);

        Clock.Advance(TimeSpan.FromDays(6)); // a day minus an hour before
        jobs.Trigger(ReminderJob);
        jobs.Trigger(ReminderJob);
        await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20));
        await Task.Delay(2000);
        smtp.Messages().Should().HaveCount(3, "one reminder per lead time");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'meeting:%'")).Should().Be(2);
    }

    private static async Task<string> ReportAsync(HttpClient client, int meeting, string report, byte[]? file)
    {
        var path = $"/experts/Meetings/Details?id={meeting}";
        var page = await client.GetStringAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(report), "Output.Report" },
        };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "Upload", "研判报告.txt");
        }

        var response = await client.PostAsync(path + "&handler=Report", form);
        return Text(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_organiser_attaches_the_report_as_text_and_a_file_of_at_most_10_MB()
    {
        await using var app = await StartAsync();
        var expert = await SeedExpertAsync(app, "邓川", "水旱灾害", 0, null, "dengchuan@expert.example.cn", null);
        var meeting = await MeetingAsync(app, Bureau, "秋汛形势分析", TimeSpan.FromHours(1), [expert]);
        Clock.Advance(TimeSpan.FromHours(2));
        var bureau = await SignInAsync(app, Bureau);

        (await ReportAsync(bureau, meeting, "", null)).Should().Contain("请填写趋势分析和对策报告");
        (await ReportAsync(bureau, meeting, "预计秋汛偏重，建议提前转移低洼地带群众。", new byte[(10 * 1024 * 1024) + 1]))
            .Should().Contain("报告附件不能超过 10 MB");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Meetings WHERE Report IS NOT NULL")).Should().Be(0);

        var content = System.Text.Encoding.UTF8.GetBytes("趋势分析和对策报告全文");
        (await ReportAsync(bureau, meeting, "预计秋汛偏重，建议提前转移低洼地带群众。", content)).Should().Contain("已保存趋势分析和对策报告");
        var file = await bureau.GetByteArrayAsync($"/experts/Meetings/Details?id={meeting}&handler=File");
        file.Should().Equal(content);
        Directory.GetFiles(Path.Combine(DataRoot, "counties", TestApp.County, "files", "experts")).Should().ContainSingle();
        Text(await (await SignInAsync(app, Weather)).GetStringAsync($"/experts/Meetings/Details?id={meeting}")).Should().Contain("预计秋汛偏重").And.Contain("研判报告.txt");
    }

    [Fact]
    public async Task Only_the_organiser_records_attendance_and_a_read_only_leader_organises_nothing()
    {
        await using var app = await StartAsync();
        var expert = await SeedExpertAsync(app, "罗江", "水旱灾害", 0, null, "luojiang@expert.example.cn", null);
        var meeting = await MeetingAsync(app, Bureau, "山洪风险会商", TimeSpan.FromHours(1), [expert]);
        Clock.Advance(TimeSpan.FromHours(2));
        var weather = await SignInAsync(app, Weather);
        var invitation = await CountAsync(app, "experts", $"SELECT Id AS Value FROM MeetingInvitations WHERE MeetingId = {meeting}");

        var refused = await TestApp.PostFormAsync(weather, $"/experts/Meetings/Details?id={meeting}&handler=Attendance", new Dictionary<string, string>
        {
            ["Attend.InvitationId"] = invitation.ToString(CultureInfo.InvariantCulture),
            ["Attend.Attendance"] = "Unexcused",
        }, tokenFrom: "/Account/ChangePassword");
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        (await CountAsync(app, "experts", $"SELECT Attendance AS Value FROM MeetingInvitations WHERE Id = {invitation}")).Should().Be(0);

        var leader = await SignInAsync(app, "leader");
        (await leader.GetAsync("/experts/Meetings/Create")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        (await leader.GetAsync("/experts/Dispatches/Create")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        var html = await leader.GetStringAsync($"/experts/Meetings/Details?id={meeting}");
        Text(html).Should().Contain("山洪风险会商", "leaders read everything");
        html.Should().NotContain("handler=Attendance").And.NotContain("report-form", "leaders change nothing");
    }
}
