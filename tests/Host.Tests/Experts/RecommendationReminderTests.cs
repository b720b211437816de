using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.RecommendationSteps;

namespace Emergency.Host.Tests.Experts;

public sealed class RecommendationReminderTests : ExpertsTest
{
    private const string Job = "experts:recommendation-deadline";

    private static Dictionary<string, string?> Smtp(SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    private static void Trigger(TestApp app) => app.Services.GetRequiredService<IRecurringJobManager>().Trigger(Job);

    [Fact]
    public async Task Units_that_have_not_sent_in_are_reminded_once_per_lead_time_across_triggers_and_restarts_and_the_round_closes_after_the_deadline()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        int round;
        await using (var app = await StartAsync(Smtp(smtp)))
        {
            round = await OpenRoundAsync(app, "提醒测试", InChinaTime(TimeSpan.FromDays(10)), onlyUnitNames: ["气象局", "青山镇"]);
            Trigger(app);
            await Task.Delay(2000);
            smtp.Messages().Should().BeEmpty("the deadline is ten days away");

            Clock.Advance(TimeSpan.FromDays(3.5));
            Trigger(app);
            var first = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(20));
            first.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["qxj@qingshan.example.cn", "qingshan@qingshan.example.cn"]);
            first.Should().OnlyContain(m => m.Subject == "专家推荐截止提醒：提醒测试");
            first[0].TextBody.Should().Contain("尚未报送").And.Contain("2026-12-03 10:00");

            Trigger(app);
            Trigger(app);
            await Task.Delay(3000);
            smtp.Messages().Should().HaveCount(2, "each unit is reminded once per lead time");
        }

        await using (var restarted = await StartAsync(Smtp(smtp)))
        {
            Trigger(restarted);
            await Task.Delay(3000);
            smtp.Messages().Should().HaveCount(2, "a restart does not repeat a reminder");

            // 气象局 sends in; only 青山镇 gets the second reminder a day before.
            var weather = await restarted.AsAsync(Weather);
            await TestApp.PostFormAsync(weather, $"/experts/Recommend?handler=Submit&round={round}", new Dictionary<string, string>(), tokenFrom: "/experts/Recommend");
            Clock.Advance(TimeSpan.FromDays(6));
            Trigger(restarted);
            var all = await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20));
            all.Should().HaveCount(3);
            all[2].To.Mailboxes.Single().Address.Should().Be("qingshan@qingshan.example.cn");
        }

        await using (var third = await StartAsync(Smtp(smtp)))
        {
            Trigger(third);
            await Task.Delay(3000);
            smtp.Messages().Should().HaveCount(3);
            (await CountAsync(third, "experts", $"SELECT Status AS Value FROM Rounds WHERE Id = {round}")).Should().Be(0, "still open before the deadline");

            Clock.Advance(TimeSpan.FromDays(1));
            Trigger(third);
            (await Eventually.WaitAsync(() => CountAsync(third, "experts", $"SELECT Status AS Value FROM Rounds WHERE Id = {round}"), s => s == 1)).Should().Be(1, "a round past its deadline is closed");
            await Task.Delay(1000);
            smtp.Messages().Should().HaveCount(3, "no reminder after the deadline");
        }
    }
}
