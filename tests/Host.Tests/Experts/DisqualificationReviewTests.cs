using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;
using static Emergency.Host.Tests.Experts.JudgementSteps;

namespace Emergency.Host.Tests.Experts;

/// <summary>
/// 取消资格研判 (seed 000): a refusal and the N-th consecutive unexcused absence put the expert on the bureau's list
/// instead of disqualifying; the bureau confirms (disqualified, certificate revoked, the expert and the employer
/// mailed) or dismisses with a reason; one pending review per expert and cause; disqualification by hand for 违纪/泄密.
/// </summary>
public sealed class DisqualificationReviewTests : ExpertsTest
{
    private static Task<int> ReviewCountAsync(TestApp app, string where) =>
        CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM DisqualificationReviews WHERE {where}");

    /// <summary>An expert who refused a dispatch by link with a reason: the review is open. Returns (expert, review).</summary>
    private async Task<(int Expert, int Review)> RefusedAsync(TestApp app, SmtpTestServer smtp, string name, string email, string? employerEmail)
    {
        var expert = await SeedExpertAsync(app, name, "森林草原火灾", 0, null, email, employerEmail);
        await DispatchAsync(this, app, "山火扑救" + name, "森林草原火灾", [expert], TimeSpan.FromHours(4));
        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single(m => m.To.Mailboxes.Single().Address == email);
        (await AnswerByLinkAsync(app, LinkIn(mail), accept: false, reason: "家中老人住院，无法到场")).Should().Contain("已谢绝调用");
        return (expert, await ReviewAsync(app, expert));
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_puts_the_expert_on_the_bureaus_list_instead_of_disqualifying()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "孙林", "森林草原火灾", 0, null, "sunlin@expert.example.cn", "hr@sunlin.example.cn");
        await DispatchAsync(this, app, "山火扑救", "森林草原火灾", [expert], TimeSpan.FromHours(4));
        var link = LinkIn((await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0]);

        (await AnswerByLinkAsync(app, link, accept: false, reason: "  ")).Should().Contain("谢绝调用须填写理由");
        (await CountAsync(app, "experts", $"SELECT Answer AS Value FROM DispatchAssignments WHERE ExpertId = {expert}")).Should().Be(0, "nothing is written without a reason");
        (await ReviewCountAsync(app, "1=1")).Should().Be(0);

        (await AnswerByLinkAsync(app, link, accept: false, reason: "正在外地出差")).Should().Contain("已谢绝调用").And.Contain("县应急管理局研判");
        (await StatusAsync(app, expert)).Should().Be(0, "a refusal is judged, not a disqualification on the click");
        (await ReviewCountAsync(app, $"ExpertId = {expert} AND Cause = 0 AND Status = 0 AND Detail LIKE '%正在外地出差%'")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertDisqualified")).Should().Be(0);

        var bureau = await app.AsAsync(Bureau);
        Text(await bureau.GetStringAsync("/experts/Reviews")).Should().Contain("孙林").And.Contain("谢绝调用").And.Contain("正在外地出差");
        Text(await bureau.GetStringAsync("/")).Should().Contain("取消资格研判").And.Contain("孙林：谢绝调用");
        await Task.Delay(1000);
        smtp.Messages().Should().HaveCount(1, "nobody is told before the bureau decides");
    }

