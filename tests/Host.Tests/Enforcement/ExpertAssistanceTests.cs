using System.Net;
using Emergency.Host.Tests.Experts;
using Emergency.TestSupport;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>
/// 执法+专家 end to end over HTTP with real SMTP: an inspection asks for experts (ExpertAssistanceRequested), the request
/// lands on the bureau's Experts 我的待办, the bureau dispatches from it, the experts answer through their mailed links
/// (ExpertAssistanceAnswered), the inspection page shows who accepted, and the officer's 参与 is counted by Experts
/// (ExpertParticipationRecorded).
/// </summary>
public sealed class ExpertAssistanceTests : EnforcementTest
{
    private static Task<HttpResponseMessage> AskAsync(HttpClient client, int inspection, string fields, string count, string startsAt, string location = "石门乡石料厂炸药库", string reason = "炸药库储存条件需专家判定") =>
        TestApp.PostFormAsync(client, $"/enforcement/Inspections/Details?id={inspection}&handler=Expert", new Dictionary<string, string>
        {
            ["Expert.Fields"] = fields,
            ["Expert.Count"] = count,
            ["Expert.StartsAt"] = startsAt,
            ["Expert.Location"] = location,
            ["Expert.Reason"] = reason,
        }, tokenFrom: "/Account/ChangePassword");

    private static Task<HttpResponseMessage> ParticipateAsync(HttpClient client, int inspection, int helper, string date, string note = "参与储罐区检查，出具专家意见") =>
        TestApp.PostFormAsync(client, $"/enforcement/Inspections/Details?id={inspection}&handler=Participation", new Dictionary<string, string>
        {
            ["Participation.HelperId"] = Invariant(helper),
            ["Participation.Date"] = date,
            ["Participation.Note"] = note,
        }, tokenFrom: "/Account/ChangePassword");

    private static Task<HttpResponseMessage> AnswerAsync(TestApp app, string link, bool accept, string reason = "") =>
        TestApp.PostFormAsync(
            app.NewClient(),
            "/experts/Respond?handler=" + (accept ? "Accept" : "Decline"),
            new Dictionary<string, string> { ["t"] = new Uri(link).Query["?t=".Length..], ["Reason"] = reason },
            tokenFrom: "/Account/Login");

    private static Task<int> ExpertsCountAsync(TestApp app, string sql) => CountAsync(app, "experts", sql);

