using System.Globalization;
using System.Net;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>行政处罚案件: the state machine, its refusals, clocks on the 2026 calendar, 两法衔接, 委托执法 scope, 公示 and documents.</summary>
public sealed class CaseTests : EnforcementTest
{
    internal sealed record Setup(HttpClient Bureau, int Target, int Officer1, int Officer2, int Expired, int Auxiliary);

    internal static async Task<Setup> SetupAsync(TestApp app)
    {
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        var target = await AddTargetAsync(app, bureau, "青山县石门石料厂", CodeNo(1), shimen, industry: "非煤矿山", kind: "key");
        var o1 = await AddOfficerAsync(app, bureau, "李建平", "45099920001", new DateOnly(2025, 1, 1), Today.AddYears(2));
        var o2 = await AddOfficerAsync(app, bureau, "黄志强", "45099920002", new DateOnly(2025, 1, 1), Today.AddYears(2));
        var expired = await AddOfficerAsync(app, bureau, "潘国栋", "45099920005", new DateOnly(2021, 1, 1), Today.AddDays(-1));
        var auxiliary = await AddOfficerAsync(app, bureau, "陆小梅", "", null, null, auxiliary: true);
        return new Setup(bureau, target, o1, o2, expired, auxiliary);
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>立案 through the page; returns the page's text after the redirect.</summary>
    internal static async Task<string> OpenAsync(HttpClient client, int target, int officer, DateOnly discovered, string party = "青山县石门石料厂", string matter = "安全设备未经常性维护", string kind = "Unit", string facts = "边坡未设置防护，复查仍未整改", bool simple = false, long? fine = null, bool warning = false, string idNumber = "", int? inspection = null, string approver = "王局长")
    {
        var response = await TestApp.PostFormAsync(client, "/enforcement/Cases/Create", new Dictionary<string, string>
        {
            ["Input.TargetId"] = Invariant(target),
            ["Input.InspectionId"] = inspection is { } i ? Invariant(i) : "",
            ["Input.DiscoveredOn"] = Day(discovered),
            ["Input.PartyKind"] = kind,
            ["Input.PartyName"] = party,
            ["Input.PartyIdNumber"] = idNumber,
            ["Input.Matter"] = matter,
            ["Input.Facts"] = facts,
            ["Input.OfficerId"] = Invariant(officer),
            ["Input.Approver"] = approver,
            ["Input.Simple"] = simple ? "true" : "false",
            ["Input.Fine"] = fine is { } f ? f.ToString(CultureInfo.InvariantCulture) : "",
            ["Input.Warning"] = warning ? "true" : "false",
        }, tokenFrom: "/Account/ChangePassword");
        return Text(await response.Content.ReadAsStringAsync());
    }

    /// <summary>One step on a case through the page; returns the response.</summary>
    internal static Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string action, int? officer = null, string approver = "", long? fine = null, bool warning = false, bool complex = false, bool waived = false, int? extend = null, string receipt = "", string text = "") =>
        TestApp.PostFormAsync(client, $"/enforcement/Cases/Details?id={id}&handler=Step", new Dictionary<string, string>
        {
            ["Step.Action"] = action,
            ["Step.OfficerId"] = officer is { } o ? Invariant(o) : "",
            ["Step.Approver"] = approver,
            ["Step.Fine"] = fine is { } f ? f.ToString(CultureInfo.InvariantCulture) : "",
            ["Step.Warning"] = warning ? "true" : "false",
            ["Step.Complex"] = complex ? "true" : "false",
            ["Step.Waived"] = waived ? "true" : "false",
            ["Step.ExtendDays"] = extend is { } e ? Invariant(e) : "",
            ["Step.Receipt"] = receipt,
            ["Step.Text"] = text,
        }, tokenFrom: "/Account/ChangePassword");

    internal static async Task<string> StepTextAsync(HttpClient client, int id, string action, int? officer = null, string approver = "", long? fine = null, bool warning = false, bool complex = false, bool waived = false, int? extend = null, string receipt = "", string text = "") =>
        Text(await (await StepAsync(client, id, action, officer, approver, fine, warning, complex, waived, extend, receipt, text)).Content.ReadAsStringAsync());

    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();