    [Fact]
    public async Task The_nth_consecutive_unexcused_absence_opens_one_review_withdrawn_when_the_attendance_is_corrected()
    {
        await using var app = await StartAsync();
        var expert = await SeedExpertAsync(app, "吴川", "地震灾害", 0, null, "wuchuan@expert.example.cn", "hr@wuchuan.example.cn");
        var first = await MeetingAsync(app, "震情趋势研判", TimeSpan.FromDays(2), expert);
        var second = await MeetingAsync(app, "余震风险研判", TimeSpan.FromDays(3), expert);
        Clock.Advance(TimeSpan.FromDays(4));
        var bureau = await SignInAsync(app, Bureau);

        (await AttendAsync(app, bureau, first, expert, "Unexcused")).Should().Contain("已登记 吴川 的出席情况").And.NotContain("已提交县应急管理局研判");
        (await ReviewCountAsync(app, "1=1")).Should().Be(0, "one absence is below the threshold of 2");
        (await AttendAsync(app, bureau, second, expert, "Unexcused")).Should().Contain("连续 2 次无故缺席专家活动，已提交县应急管理局研判是否取消专家资格");
        (await StatusAsync(app, expert)).Should().Be(0);
        (await ReviewCountAsync(app, $"ExpertId = {expert} AND Cause = 1 AND Status = 0 AND Detail = '连续 2 次无故缺席专家活动'")).Should().Be(1);

        await AttendAsync(app, bureau, second, expert, "Unexcused");
        (await ReviewCountAsync(app, "1=1")).Should().Be(1, "recording the same absence again opens nothing more");

        await AttendAsync(app, bureau, second, expert, "Present");
        (await ReviewCountAsync(app, $"ExpertId = {expert} AND Status = 3")).Should().Be(1, "the corrected attendance breaks the run and withdraws the review");
        (await StatusAsync(app, expert)).Should().Be(0);
    }

    [Fact]
    public async Task Confirming_disqualifies_revokes_the_certificate_and_mails_the_expert_and_the_employer()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var (expert, review) = await RefusedAsync(app, smtp, "孙林", "sunlin@expert.example.cn", "hr@sunlin.example.cn");

