using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>
/// The daily stock check: stock below its minimum and stock expiring within teams.supply-expiry-lead-days are told to
/// the owner unit and the keeper's account once per episode, also after a restart, with one event each.
/// </summary>
public sealed class StockCheckTests : StockTest
{
    private const string TownshipMail = "qingshan@qingshan.example.cn";

    private const string KeeperMail = "hekou-grid@qingshan.example.cn";

    private static Dictionary<string, string?> Smtp(SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    private static void Trigger(TestApp app) => app.Services.GetRequiredService<IRecurringJobManager>().Trigger("teams:stock-check");

    private static async Task NothingMoreAsync(SmtpTestServer smtp, int expected, string because)
    {
        await Task.Delay(2500);
        smtp.Messages().Should().HaveCount(expected, because);
    }

    private static Task<int> EventsAsync(TestApp app, string type) =>
        CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%{type}%'");

    [Fact]
    public async Task Below_minimum_and_expiring_are_told_once_each_also_after_a_restart()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using (var app = await StartAsync(Smtp(smtp)))
        {
            var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点", keeperUser: Village);
            var lights = await KindAsync(app, "应急照明灯");
            var kits = await KindAsync(app, "急救箱");
            await MoveAsync(app, Township, site, "In", lights, 10);
            await LimitsAsync(app, Township, site, lights, 5);
            await MoveAsync(app, Township, site, "In", kits, 6);
            await LimitsAsync(app, Township, site, kits, 0, "2026-12-13");

            Trigger(app);
            var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
            mails.Should().OnlyContain(m => m.Subject == "应急物资临期：青山镇应急物资储备点 急救箱（2026-12-13 到期）");
            mails.SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).Should().BeEquivalentTo(TownshipMail, KeeperMail);
            await NothingMoreAsync(smtp, 2, "the lights are not below their minimum yet");

            (await MoveAsync(app, Township, site, "Out", lights, 6, "河口村")).Text.Should().Contain("已保存");
            Trigger(app);
            mails = await smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
            mails.Count(m => m.Subject == "应急物资低于最低库存：青山镇应急物资储备点 应急照明灯").Should().Be(2);
            mails.First(m => (m.Subject ?? "").StartsWith("应急物资低于最低库存", StringComparison.Ordinal)).TextBody!.Should().Contain("现有 4 台，低于最低库存 5 台");
            Trigger(app);
            await NothingMoreAsync(smtp, 4, "each condition once");
            Text(await (await app.AsAsync(Township)).GetStringAsync("/")).Should().Contain("应急照明灯现有 4 台");
        }

        await using (var restarted = await StartAsync(Smtp(smtp)))
        {
            Trigger(restarted);
            await NothingMoreAsync(smtp, 4, "a restart repeats nothing");
            (await EventsAsync(restarted, "SupplyBelowMinimum")).Should().Be(1);
            (await EventsAsync(restarted, "SupplyExpiring")).Should().Be(1);
        }
    }

    [Fact]
    public async Task Filled_up_and_falling_below_again_on_another_day_is_a_new_episode()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        int site, tents;
        await using (var app = await StartAsync(Smtp(smtp)))
        {
            site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
            tents = await KindAsync(app, "帐篷");
            await MoveAsync(app, Township, site, "In", tents, 3);
            await LimitsAsync(app, Township, site, tents, 5);
            Trigger(app);
            await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
            (await MoveAsync(app, Township, site, "In", tents, 5)).Text.Should().Contain("已保存");
        }

        Clock.Advance(TimeSpan.FromDays(1));
        await using var restarted = await StartAsync(Smtp(smtp));
        Trigger(restarted);
        await NothingMoreAsync(smtp, 1, "filled up: no notice");
        (await MoveAsync(restarted, Township, site, "Out", tents, 6, "石门乡")).Text.Should().Contain("已保存");
        (await CountAsync(restarted, "teams", $"SELECT COUNT(*) AS Value FROM Stock WHERE SiteId = {site} AND BelowSinceOn = '2026-11-24'")).Should().Be(1);
        Trigger(restarted);
        (await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30))).Should().OnlyContain(m => m.Subject == "应急物资低于最低库存：青山镇应急物资储备点 帐篷");
        (await EventsAsync(restarted, "SupplyBelowMinimum")).Should().Be(2);
    }

    [Fact]
    public async Task The_lead_setting_decides_what_is_expiring()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var pumps = await KindAsync(app, "抽水泵");
        await MoveAsync(app, Township, site, "In", pumps, 2);
        await LimitsAsync(app, Township, site, pumps, 0, "2027-01-07");
        Trigger(app);
        await NothingMoreAsync(smtp, 0, "45 days ahead is beyond the default lead of 30");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/teams/Stock?Expiring=true")).Should().Contain("共 0 条库存");

        await SetMinimumAsync(app, "teams.supply-expiry-lead-days", 60);
        Trigger(app);
        (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).Single().Subject.Should().Be("应急物资临期：青山镇应急物资储备点 抽水泵（2027-01-07 到期）");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/teams/Stock?Expiring=true")).Should().Contain("共 1 条库存").And.Contain("抽水泵");
    }
}