    [Fact]
    public async Task An_inspection_asks_for_experts_the_bureau_dispatches_them_and_the_recorded_participation_is_counted()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(ExpertSeed.Smtp(smtp));
        var s = await CaseTests.SetupAsync(app);
        var meng = await ExpertSeed.SeedExpertAsync(app, "蒙化安", "危险化学品", 0, null, "menghuaan@expert.example.cn", null);
        var qin = await ExpertSeed.SeedExpertAsync(app, "覃爆安", "危险化学品", 0, null, "qinbaoan@expert.example.cn", null);
        Text(await InspectionTests.InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], Today, "炸药库温湿度记录缺失", Today.AddDays(7)))
            .Should().Contain("已记录现场检查");
        var inspection = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Inspections");

        // Bad input: each refusal beside its field, nothing written, nothing published.
        var bad = await (await AskAsync(s.Bureau, inspection, "", "9", "2026-11-22T09:00", location: "", reason: "")).Content.ReadAsStringAsync();
        bad.Should().MatchRegex("data-valmsg-for=\"Expert.Fields\"[^>]*>请填写所需专家领域")
            .And.MatchRegex("data-valmsg-for=\"Expert.Count\"[^>]*>每次请求专家不超过 5 名<")
            .And.MatchRegex("data-valmsg-for=\"Expert.StartsAt\"[^>]*>到场时间必须晚于当前时间<")
            .And.MatchRegex("data-valmsg-for=\"Expert.Location\"[^>]*>请填写地点<")
            .And.MatchRegex("data-valmsg-for=\"Expert.Reason\"[^>]*>请填写请求专家协助的理由<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM ExpertRequests")).Should().Be(0);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%ExpertAssistanceRequested'")).Should().Be(0);

        // A township cannot ask on the county bureau's inspection: it does not even see it.
        var township = await app.AsAsync(Township);
        (await township.GetAsync($"/enforcement/Inspections/Details?id={inspection}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var asked = Text(await (await AskAsync(s.Bureau, inspection, "危险化学品", "2", "2026-11-23T14:00")).Content.ReadAsStringAsync());
        asked.Should().Contain("已向专家库请求 危险化学品 领域专家 2 名，待县应急管理局选派").And.Contain("已提交专家库");

        // Experts keeps it and puts it on the bureau's 我的待办 (Experts has no rule that picks experts by itself).
        (await Eventually.WaitAsync(() => ExpertsCountAsync(app, "SELECT COUNT(*) AS Value FROM AssistanceRequests"), n => n == 1)).Should().Be(1);
        var home = Text(await s.Bureau.GetStringAsync("/"));
        home.Should().Contain("县应急管理局请求 危险化学品 领域专家 2 名协助检查青山县石门石料厂：选派专家");
        var request = await ExpertsCountAsync(app, "SELECT Id AS Value FROM AssistanceRequests");
        var form = Text(await s.Bureau.GetStringAsync($"/experts/Dispatches/Create?request={request}"));
        form.Should().Contain("执法检查专家协助请求").And.Contain("炸药库储存条件需专家判定").And.Contain("蒙化安").And.Contain("覃爆安");

        var dispatch = new Dictionary<string, string>
        {
            ["Input.RequestId"] = Invariant(request),
            ["Input.Title"] = "执法检查专家协助：青山县石门石料厂（县应急管理局）",
            ["Input.Description"] = "炸药库储存条件需专家判定",
            ["Input.Location"] = "石门乡石料厂炸药库",
            ["Input.FieldId"] = Invariant(await ExpertSeed.FieldIdAsync(app, "危险化学品")),
            ["Input.StartsAt"] = "2026-11-23T14:00",
            ["Input.AnswerBy"] = "2026-11-23T12:00",
            ["Input.ExpertIds[0]"] = Invariant(meng),
            ["Input.ExpertIds[1]"] = Invariant(qin),
        };
        Text(await (await TestApp.PostFormAsync(s.Bureau, "/experts/Dispatches/Create", dispatch)).Content.ReadAsStringAsync())
            .Should().Contain("已发出调用通知，通知专家 2 名");
        Text(await (await TestApp.PostFormAsync(s.Bureau, "/experts/Dispatches/Create", dispatch)).Content.ReadAsStringAsync())
            .Should().Contain("该专家协助请求已发出调用通知，不能重复调用");
        (await ExpertsCountAsync(app, "SELECT COUNT(*) AS Value FROM Dispatches")).Should().Be(1);
        Text(await s.Bureau.GetStringAsync("/")).Should().NotContain("协助检查青山县石门石料厂：选派专家");

        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
        var mengLink = ExpertSeed.LinkIn(mails.Single(m => m.To.Mailboxes.Single().Address == "menghuaan@expert.example.cn"));
        var qinLink = ExpertSeed.LinkIn(mails.Single(m => m.To.Mailboxes.Single().Address == "qinbaoan@expert.example.cn"));
        Text(await (await AnswerAsync(app, mengLink, accept: true)).Content.ReadAsStringAsync()).Should().Contain("已接受调用");
        Text(await (await AnswerAsync(app, qinLink, accept: false, reason: "当日在外地评审")).Content.ReadAsStringAsync()).Should().Contain("已谢绝调用");
        (await ExpertsCountAsync(app, $"SELECT ParticipationCount AS Value FROM Experts WHERE Id = {meng}")).Should().Be(0, "an assistance dispatch counts once the officer records the participation");

        // Enforcement keeps a local copy of the answers and shows them on the inspection.
        (await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM ExpertHelpers"), n => n == 2)).Should().Be(2);
        var page = Text(await s.Bureau.GetStringAsync($"/enforcement/Inspections/Details?id={inspection}"));
        page.Should().Contain("蒙化安").And.Contain("接受").And.Contain("覃爆安").And.Contain("谢绝（当日在外地评审）");

        var mengHelper = await CountAsync(app, $"SELECT Id AS Value FROM ExpertHelpers WHERE ExpertId = {meng}");
        var qinHelper = await CountAsync(app, $"SELECT Id AS Value FROM ExpertHelpers WHERE ExpertId = {qin}");
        (await (await ParticipateAsync(s.Bureau, inspection, qinHelper, "2026-11-23")).Content.ReadAsStringAsync())
            .Should().MatchRegex("data-valmsg-for=\"Participation.HelperId\"[^>]*>覃爆安 已谢绝调用，不能登记参与<");
        (await (await ParticipateAsync(s.Bureau, inspection, mengHelper, "2026-11-24")).Content.ReadAsStringAsync())
            .Should().MatchRegex("data-valmsg-for=\"Participation.Date\"[^>]*>参与日期不能晚于今天<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM ExpertHelpers WHERE ParticipatedOn IS NOT NULL")).Should().Be(0);

        Text(await (await ParticipateAsync(s.Bureau, inspection, mengHelper, "2026-11-23")).Content.ReadAsStringAsync())
            .Should().Contain("已登记 蒙化安 参与检查，专家库将计入其履职记录").And.Contain("已参与 2026-11-23");
        (await (await ParticipateAsync(s.Bureau, inspection, mengHelper, "2026-11-23")).Content.ReadAsStringAsync())
            .Should().MatchRegex("data-valmsg-for=\"Participation.HelperId\"[^>]*>已登记 蒙化安 的参与，不能重复登记<");

        (await Eventually.WaitAsync(() => ExpertsCountAsync(app, $"SELECT ParticipationCount AS Value FROM Experts WHERE Id = {meng}"), n => n == 1)).Should().Be(1);
        (await ExpertsCountAsync(app, $"SELECT COUNT(*) AS Value FROM Participations WHERE ExpertId = {meng} AND Kind = 3")).Should().Be(1, "counted as 执法检查");
        (await ExpertsCountAsync(app, $"SELECT ParticipationCount AS Value FROM Experts WHERE Id = {qin}")).Should().Be(0);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%ExpertParticipationRecorded'")).Should().Be(1);
    }
}
