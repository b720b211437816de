using System.Net.Http.Headers;
using Emergency.Training.Contracts;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>
/// 演练周期: each plan in force is drilled every set number of months for its type, from its last drill (Training's
/// DrillCompleted or a drill entered by hand with its 演练评估报告) or else from its issue; plans due soon or overdue
/// are listed (filterable by unit), noticed once, published as PlanDrillOverdue once and on the owner's 我的待办.
/// </summary>
public sealed class DrillTests : PlansTest
{
    [Fact]
    public async Task A_township_plan_never_drilled_is_overdue_two_years_after_issue_noticed_and_published_once_and_on_the_to_do()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2024, 11, 1));
        var township = await app.AsAsync(Township);
        Text(await township.GetStringAsync($"/plans/Details?id={id}")).Should().Contain("下次演练到期 2026-11-01");

        Trigger(app, "drill");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.drill-due"), n => n == 1);
        Trigger(app, "drill");
        await Task.Delay(2500);
        (await app.NoticeCountAsync("plans.drill-due")).Should().Be(1, "noticed once per plan and due date");
        await using (var store = app.OpenStore("plans"))
        {
            (await store.OutboxMessages.CountAsync(m => m.Type.Contains("PlanDrillOverdue"))).Should().Be(1, "published once per plan and due date");
            (await store.OutboxMessages.Where(m => m.Type.Contains("PlanDrillOverdue")).Select(m => m.Payload).SingleAsync()).Should().Contain("2026-11-01").And.Contain("TownshipManual");
        }

        Text(await township.GetStringAsync("/")).Should().Contain("预案演练逾期").And.Contain("青山镇应急工作手册：应于 2026-11-01 前组织演练");
        var list = Text(await township.GetStringAsync("/plans/Drills"));
        list.Should().Contain("青山镇应急工作手册").And.Contain("2026-11-01").And.Contain("已逾期");

        // A drill held in Training restarts the cadence: off the to-do list and the due list.
        await using (var training = app.OpenStore("training"))
        {
            training.Publish(new DrillCompleted { DrillId = 5, PlanName = "青山镇应急工作手册", Date = new DateOnly(2026, 11, 20), Kind = DrillKind.Tabletop, ProblemsFound = 0 });
            await training.SaveChangesAsync();
        }

        await Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {id} AND LastDrillOn = '2026-11-20'"), n => n == 1);
        Text(await township.GetStringAsync("/")).Should().NotContain("预案演练逾期");
        Text(await township.GetStringAsync("/plans/Drills")).Should().NotContain("青山镇应急工作手册").And.Contain("没有即将到期或逾期的演练");
        Text(await township.GetStringAsync($"/plans/Details?id={id}")).Should().Contain("下次演练到期 2028-11-20");
    }

    [Fact]
    public async Task A_plan_whose_overdue_drill_was_published_is_swept_again_after_a_new_drill_and_published_for_its_new_due_date()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2024, 11, 1));
        Trigger(app, "drill");
        await Eventually.WaitAsync(() => OverdueEventsAsync(app), n => n == 1);
        await Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {id} AND DrillSettledSince = '2024-11-01'"), n => n == 1);

        // A drill of December 2024 reported late: the next drill was due 2026-12-01, within the lead days.
        await using (var training = app.OpenStore("training"))
        {
            training.Publish(new DrillCompleted { DrillId = 6, PlanName = "青山镇应急工作手册", PlanId = id, Date = new DateOnly(2024, 12, 1), Kind = DrillKind.Tabletop, ProblemsFound = 0 });
            await training.SaveChangesAsync();
        }

        await Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {id} AND LastDrillOn = '2024-12-01'"), n => n == 1);
        Trigger(app, "drill");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.drill-due"), n => n == 2);
        (await OverdueEventsAsync(app)).Should().Be(1, "2026-12-01 has not passed yet");

        Clock.Advance(TimeSpan.FromDays(10));
        Trigger(app, "drill");
        await Eventually.WaitAsync(() => OverdueEventsAsync(app), n => n == 2);
        Trigger(app, "drill");
        await Task.Delay(2500);
        (await OverdueEventsAsync(app)).Should().Be(2, "published once for the new due date too");
        (await app.NoticeCountAsync("plans.drill-due")).Should().Be(2);
    }

    private static async Task<int> OverdueEventsAsync(TestApp app)
    {
        await using var store = app.OpenStore("plans");
        return await store.OutboxMessages.CountAsync(m => m.Type.Contains("PlanDrillOverdue"));
    }

    [Fact]
    public async Task A_drill_on_a_plan_picked_from_Plans_reaches_that_plan_even_when_another_plan_has_the_same_title()
    {
        await using var app = await StartAsync();
        var first = await IssuedTownshipPlanAsync(app, "应急工作手册", new DateOnly(2026, 3, 2));
        var second = await IssuedTownshipPlanAsync(app, "应急工作手册", new DateOnly(2026, 3, 3));
        await using (var training = app.OpenStore("training"))
        {
            training.Publish(new DrillCompleted { DrillId = 7, PlanName = "应急工作手册", PlanId = second, Date = new DateOnly(2026, 11, 18), Kind = DrillKind.Tabletop, ProblemsFound = 2 });
            await training.SaveChangesAsync();
        }

        await Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {second} AND LastDrillOn = '2026-11-18'"), n => n == 1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {first} AND LastDrillOn IS NOT NULL")).Should().Be(0, "the plan with the same title but another id was not drilled");
        var township = await app.AsAsync(Township);
        Text(await township.GetStringAsync($"/plans/Details?id={second}")).Should().Contain("演练发现问题 2 条");
        Text(await township.GetStringAsync($"/plans/Details?id={first}")).Should().NotContain("演练发现问题");
    }

    [Fact]
    public async Task An_enterprise_on_site_plan_is_due_six_months_after_its_last_drill_and_listed_as_due_soon_without_an_overdue_event()
    {
        await using var app = await StartAsync();
        var township = await app.AsAsync(Township);
        var id = await RegisterAsync(app, township, "青山建材现场处置方案", "EnterpriseOnSite", $"township:{await TownshipIdAsync(app, "青山镇")}", await GeneralAsync(app), enterprise: "青山建材有限公司");
        (await UploadAsync(township, id, Pdf, "方案.pdf", "application/pdf")).EnsureSuccessStatusCode();
        Text(await (await IssueAsync(app, township, id, new DateOnly(2026, 1, 5))).Content.ReadAsStringAsync()).Should().Contain("已签发");
        Text(await (await DrillAsync(township, id, "2026-06-10", Docx(), "演练评估报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).Content.ReadAsStringAsync())
            .Should().Contain("已登记演练");
        var page = Text(await township.GetStringAsync($"/plans/Details?id={id}"));
        page.Should().Contain("最近演练 2026-06-10").And.Contain("下次演练到期 2026-12-10").And.Contain("演练评估报告.docx");

        Text(await township.GetStringAsync("/plans/Drills")).Should().Contain("青山建材现场处置方案").And.Contain("2026-12-10").And.Contain("即将到期");
        Trigger(app, "drill");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.drill-due"), n => n == 1);
        await using var store = app.OpenStore("plans");
        (await store.OutboxMessages.CountAsync(m => m.Type.Contains("PlanDrillOverdue"))).Should().Be(0, "not yet overdue");
        Text(await township.GetStringAsync("/")).Should().NotContain("预案演练逾期");
    }

    [Fact]
    public async Task A_drill_entered_by_hand_without_its_report_is_refused_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 3, 2));
        var township = await app.AsAsync(Township);
        Text(await (await ActAsync(township, id, "Drill", new() { ["Drill.On"] = "2026-11-10" })).Content.ReadAsStringAsync())
            .Should().Contain("请上传演练评估报告（.docx 或 .pdf）");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanDrills")).Should().Be(0);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {id} AND LastDrillOn IS NOT NULL")).Should().Be(0);
    }

    [Fact]
    public async Task A_drill_report_that_is_not_docx_or_pdf_by_content_is_refused()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 3, 2));
        var township = await app.AsAsync(Township);
        Text(await (await DrillAsync(township, id, "2026-11-10", Png, "评估报告.pdf", "application/pdf")).Content.ReadAsStringAsync())
            .Should().Contain("演练评估报告只能是 Word（.docx）或 PDF 文件");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanDrills")).Should().Be(0);
    }

    [Fact]
    public async Task A_drill_date_in_the_future_is_refused()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 3, 2));
        var township = await app.AsAsync(Township);
        Text(await (await DrillAsync(township, id, "2026-11-30", Pdf, "评估报告.pdf", "application/pdf")).Content.ReadAsStringAsync())
            .Should().Contain("演练日期不能晚于今天");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanDrills")).Should().Be(0);
    }

    [Fact]
    public async Task The_due_list_filters_by_owner_unit()
    {
        await using var app = await StartAsync();
        await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2024, 11, 1));
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        Text(await bureau.GetStringAsync("/plans/Drills")).Should().Contain("青山镇应急工作手册");
        Text(await bureau.GetStringAsync($"/plans/Drills?Unit=township:{qingshan}")).Should().Contain("青山镇应急工作手册");
        Text(await bureau.GetStringAsync("/plans/Drills?Unit=county")).Should().NotContain("青山镇应急工作手册");
    }

    private static async Task<HttpResponseMessage> DrillAsync(HttpClient client, int plan, string on, byte[] bytes, string fileName, string contentType)
    {
        var path = $"/plans/Details?id={plan}";
        var page = await client.GetStringAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(on), "Drill.On" },
            { file, "DrillFile", fileName },
        };
        return await client.PostAsync(path + "&handler=Drill", form);
    }
}
