using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>Closing a session publishes, per target township or village, its yearly days delivered so far against its target (TrainingDaysDelivered); Readiness shows them.</summary>
public sealed class DaysDeliveredTests : TrainingTest
{
    [Fact]
    public async Task Closing_a_session_publishes_each_target_units_days_delivered_this_year_and_readiness_shows_them()
    {
        await using var app = await StartAsync();
        var (qingshan, shimen) = (await TownshipIdAsync(app, "青山镇"), await TownshipIdAsync(app, "石门乡"));
        var bureau = await app.AsAsync(Bureau);
        var first = await ScheduleAsync(app, bureau, "应急指挥能力培训", TimeSpan.FromDays(1), [qingshan, shimen], days: 2);
        var second = await ScheduleAsync(app, bureau, "防汛业务培训", TimeSpan.FromDays(2), [qingshan], days: 3);
        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);
        await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={first}&handler=Close", new Dictionary<string, string>());
        await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={second}&handler=Close", new Dictionary<string, string>());

        await using (var store = app.OpenStore("training"))
        {
            var payloads = await store.OutboxMessages.Where(m => m.Type.EndsWith(".TrainingDaysDelivered")).OrderBy(m => m.OccurredAtUtc).Select(m => m.Payload).ToListAsync();
            payloads.Should().HaveCount(3, "two units for the first session, one for the second");
            payloads[^1].Should().Contain($"\"unitId\":{qingshan}").And.Contain("\"delivered\":5").And.Contain("\"target\":10").And.Contain("\"year\":2026");
        }

        var township = await Eventually.WaitAsync(async () => Readiness.ReadinessTest.Text(await bureau.GetStringAsync($"/readiness/Township?id={qingshan}")), t => t.Contains("本年培训 5/10 天"));
        township.Should().Contain("本年培训 5/10 天");
    }
}
