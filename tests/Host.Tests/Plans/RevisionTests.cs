using Emergency.Training.Contracts;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>
/// Revision triggers and evaluations: a higher plan's new version flags the plans directly below it until dismissed
/// with a reason; Training's DrillCompleted records the last drill and, with problems, a trigger; an evaluation due
/// is noticed once and on the owner's 我的待办 when late.
/// </summary>
public sealed class RevisionTests : PlansTest
{
    [Fact]
    public async Task A_new_version_of_a_higher_plan_flags_its_children_and_dismissing_needs_a_reason()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var general = await GeneralAsync(app);
        (await UploadAsync(bureau, general, Pdf, "总体预案.pdf", "application/pdf")).EnsureSuccessStatusCode();
        await PassReviewAsync(app, bureau, general);
        Text(await (await IssueAsync(app, bureau, general, new DateOnly(2026, 1, 5), "青政发〔2026〕1号")).Content.ReadAsStringAsync()).Should().Contain("已签发");
        var child = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 3, 2));
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM RevisionTriggers")).Should().Be(0, "the first issue of a higher plan revises nothing");

        (await UploadAsync(bureau, general, Pdf, "总体预案（修订）.pdf", "application/pdf", "调整指挥机构")).EnsureSuccessStatusCode();
        Text(await (await IssueAsync(app, bureau, general, new DateOnly(2026, 11, 20), "青政发〔2026〕40号")).Content.ReadAsStringAsync()).Should().Contain("已签发");
        var township = await app.AsAsync(Township);
        Text(await township.GetStringAsync($"/plans/Details?id={child}")).Should().Contain("上位预案已修订：请复核");
        await using (var store = app.OpenStore("plans"))
        {
            (await store.OutboxMessages.CountAsync(m => m.Type.Contains("PlanNeedsRevision"))).Should().Be(1);
        }

        Text(await township.GetStringAsync("/")).Should().Contain("预案待复核修订").And.Contain("青山镇应急工作手册：上位预案已修订：请复核");
        var trigger = await CountAsync(app, $"SELECT Id AS Value FROM RevisionTriggers WHERE PlanId = {child} AND Kind = 0 AND ClosedAtUtc IS NULL");
        Text(await (await ActAsync(township, child, "Dismiss", new() { ["Dismiss.TriggerId"] = Invariant(trigger), ["Dismiss.Reason"] = " " })).Content.ReadAsStringAsync())
            .Should().Contain("请填写无需修订的理由");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM RevisionTriggers WHERE ClosedAtUtc IS NULL")).Should().Be(1);
        Text(await (await ActAsync(township, child, "Dismiss", new() { ["Dismiss.TriggerId"] = Invariant(trigger), ["Dismiss.Reason"] = "总体预案修订不涉及乡镇职责" })).Content.ReadAsStringAsync())
            .Should().Contain("已复核，无需修订");
        var page = Text(await township.GetStringAsync($"/plans/Details?id={child}"));
        page.Should().Contain("经复核无需修订：总体预案修订不涉及乡镇职责").And.NotContain("需复核修订：");
        Text(await township.GetStringAsync("/")).Should().NotContain("预案待复核修订", "a dismissed trigger leaves the to-do list");
    }

    [Fact]
    public async Task A_drill_completed_with_problems_sets_the_last_drill_date_and_a_trigger_once()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2026, 3, 2));
        for (var i = 0; i < 2; i++)
        {
            await using var training = app.OpenStore("training");
            training.Publish(new DrillCompleted { DrillId = 77, PlanName = "青山镇应急工作手册", Date = new DateOnly(2026, 11, 18), Kind = DrillKind.FullScale, ProblemsFound = 2 });
            await training.SaveChangesAsync();
        }

        (await Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM Plans WHERE Id = {id} AND LastDrillOn = '2026-11-18'"), n => n == 1)).Should().Be(1);
        await Task.Delay(1500);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM RevisionTriggers WHERE PlanId = {id} AND Kind = 4 AND SourceKey = 'drill:77'")).Should().Be(1, "one trigger per drill however often it is delivered");
        var page = Text(await (await app.AsAsync(Township)).GetStringAsync($"/plans/Details?id={id}"));
        page.Should().Contain("演练或处置中发现问题：2026-11-18 演练发现问题 2 条").And.Contain("最近演练 2026-11-18");
    }

    [Fact]
    public async Task An_evaluation_due_is_noticed_once_across_two_runs_and_on_the_owners_to_do_when_late()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2023, 11, 1));
        Trigger(app, "evaluation");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.evaluation-due"), n => n == 1);
        Trigger(app, "evaluation");
        await Task.Delay(2500);
        (await app.NoticeCountAsync("plans.evaluation-due")).Should().Be(1, "noticed once");
        var township = await app.AsAsync(Township);
        Text(await township.GetStringAsync("/")).Should().Contain("青山镇应急工作手册：应于 2026-11-01 前完成评估");

        Text(await (await EvaluateWithFileAsync(township, id, "2026-11-20", "预案总体适用", Png, "评估.pdf", "application/pdf")).Content.ReadAsStringAsync())
            .Should().Contain("评估报告文件只能是 Word（.docx）或 PDF 文件");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM PlanEvaluations")).Should().Be(0, "a refused report file writes nothing");
        Text(await (await EvaluateWithFileAsync(township, id, "2026-11-20", "预案总体适用，建议补充转移路线", Pdf, "评估报告.pdf", "application/pdf")).Content.ReadAsStringAsync())
            .Should().Contain("已登记评估报告");
        var evaluation = await CountAsync(app, $"SELECT Id AS Value FROM PlanEvaluations WHERE PlanId = {id}");
        (await (await township.GetAsync($"/plans/File?id=0&evaluation={evaluation}")).Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        Text(await township.GetStringAsync("/")).Should().NotContain("前完成评估");
        Text(await township.GetStringAsync($"/plans/Details?id={id}")).Should().Contain("下次评估期限 2029-11-20");
    }
}
