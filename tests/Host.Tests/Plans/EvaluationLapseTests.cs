using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>A plan in force past its evaluation date is published once as PlanEvaluationLapsed by the daily sweep; Readiness flips the township's 预案 to 未达标.</summary>
public sealed class EvaluationLapseTests : PlansTest
{
    [Fact]
    public async Task A_plan_past_its_evaluation_date_is_published_once_as_lapsed_and_readiness_shows_it()
    {
        await using var app = await StartAsync();
        var id = await IssuedTownshipPlanAsync(app, "青山镇应急工作手册", new DateOnly(2023, 11, 1));
        var fresh = await IssuedTownshipPlanAsync(app, "青山镇防汛应急工作手册", new DateOnly(2026, 1, 10));
        Trigger(app, "evaluation");
        await Eventually.WaitAsync(() => app.NoticeCountAsync("plans.evaluation-due"), n => n == 1);
        Trigger(app, "evaluation");
        await Task.Delay(2500);
        await using (var store = app.OpenStore("plans"))
        {
            var lapsed = await store.OutboxMessages.Where(m => m.Type.EndsWith(".PlanEvaluationLapsed")).Select(m => m.Payload).ToListAsync();
            lapsed.Should().ContainSingle("published once per plan and due date, however often the sweep runs")
                .Which.Should().Contain($"\"planId\":{id}").And.Contain("2026-11-01");
            lapsed.Single().Should().NotContain($"\"planId\":{fresh},");
        }

        var qingshan = await TownshipIdAsync(app, "青山镇");
        var page = await Eventually.WaitAsync(async () => Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/readiness/Township?id={qingshan}")), t => t.Contains("已过评估期"));
        page.Should().Contain("青山镇应急工作手册已过评估期（2026-11-01）");

        // The evaluation recorded: PlanEvaluated, and the lapse is gone from readiness.
        Text(await (await EvaluateWithFileAsync(await app.AsAsync(Township), id, "2026-11-20", "预案总体适用", Pdf, "评估报告.pdf", "application/pdf")).Content.ReadAsStringAsync())
            .Should().Contain("已登记评估报告");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%.PlanEvaluated'")).Should().Be(1);
        await Eventually.WaitAsync(async () => Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/readiness/Township?id={qingshan}")), t => !t.Contains("已过评估期"));
        Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/readiness/Township?id={qingshan}")).Should().NotContain("已过评估期");
    }
}