        var confirmed = await DecideAsync(await app.AsAsync(Bureau), review, confirm: true, note: "理由不属实");
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("已确认取消 孙林 的专家资格，证书已注销");
        (await StatusAsync(app, expert)).Should().Be(2);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Experts WHERE Id = {expert} AND StatusReason LIKE '无故不接受指派任务：谢绝调用“山火扑救孙林”%'")).Should().Be(1);
        (await ReviewCountAsync(app, $"Id = {review} AND Status = 1 AND DecidedBy = 'yjj' AND DecisionNote = '理由不属实'")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertDisqualified")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertExited")).Should().Be(1);

        var mails = await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20));
        var toExpert = mails.Single(m => m.Subject == "应急管理专家资格取消通知");
        toExpert.To.Mailboxes.Single().Address.Should().Be("sunlin@expert.example.cn");
        toExpert.TextBody.Should().Contain("孙林 专家").And.Contain("无故不接受指派任务").And.Contain("已注销");
        var toEmployer = mails.Single(m => m.To.Mailboxes.Single().Address == "hr@sunlin.example.cn");
        toEmployer.TextBody.Should().Contain("孙林").And.Contain("已被取消专家资格").And.Contain("已注销");

        var bureau = await app.AsAsync(Bureau);
        Text(await bureau.GetStringAsync($"/experts/Profile?id={expert}")).Should().Contain("证书已注销");
        Text(await bureau.GetStringAsync($"/experts/Certificate?id={expert}")).Should().Contain("已撤销");
        Text(await bureau.GetStringAsync("/")).Should().NotContain("孙林：谢绝调用", "a decided review leaves the to-do");
        Text(await (await DecideAsync(bureau, review, confirm: true, note: "")).Content.ReadAsStringAsync()).Should().Contain("该研判已处理");
    }

    [Fact]
    public async Task Dismissing_needs_a_reason_and_keeps_the_expert()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var (expert, review) = await RefusedAsync(app, smtp, "赵岩", "zhaoyan@expert.example.cn", "hr@zhaoyan.example.cn");
        var bureau = await app.AsAsync(Bureau);

        Text(await (await DecideAsync(bureau, review, confirm: false, note: " ")).Content.ReadAsStringAsync()).Should().Contain("请填写不予取消资格的理由");
        (await ReviewCountAsync(app, $"Id = {review} AND Status = 0")).Should().Be(1, "nothing is decided without a reason");

        Text(await (await DecideAsync(bureau, review, confirm: false, note: "住院证明属实，理由正当")).Content.ReadAsStringAsync())
            .Should().Contain("已研判：不取消 赵岩 的专家资格");
        (await ReviewCountAsync(app, $"Id = {review} AND Status = 2 AND DecisionNote = '住院证明属实，理由正当'")).Should().Be(1);
        (await StatusAsync(app, expert)).Should().Be(0);
        Text(await bureau.GetStringAsync("/experts/Reviews")).Should().Contain("住院证明属实，理由正当").And.Contain("不予取消");
        await Task.Delay(1000);
        smtp.Messages().Should().HaveCount(1, "only the dispatch notice: a dismissed review tells nobody");
    }

    [Fact]
    public async Task A_second_refusal_adds_to_the_open_review_rather_than_opening_another()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var (expert, review) = await RefusedAsync(app, smtp, "钱江", "qianjiang@expert.example.cn", null);
        await DispatchAsync(this, app, "堤防巡查", "森林草原火灾", [expert], TimeSpan.FromHours(4));
        var second = (await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20)))[1];
        (await AnswerByLinkAsync(app, LinkIn(second), accept: false, reason: "本周在省里培训")).Should().Contain("已谢绝调用");

        (await ReviewCountAsync(app, $"ExpertId = {expert} AND Status = 0")).Should().Be(1, "one pending review per expert and cause");
        (await ReviewCountAsync(app, $"Id = {review} AND Detail LIKE '%家中老人住院%' AND Detail LIKE '%本周在省里培训%'")).Should().Be(1);

        // Once dismissed, a later refusal opens a new review.
        await DecideAsync(await app.AsAsync(Bureau), review, confirm: false, note: "两次理由均正当");
        await DispatchAsync(this, app, "林区巡护", "森林草原火灾", [expert], TimeSpan.FromHours(4));
        var third = (await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20)))[2];
        await AnswerByLinkAsync(app, LinkIn(third), accept: false, reason: "不想去");
        (await ReviewCountAsync(app, $"ExpertId = {expert}")).Should().Be(2);
        (await ReviewCountAsync(app, $"ExpertId = {expert} AND Status = 0 AND Detail LIKE '%不想去%'")).Should().Be(1);
    }

    [Fact]
    public async Task The_bureau_disqualifies_by_hand_for_a_confidentiality_breach_with_a_reason()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "韩冰", "网络与信息安全", 0, null, "hanbing@expert.example.cn", "hr@hanbing.example.cn");
        var bureau = await app.AsAsync(Bureau);
        var profile = $"/experts/Profile?id={expert}";
        (await bureau.GetStringAsync(profile)).Should().Contain("data-testid=\"disqualify-form\"");
        (await (await app.AsAsync(Weather)).GetStringAsync(profile)).Should().NotContain("disqualify-form", "only the bureau disqualifies by hand");

        async Task<string> PostAsync(string cause, string reason) => Text(await (await TestApp.PostFormAsync(bureau, $"/experts/Reviews/Disqualify?id={expert}",
            new Dictionary<string, string> { ["Input.Cause"] = cause, ["Input.Reason"] = reason }, tokenFrom: "/Account/ChangePassword")).Content.ReadAsStringAsync());

        (await PostAsync("Confidentiality", "")).Should().Contain("请填写取消资格的事由");
        (await PostAsync("", "在个人公众号发表涉密会商内容")).Should().Contain("请选择取消资格的原因");
        (await PostAsync("RefusedDispatch", "在个人公众号发表涉密会商内容")).Should().Contain("请选择取消资格的原因", "refusals and absences go through a review");
        (await StatusAsync(app, expert)).Should().Be(0);

        (await PostAsync("Confidentiality", "在个人公众号发表涉密会商内容")).Should().Contain("已取消 韩冰 的专家资格（泄密（违反保密规定））");
        (await StatusAsync(app, expert)).Should().Be(2);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Experts WHERE Id = {expert} AND StatusReason = '违反保密规定：在个人公众号发表涉密会商内容'")).Should().Be(1);
        (await ReviewCountAsync(app, $"ExpertId = {expert} AND Cause = 3 AND Status = 1 AND CreatedBy = 'yjj'")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertDisqualified")).Should().Be(1);
        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        mails.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["hanbing@expert.example.cn", "hr@hanbing.example.cn"]);
        mails.Should().OnlyContain(m => (m.TextBody ?? "").Contains("违反保密规定：在个人公众号发表涉密会商内容"));
        (await PostAsync("Misconduct", "再次")).Should().Contain("该专家已不在库");
    }

    [Fact]
    public async Task A_review_of_another_county_is_not_found()
    {
        const string other = "450998";
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = other, Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "experts" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<Emergency.BuildingBlocks.Persistence.StoreCatalog>()
            .MigrateAsync(Emergency.BuildingBlocks.Persistence.StoreKey.ForCounty(other, "experts"), CancellationToken.None);
        var foreign = await SeedExpertAsync(app, "白石专家", "水旱灾害", 0, null, "baishi@expert.example.cn", null, county: other);
        await using (var db = app.OpenStore("experts", other))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO DisqualificationReviews (Id, ExpertId, Cause, Detail, ReferenceId, Status, CreatedAtUtc) VALUES (7, {0}, 0, '谢绝调用“白石县山洪处置”，理由：无', 1, 0, '2026-11-23 01:00:00')",
                foreign);
        }

        await SeedExpertAsync(app, "青山专家", "水旱灾害", 0, null, "qingshan@expert.example.cn", null);
        var bureau = await app.AsAsync(Bureau);
        (await DecideAsync(bureau, 7, confirm: true, note: "")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await DecideAsync(bureau, 7, confirm: false, note: "不予取消")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text(await bureau.GetStringAsync("/experts/Reviews")).Should().NotContain("白石专家");
        await using (var db = app.OpenStore("experts", other))
        {
            (await db.Database.SqlQueryRaw<int>("SELECT Status AS Value FROM DisqualificationReviews WHERE Id = 7").SingleAsync()).Should().Be(0);
            (await db.Database.SqlQueryRaw<int>("SELECT Status AS Value FROM Experts WHERE Id = {0}", foreign).SingleAsync()).Should().Be(0);
        }
    }

    [Fact]
    public async Task Only_the_bureau_judges_other_posts_are_forbidden()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var (expert, review) = await RefusedAsync(app, smtp, "冯雷", "fenglei@expert.example.cn", "hr@fenglei.example.cn");

        var weather = await app.AsAsync(Weather);
        (await weather.GetAsync("/experts/Reviews")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await weather.GetStringAsync("/experts")).Should().NotContain("/experts/Reviews", "the tab is not shown");
        (await DecideAsync(weather, review, confirm: true, note: "")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await TestApp.PostFormAsync(weather, $"/experts/Reviews/Disqualify?id={expert}",
            new Dictionary<string, string> { ["Input.Cause"] = "Misconduct", ["Input.Reason"] = "违纪" }, tokenFrom: "/Account/ChangePassword"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.AsAsync("leader")).GetAsync("/experts/Reviews")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Text(await weather.GetStringAsync("/")).Should().NotContain("取消资格研判");

        (await StatusAsync(app, expert)).Should().Be(0);
        (await ReviewCountAsync(app, $"Id = {review} AND Status = 0")).Should().Be(1);
        (await (await app.AsAsync("county-admin")).GetAsync("/experts/Reviews")).StatusCode.Should().Be(HttpStatusCode.OK, "the county admin is a county manager too");
    }

    private async Task<int> MeetingAsync(TestApp app, string topic, TimeSpan startsIn, int expert)
    {
        await TestApp.PostFormAsync(await app.AsAsync(Bureau), "/experts/Meetings/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Assessment",
            ["Input.Topic"] = topic,
            ["Input.StartsAt"] = ChinaLocal(InChinaTime(startsIn)),
            ["Input.Place"] = "县应急指挥中心三楼会议室",
            ["Input.Classified"] = "false",
            ["Input.ExpertIds[0]"] = Id(expert),
        });
        return await CountAsync(app, "experts", $"SELECT MAX(Id) AS Value FROM Meetings WHERE Topic = '{topic}'");
    }

    private static async Task<string> AttendAsync(TestApp app, HttpClient bureau, int meeting, int expert, string attendance)
    {
        var invitation = await CountAsync(app, "experts", $"SELECT Id AS Value FROM MeetingInvitations WHERE MeetingId = {meeting} AND ExpertId = {expert}");
        var path = $"/experts/Meetings/Details?id={meeting}";
        var response = await TestApp.PostFormAsync(bureau, path + "&handler=Attendance", new Dictionary<string, string>
        {
            ["Attend.InvitationId"] = Id(invitation),
            ["Attend.Attendance"] = attendance,
            ["Attend.Reason"] = "",
        }, tokenFrom: path);
        return Text(await response.Content.ReadAsStringAsync());
    }
}
