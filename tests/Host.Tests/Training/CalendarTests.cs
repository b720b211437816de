using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
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

    [GeneratedRegex("value=\"([^\"]+)\" data-testid=\"feed-url\"")]
    private static partial Regex FeedUrl();
}
