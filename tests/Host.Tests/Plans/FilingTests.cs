using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>
/// Filing (备案, 应急管理部令第2号): due 20 working days after issue on the official calendar; 补正 then resubmission then
/// 登记; deemed filed after 5 working days of silence, once; a filing past due on the owner's 我的待办 and noticed once.
/// </summary>
public sealed class FilingTests : PlansTest
{
    private static async Task<List<JsonElement>> EventsAsync(TestApp app, string type)
    {
        await using var store = app.OpenStore("plans");
        var payloads = await store.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(type)).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonDocument.Parse(p).RootElement).ToList();
    }

    [Fact]
    public async Task A_plan_issued_on_6_February_2026_is_due_for_filing_on_12_March_across_the_Spring_Festival()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 2, 6));

        // 20 working days after Friday 2026-02-06 (the day itself not counted), on the State Council's 2026 schedule:
        // 2-9…2-13 (1-5), Saturday 2-14 worked for 春节 (6), 2-15…2-23 off, 2-24…2-27 (7-10), Saturday 2-28 worked (11),
        // 3-2…3-6 (12-16), 3-9…3-12 (17-20): due Thursday 2026-03-12 (Monday–Friday only would give 2026-03-06).
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Filings WHERE PlanId = {id} AND DueOn = '2026-03-12' AND DueFallback = 0 AND State = 0")).Should().Be(1);
        Text(await (await app.AsAsync(Township)).GetStringAsync($"/plans/Details?id={id}")).Should().Contain("备案期限 2026-03-12").And.Contain("受理单位 应急管理局");

        var issued = (await EventsAsync(app, "PlanIssued")).Should().ContainSingle().Subject;
        issued.GetProperty("planId").GetInt32().Should().Be(id);
        issued.GetProperty("issuedOn").GetString().Should().Be("2026-02-06");
        issued.GetProperty("version").GetInt32().Should().Be(1);
        issued.GetProperty("type").GetString().Should().Be("TownshipManual");
        issued.GetProperty("townshipId").GetInt32().Should().Be(await TownshipIdAsync(app, "青山镇"));
    }

    [Fact]
    public async Task A_filing_returned_for_correction_is_resubmitted_and_then_registered()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 11, 20));
        var township = await app.AsAsync(Township);
        var bureau = await app.AsAsync(Bureau);
        (await ActAsync(bureau, id, "Submit")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the owner submits, not the receiver on its behalf");
        Text(await (await ActAsync(township, id, "Submit")).Content.ReadAsStringAsync()).Should().Contain("已报送备案：应急管理局");
        (await (await ActAsync(township, id, "Register")).Content.ReadAsStringAsync()).Should().NotContain("已登记备案");
        (await CountAsync(app, $"SELECT State AS Value FROM Filings WHERE PlanId = {id}")).Should().Be(1, "the owner cannot register its own filing");

        Text(await (await ActAsync(bureau, id, "Correct", new() { ["Correction.Items"] = "  " })).Content.ReadAsStringAsync()).Should().Contain("请一次性列明需要补正的全部内容");
        Text(await (await ActAsync(bureau, id, "Correct", new() { ["Correction.Items"] = "缺少风险评估报告\n\n缺少应急资源调查报告" })).Content.ReadAsStringAsync()).Should().Contain("已发出补正通知");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Filings WHERE PlanId = {id} AND State = 2 AND CorrectionRound = 1")).Should().Be(1);
        Text(await (await ActAsync(bureau, id, "Correct", new() { ["Correction.Items"] = "又想到一项" })).Content.ReadAsStringAsync()).Should().Contain("只能对已报送的预案提出补正", "one list per submission round");
        Text(await (await ActAsync(bureau, id, "Register")).Content.ReadAsStringAsync()).Should().Contain("只能对已报送的预案登记备案");
        Text(await township.GetStringAsync("/")).Should().Contain("青山镇应急工作手册：按补正通知补正后重新报送");

        var notice = Text(await township.GetStringAsync($"/plans/Filings/Correction?id={await CountAsync(app, $"SELECT Id AS Value FROM Filings WHERE PlanId = {id}")}"));
        notice.Should().Contain("应急预案备案补正通知书").And.Contain("1. 缺少风险评估报告").And.Contain("2. 缺少应急资源调查报告");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.filing-correction"), n => n == 1);

        Text(await (await ActAsync(township, id, "Submit")).Content.ReadAsStringAsync()).Should().Contain("第 2 次报送");
        Text(await (await ActAsync(bureau, id, "Register")).Content.ReadAsStringAsync()).Should().Contain("已登记备案，备案编号 备2026-");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Filings WHERE PlanId = {id} AND State = 3 AND Round = 2 AND FiledOn = '2026-11-23'")).Should().Be(1);

        var filed = (await EventsAsync(app, "PlanFiled")).Should().ContainSingle().Subject;
        filed.GetProperty("planId").GetInt32().Should().Be(id);
        filed.GetProperty("deemed").GetBoolean().Should().BeFalse();
        var record = Text(await township.GetStringAsync($"/plans/Filings/Record?id={await CountAsync(app, $"SELECT Id AS Value FROM Filings WHERE PlanId = {id}")}"));
        record.Should().Contain("应急预案备案登记表").And.Contain("青山镇应急工作手册").And.Contain("已登记备案").And.Contain("青山镇发〔2026〕3号");
    }

    [Fact]
    public async Task A_submission_left_unanswered_for_five_working_days_is_deemed_filed_once_also_after_a_restart()
    {
        int id;
        await using (var app = await StartAsync())
        {
            id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 11, 20));
            // Submitted Monday 2026-11-23: the 5th working day after it is Monday 11-30.
            await ActAsync(await app.AsAsync(Township), id, "Submit");

            Clock.Advance(TimeSpan.FromDays(4));
            Trigger(app, "filing");
            await Task.Delay(2000);
            (await CountAsync(app, $"SELECT State AS Value FROM Filings WHERE PlanId = {id}")).Should().Be(1, "Friday 11-27 is only the 4th working day");

            Clock.Advance(TimeSpan.FromDays(3));
            Trigger(app, "filing");
            (await Eventually.WaitAsync(() => CountAsync(app, $"SELECT State AS Value FROM Filings WHERE PlanId = {id}"), s => s == 4)).Should().Be(4);
            Trigger(app, "filing");
            await Task.Delay(2000);
            (await EventsAsync(app, "PlanFiled")).Should().ContainSingle().Which.GetProperty("deemed").GetBoolean().Should().BeTrue();
            (await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.filing-deemed"), n => n == 2)).Should().Be(2, "the owner and the receiver are each told once");
        }

        await using (var again = await StartAsync())
        {
            Trigger(again, "filing");
            await Task.Delay(2500);
            (await EventsAsync(again, "PlanFiled")).Should().ContainSingle("a restart does not file it again");
            (await again.NoticeCountAsync("plans.filing-deemed")).Should().Be(2);
            var township = await SignInAsync(again, Township);
            Text(await township.GetStringAsync($"/plans/Details?id={id}")).Should().Contain("视为备案");
            var bureau = await SignInAsync(again, Bureau);
            Text(await bureau.GetStringAsync($"/plans/Details?id={id}")).Should().Contain("视为备案");
            var record = Text(await bureau.GetStringAsync($"/plans/Filings/Record?id={await CountAsync(again, $"SELECT Id AS Value FROM Filings WHERE PlanId = {id}")}"));
            record.Should().Contain("受理单位在规定期限内未作答复，视为已备案");
        }
    }

    [Fact]
    public async Task A_filing_past_due_is_on_the_owners_to_do_and_noticed_once()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 10, 9));
        // 20 working days after Friday 10-09: 10-10 (make-up Saturday) 1, 10-12…10-16 2-6, 10-19…10-23 7-11, 10-26…10-30 12-16, 11-2…11-5 17-20.
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Filings WHERE PlanId = {id} AND DueOn = '2026-11-05'")).Should().Be(1);
        var home = Text(await (await app.AsAsync(Township)).GetStringAsync("/"));
        home.Should().Contain("青山镇应急工作手册：请于 2026-11-05 前报送备案");

        Trigger(app, "filing");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.filing-overdue"), n => n == 1);
        Trigger(app, "filing");
        await Task.Delay(2500);
        (await app.NoticeCountAsync("plans.filing-overdue")).Should().Be(1, "noticed once");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'filing-overdue:%'")).Should().Be(1);
    }
}
