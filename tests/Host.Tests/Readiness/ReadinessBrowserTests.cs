using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Readiness;

/// <summary>The county leader opens the readiness board of the demo county in a real browser; the page is kept as a screenshot artifact.</summary>
public sealed class ReadinessBrowserTests : ReadinessTest
{
    [Fact]
    public async Task The_leader_sees_every_township_of_the_demo_county_with_its_items_and_charts()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Demo:ModuleData"] = "true" });
        await Eventually.WaitAsync(() => CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM UnitScores WHERE UnitKind = 0"), n => n == 4, TimeSpan.FromSeconds(60));
        // Teams' demo publishes each team's strength: the township and village teams arrive through the dispatcher.
        await Eventually.WaitAsync(() => CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM TeamFacts"), n => n >= 5, TimeSpan.FromSeconds(60));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress + "/Account/Login");
        await page.GetByLabel("用户名").FillAsync(Leader);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GotoAsync(app.BaseAddress + "/readiness");
        var board = page.GetByTestId("board");
        (await board.Locator("tbody tr").CountAsync()).Should().Be(4);
        var text = await board.InnerTextAsync();
        text.Should().Contain("青山镇").And.Contain("石门乡").And.Contain("城关街道").And.Contain("达标").And.Contain("无数据")
            .And.Contain("青山镇应急救援队 26 人（最低 30）", "the demo township team is below the default minimum");
        (await page.GetByTestId("charts").Locator("svg").CountAsync()).Should().Be(3);
        (await page.GetByTestId("rebuild").CountAsync()).Should().Be(0, "the leader changes nothing");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory("screenshots").FullName, "readiness-board.png"), FullPage = true });
    }
}
