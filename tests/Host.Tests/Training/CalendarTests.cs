using System.Net;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Access;
using FluentAssertions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>The month calendar of the user's unit and the signed .ics feed.</summary>
public sealed partial class CalendarTests : TrainingTest
{
    [Fact]
    public async Task The_calendar_shows_the_months_sessions_of_the_unit_and_not_another_townships()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        var bureau = await app.AsAsync(Bureau);
        await ScheduleAsync(app, bureau, "青山镇防汛培训", TimeSpan.FromDays(3), [qingshan]);
        await ScheduleAsync(app, bureau, "石门乡地灾培训", TimeSpan.FromDays(4), [shimen]);
        await ScheduleAsync(app, bureau, "青山镇森林防火培训", TimeSpan.FromDays(20), [qingshan]);

        var township = await app.AsAsync(Township);
        var november = Text(await township.GetStringAsync("/training/Calendar"));
        november.Should().Contain("2026 年 11 月").And.Contain("培训：青山镇防汛培训").And.NotContain("石门乡地灾培训").And.NotContain("青山镇森林防火培训");
        var december = Text(await township.GetStringAsync("/training/Calendar?month=2026-12"));
        december.Should().Contain("2026 年 12 月").And.Contain("青山镇森林防火培训").And.NotContain("青山镇防汛培训");
        Text(await bureau.GetStringAsync("/training/Calendar?month=2026-11")).Should().Contain("青山镇防汛培训").And.Contain("石门乡地灾培训");
    }

    [Fact]
    public async Task The_ics_feed_with_a_valid_signature_lists_the_units_sessions_and_drills_and_a_tampered_one_is_refused()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var shimen = await TownshipIdAsync(app, "石门乡");
        var bureau = await app.AsAsync(Bureau);
        await ScheduleAsync(app, bureau, "青山镇防汛培训", TimeSpan.FromDays(3), [qingshan]);
        await ScheduleAsync(app, bureau, "石门乡地灾培训", TimeSpan.FromDays(4), [shimen]);
        var cancelled = await ScheduleAsync(app, bureau, "青山镇取消的培训", TimeSpan.FromDays(6), [qingshan]);
        (await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={cancelled}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "台风" })).EnsureSuccessStatusCode();
        var start = InChinaTime(TimeSpan.FromDays(8));
        var drill = Text(await (await TestApp.PostFormAsync(bureau, "/training/Drills/Create", new Dictionary<string, string>
        {
            ["Input.PlanName"] = "青山镇山洪灾害应急预案",
            ["Input.Kind"] = "FullScale",
            ["Input.Scenario"] = "山洪转移",
            ["Input.StartsAt"] = ChinaLocal(start),
            ["Input.EndsAt"] = ChinaLocal(start.AddHours(3)),
            ["Input.Place"] = "河口村村委会广场",
            ["Input.Teams"] = "青山镇应急救援队",
            ["Input.Observers"] = "",
            ["Input.UnitKeys[0]"] = $"township:{qingshan}",
        })).Content.ReadAsStringAsync());
        drill.Should().Contain("已计划演练：青山镇山洪灾害应急预案");

        var page = await (await app.AsAsync(Township)).GetStringAsync("/training/Calendar");
        var url = new Uri(WebUtility.HtmlDecode(FeedUrl().Match(page).Groups[1].Value));
        url.AbsolutePath.Should().Be("/training/Calendar/Feed");

        var anonymous = app.NewClient();
        var feed = await anonymous.GetAsync(url.PathAndQuery);
        feed.StatusCode.Should().Be(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var ics = await feed.Content.ReadAsStringAsync();
        ics.Should().Contain("BEGIN:VCALENDAR").And.Contain("SUMMARY:青山镇防汛培训").And.Contain("SUMMARY:演练：青山镇山洪灾害应急预案").And.NotContain("石门乡地灾培训");
        Regex.Matches(ics, "BEGIN:VEVENT").Count.Should().Be(3);
        var cancelledEvent = ics[ics.IndexOf("SUMMARY:青山镇取消的培训", StringComparison.Ordinal)..];
        cancelledEvent[..cancelledEvent.IndexOf("END:VEVENT", StringComparison.Ordinal)].Should().Contain("STATUS:CANCELLED");

        var token = System.Web.HttpUtility.ParseQueryString(url.Query)["t"]!;
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var refused = await anonymous.GetAsync("/training/Calendar/Feed?t=" + Uri.EscapeDataString(tampered));
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).Should().NotContain("BEGIN:VEVENT");
    }

    private static async Task<string> FeedPathAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/training/Calendar");
        return new Uri(WebUtility.HtmlDecode(FeedUrl().Match(page).Groups[1].Value)).PathAndQuery;
    }

    [Fact]
    public async Task After_a_reset_the_old_feed_link_is_refused_as_revoked_and_the_new_one_works()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        await ScheduleAsync(app, await app.AsAsync(Bureau), "青山镇防汛培训", TimeSpan.FromDays(3), [qingshan]);
        var township = await app.AsAsync(Township);
        var old = await FeedPathAsync(township);
        var anonymous = app.NewClient();
        (await anonymous.GetAsync(old)).StatusCode.Should().Be(HttpStatusCode.OK);

        var reset = Text(await (await TestApp.PostFormAsync(township, "/training/Calendar?handler=Reset", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        reset.Should().Contain("已重置日历订阅链接：原链接已失效");
        var renewed = await FeedPathAsync(township);

        var refused = await anonymous.GetAsync(old);
        refused.StatusCode.Should().Be(HttpStatusCode.Gone);
        var note = await refused.Content.ReadAsStringAsync();
        note.Should().Contain("该日历订阅链接已被重置，不再有效").And.NotContain("BEGIN:VEVENT");
        var feed = await anonymous.GetAsync(renewed);
        feed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await feed.Content.ReadAsStringAsync()).Should().Contain("SUMMARY:青山镇防汛培训");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM FeedStamps WHERE UserName = 'qingshan' AND Stamp = 1")).Should().Be(1);
    }

    [Fact]
    public async Task A_user_resets_only_their_own_link_and_another_users_link_keeps_working()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var township = await app.AsAsync(Township);
        var bureauLink = await FeedPathAsync(bureau);
        var townshipLink = await FeedPathAsync(township);

        // The handler takes no user: naming another account changes nothing for it.
        (await TestApp.PostFormAsync(township, "/training/Calendar?handler=Reset&userName=yjj", new Dictionary<string, string> { ["UserName"] = Bureau })).EnsureSuccessStatusCode();
        var anonymous = app.NewClient();
        (await anonymous.GetAsync(bureauLink)).StatusCode.Should().Be(HttpStatusCode.OK, "yjj's link is yjj's to reset");
        (await anonymous.GetAsync(townshipLink)).StatusCode.Should().Be(HttpStatusCode.Gone);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM FeedStamps WHERE UserName = 'yjj'")).Should().Be(0);
    }

    [Fact]
    public async Task A_read_only_leader_has_no_reset_and_a_reset_post_is_forbidden()
    {
        await using var app = await StartAsync();
        var leader = await app.AsAsync(Leader);
        var link = await FeedPathAsync(leader);
        (await leader.GetStringAsync("/training/Calendar")).Should().NotContain("data-testid=\"feed-reset\"");
        var refused = await TestApp.PostFormAsync(leader, "/training/Calendar?handler=Reset", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.NewClient().GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM FeedStamps")).Should().Be(0);
    }

    [Fact]
    public async Task A_link_made_before_stamps_works_until_its_user_resets()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("training.calendar-feed");
        var legacy = "/training/Calendar/Feed?t=" + Uri.EscapeDataString(protector.Protect($"{TestApp.County}|qingshan|0|{(int)UserScope.Township}|{qingshan}||"));
        var anonymous = app.NewClient();
        (await anonymous.GetAsync(legacy)).StatusCode.Should().Be(HttpStatusCode.OK, "an old link without a stamp reads as stamp 0");

        (await TestApp.PostFormAsync(await app.AsAsync(Township), "/training/Calendar?handler=Reset", new Dictionary<string, string>())).EnsureSuccessStatusCode();
        (await anonymous.GetAsync(legacy)).StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [GeneratedRegex("value=\"([^\"]+)\" data-testid=\"feed-url\"")]
    private static partial Regex FeedUrl();
}
