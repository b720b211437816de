using System.Globalization;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class TermExpiryTests : ExpertsTest
{
    private const string Job = "experts:term-expiry";

    [Fact]
    public async Task A_term_ending_within_60_days_is_reminded_once_a_renewal_keeps_the_expert_and_a_passed_term_expires()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var today = DateOnly.FromDateTime(InChinaTime(TimeSpan.Zero));
        var soon = await SeedExpertAsync(app, "杨帆", "交通运输", 0, null, "yangfan@expert.example.cn", null, termStart: today.AddYears(-3), termEnd: today.AddDays(40));
        var later = await SeedExpertAsync(app, "朱岚", "通信网络", 0, null, "zhulan@expert.example.cn", null, termStart: today.AddYears(-2), termEnd: today.AddDays(90));
        var past = await SeedExpertAsync(app, "秦松", "特种设备", 0, null, "qinsong@expert.example.cn", "hr@qinsong.example.cn", termStart: today.AddYears(-3), termEnd: today.AddDays(-1));
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();

        jobs.Trigger(Job);
        jobs.Trigger(Job);
        await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(20));
        await Task.Delay(2000);
        var mails = smtp.Messages();
        var reminders = mails.Where(m => m.Subject == "专家聘期届满提醒：杨帆").ToList();
        reminders.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["yangfan@expert.example.cn", "yjj@qingshan.example.cn"], "the expert and the emergency bureau, once each");
        mails.Should().NotContain(m => (m.Subject ?? "").Contains("朱岚", StringComparison.Ordinal), "ninety days ahead is outside the lead time");
        mails.Should().ContainSingle(m => m.To.Mailboxes.Single().Address == "hr@qinsong.example.cn")
            .Which.TextBody.Should().Contain("聘期已届满未续聘");
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {past}")).Should().Be(4);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%.ExpertExited' AND Payload LIKE '%\"kind\":3%'")).Should().Be(1);
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {soon}")).Should().Be(0);

        // Renewed after review: the certificate stays, the term moves on.
        var bureau = await app.AsAsync(Bureau);
        var path = $"/experts/Profile?id={soon}";
        var newStart = today.AddDays(41).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var renewed = await TestApp.PostFormAsync(bureau, path + "&handler=Renew", new Dictionary<string, string> { ["Renew.TermStart"] = newStart }, tokenFrom: path);
        Text(await renewed.Content.ReadAsStringAsync()).Should().Contain($"已续聘，聘期 {newStart} 至 {today.AddDays(41).AddYears(3).AddDays(-1):yyyy-MM-dd}");
        var refused = await TestApp.PostFormAsync(await app.AsAsync(Weather), path + "&handler=Renew", new Dictionary<string, string> { ["Renew.TermStart"] = newStart }, tokenFrom: "/Account/ChangePassword");
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);

        Clock.Advance(TimeSpan.FromDays(45));
        jobs.Trigger(Job);
        jobs.Trigger(Job);
        await smtp.WaitForMessagesAsync(mails.Count + 2, TimeSpan.FromSeconds(20));
        await Task.Delay(2000);
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {soon}")).Should().Be(0, "the renewed expert stays past the old term end");
        var after = smtp.Messages();
        after.Count(m => m.Subject == "专家聘期届满提醒：朱岚").Should().Be(2, "now within 60 days: the expert and the bureau");
        after.Count(m => m.Subject == "专家聘期届满提醒：杨帆").Should().Be(2, "no new reminder for the renewed term");
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {later}")).Should().Be(0);
    }
}
