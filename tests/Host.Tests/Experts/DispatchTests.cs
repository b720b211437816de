using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class DispatchTests : ExpertsTest
{
    private const string ReminderJob = "experts:dispatch-answer-reminders";

    private async Task<HttpResponseMessage> DispatchAsync(TestApp app, string user, string title, string field, IReadOnlyList<int> experts, TimeSpan answerIn, bool classified = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "请携带监测资料",
            ["Input.Location"] = "青山镇河口村",
            ["Input.FieldId"] = (await FieldIdAsync(app, field)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartsAt"] = ChinaLocal(InChinaTime(TimeSpan.FromHours(6))),
            ["Input.AnswerBy"] = ChinaLocal(InChinaTime(answerIn)),
            ["Input.Classified"] = classified ? "true" : "false",
        };
        for (var i = 0; i < experts.Count; i++)
        {
            fields[$"Input.ExpertIds[{i}]"] = experts[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await TestApp.PostFormAsync(await app.AsAsync(user), "/experts/Dispatches/Create", fields);
    }

    private static Task<HttpResponseMessage> AnswerAsync(TestApp app, string link, bool accept, string reason = "") =>
        TestApp.PostFormAsync(
            app.NewClient(),
            "/experts/Respond?handler=" + (accept ? "Accept" : "Decline"),
            new Dictionary<string, string> { ["t"] = new Uri(link).Query["?t=".Length..], ["Reason"] = reason },
            tokenFrom: "/Account/Login"); // an answered link shows no form; the antiforgery token is per client

    private static Task<int> AnswerOfAsync(TestApp app, int expert) =>
        CountAsync(app, "experts", $"SELECT Answer AS Value FROM DispatchAssignments WHERE ExpertId = {expert}");

    [Fact]
    public async Task A_dispatch_emails_each_expert_who_accepts_by_link_without_an_account()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var weather = await DepartmentIdAsync(app, "气象局");
        var zhang = await SeedExpertAsync(app, "张雨", "气象灾害", 0, weather, "zhangyu@expert.example.cn", "hr@zhangyu.example.cn", departmentName: "气象局");
        var li = await SeedExpertAsync(app, "李风", "气象灾害", 1, weather, "lifeng@expert.example.cn", null, departmentName: "气象局");
        var other = await SeedExpertAsync(app, "王水", "水旱灾害", 0, null, "wangshui@expert.example.cn", null);

        var suggestions = Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/experts/Dispatches/Create?fieldId={await FieldIdAsync(app, "气象灾害")}"));
        suggestions.Should().Contain("张雨").And.Contain("李风").And.NotContain("王水", "only experts of the needed field are suggested");

        var created = await DispatchAsync(app, Bureau, "台风“海燕”防御会商", "气象灾害", [zhang, li], TimeSpan.FromHours(4));
        Text(await created.Content.ReadAsStringAsync()).Should().Contain("已发出调用通知，通知专家 2 名");

        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        mails.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["zhangyu@expert.example.cn", "lifeng@expert.example.cn"]);
        mails.Should().OnlyContain(m => m.Subject == "专家调用通知：台风“海燕”防御会商");
        (await OutboxCountAsync(app, "ExpertDispatched")).Should().Be(2);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM DispatchAssignments WHERE CrossDepartment = 1")).Should().Be(2, "the bureau dispatched 气象局 experts");

        var zhangMail = mails.Single(m => m.To.Mailboxes.Single().Address == "zhangyu@expert.example.cn");
        var page = Text(await app.NewClient().GetStringAsync(new Uri(LinkIn(zhangMail)).PathAndQuery));
        page.Should().Contain("台风“海燕”防御会商").And.Contain("张雨");

        var accepted = await AnswerAsync(app, LinkIn(zhangMail), accept: true);
        Text(await accepted.Content.ReadAsStringAsync()).Should().Contain("已接受调用");
        (await AnswerOfAsync(app, zhang)).Should().Be(1);
        (await CountAsync(app, "experts", $"SELECT ParticipationCount AS Value FROM Experts WHERE Id = {zhang}")).Should().Be(1);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Participations WHERE ExpertId = {zhang} AND Kind = 0")).Should().Be(1);

        var again = await AnswerAsync(app, LinkIn(zhangMail), accept: false, reason: "改主意了");
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("该调用通知已答复（接受），链接已失效");
        (await AnswerOfAsync(app, zhang)).Should().Be(1, "an accepted link cannot be used again");

        // The organiser sees the answers and rates the accepted expert once the work has begun.
        var bureau = await app.AsAsync(Bureau);
        var details = Text(await bureau.GetStringAsync("/experts/Dispatches/Details?id=1"));
        details.Should().Contain("张雨").And.Contain("接受").And.Contain("待答复");
        var assignment = await CountAsync(app, "experts", $"SELECT Id AS Value FROM DispatchAssignments WHERE ExpertId = {zhang}");
        var rate = new Dictionary<string, string>
        {
            ["Rate.AssignmentId"] = assignment.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rate.Rating"] = "4",
        };
        var early = await TestApp.PostFormAsync(bureau, "/experts/Dispatches/Details?id=1&handler=Rate", rate, tokenFrom: "/Account/ChangePassword");
        Text(await early.Content.ReadAsStringAsync()).Should().Contain("调用开始后才能评分");
        Clock.Advance(TimeSpan.FromHours(7));
        bureau = await SignInAsync(app, Bureau);
        var rated = await TestApp.PostFormAsync(bureau, "/experts/Dispatches/Details?id=1&handler=Rate", rate, tokenFrom: "/Account/ChangePassword");
        Text(await rated.Content.ReadAsStringAsync()).Should().Contain("已为 张雨 评分：4 分");
        var twice = await TestApp.PostFormAsync(bureau, "/experts/Dispatches/Details?id=1&handler=Rate", rate, tokenFrom: "/Account/ChangePassword");
        Text(await twice.Content.ReadAsStringAsync()).Should().Contain("已评分，不能重复评分");
        (await CountAsync(app, "experts", $"SELECT Rating AS Value FROM Participations WHERE ExpertId = {zhang}")).Should().Be(4);
        (await CountAsync(app, "experts", $"SELECT RatingTotal * 10 + RatingCount AS Value FROM Experts WHERE Id = {zhang}")).Should().Be(41);
    }

    [Fact]
    public async Task A_declined_link_cannot_be_reused_and_a_reason_keeps_the_expert_in_the_pool()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "赵岩", "地质灾害", 0, null, "zhaoyan@expert.example.cn", "hr@zhaoyan.example.cn");
        await DispatchAsync(app, Bureau, "滑坡隐患点核查", "地质灾害", [expert], TimeSpan.FromHours(4));
        var link = LinkIn((await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0]);

        var declined = await AnswerAsync(app, link, accept: false, reason: "正在外地出差");
        Text(await declined.Content.ReadAsStringAsync()).Should().Contain("已谢绝调用");

        var reused = await AnswerAsync(app, link, accept: true);
        Text(await reused.Content.ReadAsStringAsync()).Should().Contain("该调用通知已答复（谢绝），链接已失效");
        Text(await app.NewClient().GetStringAsync(new Uri(link).PathAndQuery)).Should().Contain("该调用通知已答复（谢绝），链接已失效");
        (await AnswerOfAsync(app, expert)).Should().Be(2);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Participations")).Should().Be(0);
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {expert}")).Should().Be(0, "a refusal with a reason is not a disqualification");
    }

    [Fact]
    public async Task A_tampered_token_and_links_of_another_county_or_expert_are_refused()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "钱江", "水旱灾害", 0, null, "qianjiang@expert.example.cn", null);
        await DispatchAsync(app, Bureau, "堤防巡查", "水旱灾害", [expert], TimeSpan.FromHours(4));
        var link = LinkIn((await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0]);
        var token = new Uri(link).Query["?t=".Length..];

        var middle = token.Length / 2;
        var tampered = string.Concat(token.AsSpan(0, middle), token[middle] == 'A' ? "B" : "A", token.AsSpan(middle + 1));
        Text(await app.NewClient().GetStringAsync("/experts/Respond?t=" + tampered)).Should().Contain("链接无效或已被篡改");

        // Properly signed tokens that name another county, or this county's assignment with another secret.
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("experts.dispatch-answer");
        var otherCounty = protector.Protect("450998.1.c2VjcmV0LW9mLWFub3RoZXItY291bnR5");
        var otherSecret = protector.Protect(TestApp.County + ".1.c2VjcmV0LW9mLWFub3RoZXItZXhwZXJ0");
        foreach (var forged in new[] { otherCounty, otherSecret, "not-a-token" })
        {
            var page = Text(await app.NewClient().GetStringAsync("/experts/Respond?t=" + Uri.EscapeDataString(forged)));
            page.Should().Contain("链接无效或已被篡改").And.NotContain("堤防巡查");
            var posted = await TestApp.PostFormAsync(app.NewClient(), "/experts/Respond?handler=Accept",
                new Dictionary<string, string> { ["t"] = forged }, tokenFrom: new Uri(link).PathAndQuery);
            Text(await posted.Content.ReadAsStringAsync()).Should().Contain("链接无效或已被篡改");
        }

        (await AnswerOfAsync(app, expert)).Should().Be(0, "nothing was answered");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Participations")).Should().Be(0);
    }

    [Fact]
    public async Task Refusing_a_dispatch_needs_a_reason_and_no_longer_disqualifies_on_the_click()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "孙林", "森林草原火灾", 0, null, "sunlin@expert.example.cn", "hr@sunlin.example.cn");
        await DispatchAsync(app, Bureau, "山火扑救", "森林草原火灾", [expert], TimeSpan.FromHours(4));
        var link = LinkIn((await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0]);

        var blank = await AnswerAsync(app, link, accept: false, reason: "  ");
        Text(await blank.Content.ReadAsStringAsync()).Should().Contain("谢绝调用须填写理由").And.NotContain("取消专家资格（");
        (await AnswerOfAsync(app, expert)).Should().Be(0, "a refusal without a reason is not taken");

        var declined = await AnswerAsync(app, link, accept: false, reason: "无");
        Text(await declined.Content.ReadAsStringAsync()).Should().Contain("已谢绝调用").And.Contain("县应急管理局研判");
        (await AnswerOfAsync(app, expert)).Should().Be(2);
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {expert}")).Should().Be(0, "the bureau judges the reason first (DisqualificationReviewTests)");
        (await OutboxCountAsync(app, "ExpertDisqualified")).Should().Be(0);
        await Task.Delay(1000);
        smtp.Messages().Should().HaveCount(1, "the employer is not told of a refusal");
    }

    [Fact]
    public async Task An_unanswered_dispatch_is_reminded_once_at_half_time_even_when_triggered_twice_and_after_a_restart()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        int expert;
        var settings = Smtp(smtp);
        settings["Platform:PublicBaseUrl"] = "https://yingji.example.gov.cn";
        await using (var app = await StartAsync(settings))
        {
            expert = await SeedExpertAsync(app, "周涛", "危险化学品", 0, null, "zhoutao@expert.example.cn", null);
            await DispatchAsync(app, Bureau, "化工园区泄漏处置", "危险化学品", [expert], TimeSpan.FromHours(4));
            await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
            var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
            jobs.Trigger(ReminderJob);
            await Task.Delay(2000);
            smtp.Messages().Should().HaveCount(1, "less than half the time to answer has passed");

            Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
            jobs.Trigger(ReminderJob);
            jobs.Trigger(ReminderJob);
            var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
            mails[1].Subject.Should().Be("调用通知答复提醒：化工园区泄漏处置");
            mails[1].To.Mailboxes.Single().Address.Should().Be("zhoutao@expert.example.cn");
            mails[1].TextBody.Should().StartWith("周涛 专家").And.Contain("https://yingji.example.gov.cn/experts/Respond?t=", "the reminder carries the signed link again, absolute");
            var reminded = await AnswerAsync(app, LinkIn(mails[1]), accept: true);
            Text(await reminded.Content.ReadAsStringAsync()).Should().Contain("已接受调用", "the reminder's link answers the same assignment");
            await Task.Delay(2000);
        }

        await using (var again = await StartAsync(Smtp(smtp)))
        {
            again.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReminderJob);
            await Task.Delay(3000);
        }

        smtp.Messages().Should().HaveCount(2, "the reminder goes out once, across restarts too");
    }

    [Fact]
    public async Task A_classified_dispatch_shows_its_content_only_to_the_organiser_and_the_invited_expert()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "林森", "网络与信息安全", 0, null, "linsen@expert.example.cn", null);
        await DispatchAsync(app, Bureau, "政务网络入侵溯源", "网络与信息安全", [expert], TimeSpan.FromHours(4), classified: true);

        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0];
        mail.Subject.Should().Be("专家调用通知（涉密）");
        mail.TextBody.Should().Contain("您有一项涉密调用，请与组织单位联系").And.NotContain("政务网络入侵溯源").And.NotContain("青山镇河口村");
        Text(await app.NewClient().GetStringAsync(new Uri(LinkIn(mail)).PathAndQuery)).Should().Contain("政务网络入侵溯源", "the invited expert sees it through the link");

        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/experts/Dispatches/Details?id=1")).Should().Contain("政务网络入侵溯源");
        var weather = await app.AsAsync(Weather);
        Text(await weather.GetStringAsync("/experts/Dispatches")).Should().NotContain("政务网络入侵溯源").And.Contain("涉密");
        Text(await weather.GetStringAsync("/experts/Dispatches/Details?id=1")).Should()
            .NotContain("政务网络入侵溯源").And.NotContain("青山镇河口村").And.Contain("本条为涉密信息，仅组织单位和受邀专家可见");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%.ExpertDispatched' AND Payload LIKE '%政务网络%'")).Should().Be(0);
    }

    [Fact]
    public async Task A_link_works_only_for_its_own_county_whatever_the_county_of_a_signed_in_visitor()
    {
        const string other = "450998";
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "黄河", "水旱灾害", 0, null, "huanghe@expert.example.cn", null);
        await DispatchAsync(app, Bureau, "青山县堤防抢险", "水旱灾害", [expert], TimeSpan.FromHours(4));
        var token = new Uri(LinkIn((await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0])).Query["?t=".Length..];

        // A second county that uses the module, with its own assignment 1.
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = other, Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "experts" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<Emergency.BuildingBlocks.Persistence.StoreCatalog>()
            .MigrateAsync(Emergency.BuildingBlocks.Persistence.StoreKey.ForCounty(other, "experts"), CancellationToken.None);
        var otherExpert = await SeedExpertAsync(app, "白石专家", "水旱灾害", 0, null, "baishi@expert.example.cn", null, county: other);
        const string otherSecret = "c2VjcmV0LW9mLWJhaXNoaQ";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(otherSecret)));
        await using (var db = app.OpenStore("experts", other))
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO Dispatches (Title, Description, Location, FieldId, StartsAtUtc, AnswerByUtc, DepartmentId, DepartmentName, Classified, CreatedBy, CreatedAtUtc)
                VALUES ('白石县山洪处置', '', '白石镇', 1, '2026-11-24 00:00:00', '2026-11-23 12:00:00', 1, '白石县应急局', 0, 'baishi', '2026-11-23 02:00:00');
                INSERT INTO DispatchAssignments (DispatchId, ExpertId, CrossDepartment, Answer, TokenHash) VALUES (1, {0}, 0, 0, {1});
                """,
                otherExpert, hash);
        }

        // This county's link with the county part changed (re-signed): the other county's assignment 1 has another hash.
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("experts.dispatch-answer");
        var payload = protector.Unprotect(token);
        payload.Should().StartWith(TestApp.County + ".");
        var moved = protector.Protect(other + payload[TestApp.County.Length..]);
        var bureau = await app.AsAsync(Bureau);
        Text(await bureau.GetStringAsync("/experts/Respond?t=" + moved)).Should().Contain("链接无效或已被篡改").And.NotContain("白石县山洪处置");

        // The other county's own link works for a visitor signed in to this county, and answers there only.
        var valid = protector.Protect($"{other}.1.{otherSecret}");
        Text(await bureau.GetStringAsync("/experts/Respond?t=" + valid)).Should().Contain("白石县山洪处置").And.Contain("白石专家");
        var accepted = await TestApp.PostFormAsync(bureau, "/experts/Respond?handler=Accept", new Dictionary<string, string> { ["t"] = valid }, tokenFrom: "/Account/ChangePassword");
        Text(await accepted.Content.ReadAsStringAsync()).Should().Contain("已接受调用");
        await using (var db = app.OpenStore("experts", other))
        {
            (await db.Database.SqlQueryRaw<int>("SELECT Answer AS Value FROM DispatchAssignments WHERE Id = 1").SingleAsync()).Should().Be(1);
        }

        (await AnswerOfAsync(app, expert)).Should().Be(0, "this county's assignment 1 is untouched");
    }
}