    /// <summary>Adds evidence files (调查取证) through the page.</summary>
    internal static async Task<string> EvidenceAsync(HttpClient client, int id, int officer, byte[] content, string fileName)
    {
        var page = await client.GetStringAsync("/Account/ChangePassword");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in new[] { ("__RequestVerificationToken", token), ("Step.Action", "Evidence"), ("Step.OfficerId", Invariant(officer)), ("Step.Text", "现场照片、询问笔录") })
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(content), "Files", fileName);
        return Text(await (await client.PostAsync($"/enforcement/Cases/Details?id={id}&handler=Step", form)).Content.ReadAsStringAsync());
    }

    internal static Task<int> LastCaseAsync(TestApp app) => CountAsync(app, "SELECT MAX(Id) AS Value FROM Cases");

    private static Task<int> StateAsync(TestApp app, int id) => CountAsync(app, $"SELECT State AS Value FROM Cases WHERE Id = {id}");

    private static Task<int> StepsAsync(TestApp app, int id) => CountAsync(app, $"SELECT COUNT(*) AS Value FROM CaseSteps WHERE CaseId = {id}");

    private static Task<int> EventsAsync(TestApp app, string type) => CountAsync(app, $"SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%{type}%'");

    /// <summary>Opens a case and takes it to 调查终结 (one PDF of evidence).</summary>
    internal static async Task<int> InvestigatedAsync(TestApp app, Setup s, string party = "青山县石门石料厂", string kind = "Unit", string facts = "边坡未设置防护，复查仍未整改")
    {
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, Today, party: party, kind: kind, facts: facts)).Should().Contain("已立案：青山县石门石料厂");
        var id = await LastCaseAsync(app);
        (await EvidenceAsync(s.Bureau, id, s.Officer1, Pdf, "询问笔录.pdf")).Should().Contain("已办理“调查取证”");
        (await StepTextAsync(s.Bureau, id, "Investigate", s.Officer1)).Should().Contain("已办理“调查终结”");
        return id;
    }

    [Fact]
    public async Task A_major_case_runs_from_filing_to_closing_and_a_decision_before_legal_review_is_refused()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        var id = await InvestigatedAsync(app, s);
        (await ScalarAsync(app, $"SELECT FilingNumber AS Value FROM Cases WHERE Id = {id}")).Should().Be("青山县应急立〔2026〕1号");

        // 150,000 元 on a unit reaches the hearing threshold (10万): hearing right, major decision.
        var notified = await StepTextAsync(s.Bureau, id, "Notify", s.Officer1, fine: 150000);
        notified.Should().Contain("已办理“告知”").And.Contain("陈述申辩期限至 2026-11-30").And.Contain("当事人有权要求听证");
        (await ScalarAsync(app, $"SELECT HearingNoticeNumber AS Value FROM Cases WHERE Id = {id}")).Should().Be("青山县应急听告〔2026〕1号");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}&print=hearing")).Should().Contain("行政处罚听证告知书").And.Contain("罚款 150,000 元");

        var steps = await StepsAsync(app, id);
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 150000, waived: true)).Should().Contain("重大执法决定须先经法制审核，审核通过前不得作出决定");
        (await StateAsync(app, id)).Should().Be(3, "the refused decision changed nothing");
        (await StepsAsync(app, id)).Should().Be(steps);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM DocumentCounters WHERE Kind = '罚'")).Should().Be(0);

        (await StepTextAsync(s.Bureau, id, "Review", approver: "法制科 覃敏")).Should().Contain("已办理“法制审核”");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 150000, waived: true)).Should().Contain("重大执法决定须经负责人集体讨论后作出");
        (await StepTextAsync(s.Bureau, id, "Discuss", approver: "王局长")).Should().Contain("已办理“集体讨论”");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 150000)).Should().Contain("陈述申辩期限至 2026-11-30 届满，期满前不得作出决定");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 200000, waived: true)).Should().Contain("决定罚款不得高于告知的拟处罚款（150000 元）");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 120000, waived: true)).Should().Contain("已办理“处罚决定”");
        (await StepTextAsync(s.Bureau, id, "Serve", s.Officer2)).Should().Contain("已办理“送达”");
        (await StepTextAsync(s.Bureau, id, "Publish", s.Officer1)).Should().Contain("已办理“公示”");
        (await StepTextAsync(s.Bureau, id, "Execute", s.Officer1)).Should().Contain("已办理“执行”");
        (await StepTextAsync(s.Bureau, id, "Close", approver: "")).Should().Contain("请填写审批人");
        (await StepTextAsync(s.Bureau, id, "Close", approver: "王局长")).Should().Contain("已办理“结案”").And.Contain("已结案");

        var page = Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}"));
        foreach (var step in new[] { "立案", "调查取证", "调查终结", "告知", "法制审核", "集体讨论", "处罚决定", "送达", "公示", "执行", "结案" })
        {
            page.Should().Contain(step);
        }

        page.Should().Contain("询问笔录.pdf").And.Contain("法制科 覃敏").And.Contain("李建平").And.Contain("黄志强");
        var decision = Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}&print=decision"));
        decision.Should().Contain("行政处罚决定书").And.Contain("青山县应急罚〔2026〕1号").And.Contain("罚款 120,000 元").And.Contain("15 日内缴纳罚款");
        foreach (var (print, title, number) in new[] { ("filing", "立案审批表", "立"), ("notice", "行政处罚告知书", "告"), ("service", "送达回证", "送"), ("closing", "结案审批表", "结") })
        {
            Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}&print={print}")).Should().Contain(title).And.Contain($"青山县应急{number}〔2026〕1号");
        }

        (await s.Bureau.GetAsync($"/enforcement/Cases/Details?id={id}&print=transfer")).StatusCode.Should().Be(HttpStatusCode.NotFound, "not transferred: no 移送书");
        (await EventsAsync(app, "CaseOpened")).Should().Be(1);
        (await EventsAsync(app, "PenaltyDecided")).Should().Be(1);
        (await EventsAsync(app, "CaseClosed")).Should().Be(1);
    }

    [Fact]
    public async Task A_skipped_step_is_refused_with_the_next_step_named_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, Today)).Should().Contain("已立案");
        var id = await LastCaseAsync(app);
        var steps = await StepsAsync(app, id);

        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 1000, waived: true)).Should()
            .Contain("案件当前为“已立案（调查取证）”，不能进行“处罚决定”；下一步应为：调查取证、调查终结");
        (await StepTextAsync(s.Bureau, id, "Close", approver: "王局长")).Should().Contain("不能进行“结案”");
        (await StepTextAsync(s.Bureau, id, "Investigate", s.Officer1)).Should().Contain("尚未收集任何证据材料，不能调查终结");
        (await EvidenceAsync(s.Bureau, id, s.Officer1, "not a photo"u8.ToArray(), "现场.jpg")).Should().Contain("文件“现场.jpg”不是照片（JPEG、PNG、WebP）、PDF 或 Word（.docx）文件");
        (await StateAsync(app, id)).Should().Be(1);
        (await StepsAsync(app, id)).Should().Be(steps);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM CaseFiles")).Should().Be(0);
    }

    [Fact]
    public async Task An_auxiliary_or_an_expired_certificate_cannot_decide_or_sign()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        (await OpenAsync(s.Bureau, s.Target, s.Auxiliary, Today)).Should().Contain("陆小梅 是协管人员，不能签署执法文书或作出处罚决定");
        (await OpenAsync(s.Bureau, s.Target, s.Expired, Today)).Should().Contain("潘国栋 的执法证在 2026-11-23 不在有效期内，不能签署执法文书或作出处罚决定");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Cases")).Should().Be(0);

        var id = await InvestigatedAsync(app, s);
        (await StepTextAsync(s.Bureau, id, "Notify", s.Officer1, fine: 5000)).Should().Contain("已办理“告知”");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Auxiliary, fine: 5000, waived: true)).Should().Contain("陆小梅 是协管人员，不能签署执法文书或作出处罚决定");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Expired, fine: 5000, waived: true)).Should().Contain("潘国栋 的执法证在 2026-11-23 不在有效期内");
        (await StateAsync(app, id)).Should().Be(3);
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer2, fine: 5000, waived: true)).Should().Contain("已办理“处罚决定”", "not major: no 法制审核 needed");
    }

    [Fact]
    public async Task Filing_is_due_five_working_days_after_discovery_across_national_day_and_a_late_filing_is_recorded()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);

        // Found Wed 2026-09-30. 10-1…10-7 off; 10-8 (1), 10-9 (2), 10-10 Sat make-up (3), 10-12 (4), 10-13 (5).
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, new DateOnly(2026, 9, 30))).Should().Contain("已立案");
        var id = await LastCaseAsync(app);
        (await ScalarAsync(app, $"SELECT FilingDue AS Value FROM Cases WHERE Id = {id}")).Should().Be("2026-10-13");
        (await ScalarAsync(app, $"SELECT MissedClock AS Value FROM CaseSteps WHERE CaseId = {id} AND MissedClock IS NOT NULL")).Should().Be("filing@2026-10-13 23:59");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("立案期限（2026-10-13 23:59）已届满，未按期完成");
        (await EventsAsync(app, "CaseClockMissed")).Should().Be(1);

        // The decision is due 90 calendar days after 立案: 2027-02-21 is a Sunday → Monday 2027-02-22 (2027 not loaded).
        (await ScalarAsync(app, $"SELECT DecisionDue AS Value FROM Cases WHERE Id = {id}")).Should().Be("2027-02-22");
        var page = Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}"));
        page.Should().Contain("作出处罚决定期限 2027-02-22（还剩 91 天）").And.Contain("2027 （该年度节假日安排未载入，按周一至周五计算）");
        Text(await s.Bureau.GetStringAsync("/enforcement/Cases")).Should().Contain("作出处罚决定期限 2027-02-22（还剩 91 天）");

        // Extension with approval: 120 days from 立案 → 2027-03-23; a second one only to 180.
        (await StepTextAsync(s.Bureau, id, "Extend", approver: "王局长", extend: 180, text: "案情复杂")).Should().Contain("本次只能延长至立案之日起 120 日");
        (await StepTextAsync(s.Bureau, id, "Extend", approver: "王局长", extend: 120, text: "案情复杂，需技术鉴定")).Should().Contain("已办理“延长办案期限”");
        (await ScalarAsync(app, $"SELECT DecisionDue AS Value FROM Cases WHERE Id = {id}")).Should().Be("2027-03-23");
    }

    [Fact]
    public async Task A_missed_decision_clock_is_recorded_by_the_daily_job_once_and_published()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, Today)).Should().Contain("已立案");
        var id = await LastCaseAsync(app);

        Clock.Advance(TimeSpan.FromDays(92)); // 2027-02-23, past 2027-02-22
        Trigger(app);
        await Eventually.WaitAsync(() => EventsAsync(app, "CaseClockMissed"), n => n == 1);
        Trigger(app);
        await Task.Delay(2000);
        (await EventsAsync(app, "CaseClockMissed")).Should().Be(1, "recorded once");
        (await ScalarAsync(app, $"SELECT DecisionDue AS Value FROM Cases WHERE Id = {id}")).Should().Be("2027-02-22", "never moved");
        // (92 days on, the account must change its password first: read the record from the store.)
        (await ScalarAsync(app, $"SELECT Text AS Value FROM CaseSteps WHERE CaseId = {id} AND MissedClock IS NOT NULL")).Should().Be("作出处罚决定期限（2027-02-22 23:59）已届满，未按期完成");
    }

    [Fact]
    public async Task The_late_fee_is_three_per_cent_a_day_after_the_payment_date_and_never_more_than_the_fine()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);

        // 简易程序 on site: 200 元 on an individual is the limit; 201 is refused.
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, Today, party: "周大海", kind: "Individual", matter: "未履行安全生产管理职责", simple: true, fine: 201)).Should()
            .Contain("简易程序罚款不得超过 200 元（个人），请按一般程序立案");
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, Today, party: "周大海", kind: "Individual", matter: "未履行安全生产管理职责", simple: true, fine: 200)).Should()
            .Contain("已当场作出处罚决定：青山县石门石料厂（青山县应急罚〔2026〕1号）");
        var id = await LastCaseAsync(app);
        (await ScalarAsync(app, $"SELECT PaymentDue AS Value FROM Cases WHERE Id = {id}")).Should().Be("2026-12-08", "15 days after service on site");

        Clock.Advance(TimeSpan.FromDays(20)); // 12-13: 5 days late → 200 × 3% × 5 = 30
        var bureau = await app.SignInAsync(Bureau);
        Text(await bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("加处罚款： 30 元");
        Clock.Advance(TimeSpan.FromDays(30)); // 2027-01-12: 35 days late → 210, capped at 200
        bureau = await app.SignInAsync(Bureau);
        Text(await bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("加处罚款： 200 元");
        (await StepTextAsync(bureau, id, "Execute", s.Officer1)).Should().Contain("已办理“执行”");
        (await CountAsync(app, $"SELECT LateFee AS Value FROM Cases WHERE Id = {id}")).Should().Be(200);
        (await StepTextAsync(bureau, id, "Close", approver: "王局长")).Should().Contain("已结案");
    }

    [Fact]
    public async Task A_suspected_crime_cannot_be_closed_by_a_fine_and_is_transferred_with_the_receipt()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        var id = await InvestigatedAsync(app, s);
        (await StepTextAsync(s.Bureau, id, "Notify", s.Officer1, fine: 30000)).Should().Contain("已办理“告知”");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 30000, waived: true)).Should().Contain("已办理“处罚决定”");
        (await StepTextAsync(s.Bureau, id, "Serve", s.Officer1)).Should().Contain("已办理“送达”");
        (await StepTextAsync(s.Bureau, id, "Execute", s.Officer1)).Should().Contain("已办理“执行”");
        (await StepTextAsync(s.Bureau, id, "Transfer", s.Officer1, receipt: "x")).Should().Contain("本案未认定涉嫌犯罪，不能移送公安机关");
        (await StepTextAsync(s.Bureau, id, "MarkCrime", s.Officer1, text: "无证爆破作业，涉嫌重大责任事故罪")).Should().Contain("已办理“认定涉嫌犯罪”");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("移送审批期限 2026-11-26（还剩 3 天）");

        (await StepTextAsync(s.Bureau, id, "Close", approver: "王局长")).Should().Contain("本案涉嫌犯罪，须依法移送公安机关，不能以罚款代替移送而结案");
        (await StateAsync(app, id)).Should().Be(8);
        (await StepTextAsync(s.Bureau, id, "Transfer", s.Officer1, receipt: "青公刑接〔2026〕18号")).Should().Contain("移送须先经批准");
        (await StepTextAsync(s.Bureau, id, "ApproveTransfer", approver: "王局长")).Should().Contain("已办理“批准移送”");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("移送公安机关期限 2026-11-24 10:00（还剩 1 天）");
        (await StepTextAsync(s.Bureau, id, "Transfer", s.Officer1, receipt: "")).Should().Contain("请填写公安机关接收回执");
        (await StepTextAsync(s.Bureau, id, "Transfer", s.Officer1, receipt: "青公刑接〔2026〕18号，接收人 莫警官")).Should().Contain("已移送公安机关");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}&print=transfer")).Should()
            .Contain("涉嫌犯罪案件移送书").And.Contain("青山县应急移〔2026〕1号").And.Contain("青公刑接〔2026〕18号").And.Contain("涉嫌重大责任事故罪");
        (await EventsAsync(app, "CaseTransferred")).Should().Be(1);
        (await StepTextAsync(s.Bureau, id, "Close", approver: "王局长")).Should().Contain("已结案");
    }

    [Fact]
    public async Task A_township_outside_the_entrusted_matters_is_refused_and_the_file_goes_to_the_county()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var target = await AddTargetAsync(app, bureau, "青山镇河口竹木加工厂", CodeNo(2), qingshan, jurisdiction: "township");
        var township = await app.AsAsync(Township);
        var w1 = await AddOfficerAsync(app, township, "韦志刚", "45099930101", Today.AddYears(-1), Today.AddYears(2), unit: Invariant(qingshan));

        // Within the scope (seed 002: penalties on principals failing their safety duties): the township opens it.
        (await OpenAsync(township, target, w1, Today, party: "覃某某", kind: "Individual", matter: "生产经营单位主要负责人未履行安全生产管理职责")).Should().Contain("已立案：青山镇河口竹木加工厂");
        var own = await LastCaseAsync(app);
        (await ScalarAsync(app, $"SELECT UnitName AS Value FROM Cases WHERE Id = {own}")).Should().Be("青山镇");

        // Outside: refused for the township, referred to the county with the file; the county opens it.
        var referred = await OpenAsync(township, target, w1, new DateOnly(2026, 11, 20), matter: "未按规定设置安全警示标志");
        referred.Should().Contain("“未按规定设置安全警示标志”不在委托乡镇执法事项范围内，乡镇不能立案；已连同案卷移送县应急管理局");
        var id = await LastCaseAsync(app);
        (await ScalarAsync(app, $"SELECT UnitName AS Value FROM Cases WHERE Id = {id}")).Should().Be("县应急管理局");
        (await StateAsync(app, id)).Should().Be(0);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM DocumentCounters WHERE Kind = '立'")).Should().Be(1, "the referral takes no number");
        Text(await township.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("移送县局").And.Contain("立案期限 2026-11-27（还剩 4 天）");
        (await StepAsync(township, id, "File", w1, approver: "x")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the county opens it");

        var o1 = await AddOfficerAsync(app, bureau, "李建平", "45099920001", new DateOnly(2025, 1, 1), Today.AddYears(2));
        (await StepTextAsync(bureau, id, "File", o1, approver: "王局长")).Should().Contain("已办理“立案”");
        (await ScalarAsync(app, $"SELECT FilingNumber AS Value FROM Cases WHERE Id = {id}")).Should().Be("青山县应急立〔2026〕2号");
    }

    [Fact]
    public async Task Case_clocks_are_noticed_once_before_they_run_out_and_a_missed_one_is_on_the_to_do_list()
    {
        await using var smtp = await Emergency.TestSupport.SmtpTestServer.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var target = await AddTargetAsync(app, bureau, "青山镇河口竹木加工厂", CodeNo(2), qingshan, jurisdiction: "township");
        var township = await app.AsAsync(Township);
        var w1 = await AddOfficerAsync(app, township, "韦志刚", "45099930101", Today.AddYears(-1), Today.AddYears(2), unit: Invariant(qingshan));
        (await OpenAsync(township, target, w1, new DateOnly(2026, 11, 20), matter: "未按规定设置安全警示标志")).Should().Contain("移送县应急管理局");
        var id = await LastCaseAsync(app);

        Trigger(app);
        await Task.Delay(1500);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'case:%'")).Should().Be(0, "11-27 is beyond the 3-day lead");

        Clock.Advance(TimeSpan.FromDays(1)); // 11-24
        Trigger(app);
        var mails = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        mails.Should().ContainSingle(m => m.Subject == "案件立案期限即将届满：青山镇河口竹木加工厂（2026-11-27 23:59）");
        Text(await (await app.SignInAsync(Bureau)).GetStringAsync("/")).Should().Contain("青山镇河口竹木加工厂 案立案期限即将届满：2026-11-27 23:59");
        Trigger(app);
        await Task.Delay(2500);
        smtp.Messages().Count(m => (m.Subject ?? "").StartsWith("案件", StringComparison.Ordinal)).Should().Be(1, "once per clock and due date");

        Clock.Advance(TimeSpan.FromDays(4)); // 11-28: missed
        Trigger(app);
        await Eventually.WaitAsync(() => EventsAsync(app, "CaseClockMissed"), n => n == 1);
        (await ScalarAsync(app, $"SELECT MissedClock AS Value FROM CaseSteps WHERE CaseId = {id} AND MissedClock IS NOT NULL")).Should().Be("filing@2026-11-27 23:59");
        Text(await (await app.SignInAsync(Bureau)).GetStringAsync("/")).Should().Contain("青山镇河口竹木加工厂 案立案期限已逾期：2026-11-27 23:59");
    }

    [Fact]
    public async Task Document_numbers_stay_gap_free_with_eight_concurrent_case_writers()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await app.SignInAsync(Bureau));
        }

        var pages = await Task.WhenAll(clients.Select((c, i) => OpenAsync(c, s.Target, s.Officer1, Today, facts: $"问题{i}")));
        pages.Should().OnlyContain(p => p.Contains("已立案", StringComparison.Ordinal));
        await using var db = app.OpenStore("enforcement");
        var numbers = await db.Database.SqlQueryRaw<string>("SELECT FilingNumber AS Value FROM Cases").ToListAsync();
        numbers.Should().BeEquivalentTo(Enumerable.Range(1, 8).Select(n => $"青山县应急立〔2026〕{n}号"));
        (await CountAsync(app, "SELECT Last AS Value FROM DocumentCounters WHERE Kind = '立' AND Year = 2026")).Should().Be(8);
    }

    [Fact]
    public async Task The_public_page_shows_published_decisions_with_personal_data_masked_and_nothing_else()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        var id = await InvestigatedAsync(app, s, party: "周大海", kind: "Individual", facts: "周大海（身份证号 450999198001011234，手机 13807710001）未组织安全培训");
        (await StepTextAsync(s.Bureau, id, "Notify", s.Officer1, fine: 8000)).Should().Contain("已办理“告知”");
        (await StepTextAsync(s.Bureau, id, "Decide", s.Officer1, fine: 8000, waived: true)).Should().Contain("已办理“处罚决定”");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("处罚决定公示期限 2026-12-02（还剩 9 天）");

        var visitor = app.NewClient();
        Text(await visitor.GetStringAsync("/enforcement/Public/" + TestApp.County)).Should().Contain("暂无公示的处罚决定", "not yet published");
        (await StepTextAsync(s.Bureau, id, "Publish", s.Officer1)).Should().Contain("已办理“公示”");
        var page = Text(await visitor.GetStringAsync("/enforcement/Public/" + TestApp.County));
        page.Should().Contain("青山县应急罚〔2026〕1号").And.Contain("周某").And.Contain("450999********1234").And.Contain("138****0001").And.Contain("罚款 8,000 元");
        page.Should().NotContain("周大海").And.NotContain("450999198001011234").And.NotContain("13807710001").And.NotContain("李建平").And.NotContain("青山县应急立");
    }

    [Fact]
    public async Task Another_countys_case_is_not_found_and_a_leader_only_reads()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, Today)).Should().Contain("已立案");
        var id = await LastCaseAsync(app);

        var leader = await app.AsAsync(Leader);
        Text(await leader.GetStringAsync($"/enforcement/Cases/Details?id={id}")).Should().Contain("青山县石门石料厂").And.NotContain("办理下一步");
        (await StepAsync(leader, id, "Evidence", s.Officer1)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await leader.GetAsync("/enforcement/Cases/Create")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.AsAsync(Township)).GetAsync($"/enforcement/Cases/Details?id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a township does not see the county's case");

        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "enforcement" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(StoreKey.ForCounty("450998", "enforcement"), CancellationToken.None);
        await using (var db = app.OpenStore("enforcement", "450998"))
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO Cases (Id, UnitName, TargetId, TargetName, PartyKind, PartyName, Matter, Facts, Simple, State, DiscoveredOn, FilingDue, LeadOfficerName, ProposedFine, Warning, HearingRight, Major, DecisionDays, Fine, LateFee, SuspectedCrime, CreatedBy, CreatedAtUtc) VALUES (9001, '白石县应急管理局', 1, '白石县某化工厂', 0, '白石县某化工厂', 'x', 'x', 0, 1, '2026-11-01', '2026-11-06', '甲', 0, 0, 0, 0, 90, 0, 0, 0, 'x', '2026-11-01 00:00:00')");
        }

        (await s.Bureau.GetAsync("/enforcement/Cases/Details?id=9001")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text(await s.Bureau.GetStringAsync("/enforcement/Cases")).Should().NotContain("白石县某化工厂");
    }

    [Fact]
    public async Task A_failed_recheck_is_on_the_units_to_do_list_until_a_case_is_opened_from_it()
    {
        await using var app = await StartAsync();
        var s = await SetupAsync(app);
        Text(await InspectionTests.InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], new DateOnly(2026, 11, 10), "可燃气体报警器失效", new DateOnly(2026, 11, 17))).Should().Contain("责令限期整改");
        var inspection = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Inspections");
        (await TestApp.PostFormAsync(s.Bureau, $"/enforcement/Inspections/Details?id={inspection}&handler=Recheck", new Dictionary<string, string>
        {
            ["Recheck.Date"] = "2026-11-20",
            ["Recheck.Passed"] = "false",
            ["Recheck.Notes"] = "报警器仍未更换",
        }, tokenFrom: "/enforcement/Inspections/Create")).StatusCode.Should().Be(HttpStatusCode.OK);

        // Found Fri 11-20: 11-23 … 11-27 are the five working days.
        Text(await (await app.SignInAsync(Bureau)).GetStringAsync("/")).Should().Contain("青山县石门石料厂 复查不合格，待立案：应于 2026-11-27 前立案（青山县应急复查〔2026〕1号）");
        Text(await s.Bureau.GetStringAsync($"/enforcement/Cases/Create?inspectionId={inspection}")).Should().Contain("报警器仍未更换");
        (await OpenAsync(s.Bureau, s.Target, s.Officer1, new DateOnly(2026, 11, 20), inspection: inspection)).Should().Contain("已立案");
        (await ScalarAsync(app, "SELECT FilingDue AS Value FROM Cases")).Should().Be("2026-11-27");
        Text(await (await app.SignInAsync(Bureau)).GetStringAsync("/")).Should().NotContain("待立案");
    }

    private static void Trigger(TestApp app) =>
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("enforcement:case-clocks");
}
