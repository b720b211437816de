using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>The main journey in a real browser: Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserTests : PlatformTest
{
    internal static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    [Fact]
    public async Task A_clerk_issues_a_bulletin_and_finds_it_waiting_for_acknowledgement()
    {
        await using var app = await StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });

        await page.GotoAsync(app.BaseAddress + "/");
        await page.GetByLabel("用户名").FillAsync(Clerk);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "通知公告" }).First.ClickAsync();

        // An empty form is refused with messages beside the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        (await page.Locator("span.text-danger").AllInnerTextsAsync()).Should().Contain("请填写标题");

        await page.GetByLabel("标题").FillAsync("台风防御工作通知");
        await page.GetByLabel("联系人邮箱").FillAsync("duty@qingshan.gov.cn");
        await page.GetByLabel("确认期限（北京时间）").FillAsync(InChinaTime(TimeSpan.FromDays(1)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        (await page.GetByTestId("notice").InnerTextAsync()).Should().Be("已发布：台风防御工作通知");

        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "台风防御工作通知"), n => n > 0);
        await page.GetByRole(AriaRole.Link, new() { Name = "签收确认" }).First.ClickAsync();
        var row = page.GetByTestId("acknowledgements").Locator("tr", new() { HasText = "台风防御工作通知" });
        (await row.InnerTextAsync()).Should().Contain("待签收");

        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "acknowledgements.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        (await page.GetByTestId("acknowledgements").Locator("tr", new() { HasText = "台风防御工作通知" }).InnerTextAsync()).Should().Contain("已签收");
    }
}
