using Emergency.Plans.Contracts;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>The organiser's journey in a real browser: pick an issued plan for a drill, then reset the calendar feed link.</summary>
public sealed class TrainingBrowserTests : TrainingTest
{
    [Fact]
    public async Task A_township_plans_a_drill_on_an_issued_plan_and_resets_its_calendar_link()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        await using (var plans = app.OpenStore("plans"))
        {
            plans.Publish(new PlanIssued
            {
                PlanId = 801, Title = "青山镇防汛应急预案", Type = "TownshipSpecial", TownshipId = qingshan, Version = 1,
                IssuedOn = new DateOnly(2026, 11, 2), DocumentNumber = "青山镇发〔2026〕8号",
            });
            await plans.SaveChangesAsync();
        }

        await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPlans WHERE PlanId = 801"), n => n == 1);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Emergency.Host.Tests.BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1280, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(app.BaseAddress + "/");
        await page.GetByLabel("用户名").FillAsync(Township);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync(app.BaseAddress + "/training/Drills/Create");
        await page.GetByLabel("选择已签发的预案").SelectOptionAsync(new SelectOptionValue { Value = "801" });
        await page.GetByLabel("演练情景").FillAsync("连续强降雨引发山洪，低洼处群众紧急转移");
        await page.GetByLabel("演练地点").FillAsync("河口村村委会广场");
        await page.GetByLabel("青山镇", new() { Exact = true }).CheckAsync();
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "training-drill-plan.png"), FullPage = true });
        await page.GetByTestId("drill-form").GetByRole(AriaRole.Button, new() { Name = "计划演练" }).ClickAsync();

        (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("已计划演练：青山镇防汛应急预案");
        (await page.GetByTestId("plan-linked").InnerTextAsync()).Should().Be("来自预案管理");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Drills WHERE PlanId = 801")).Should().Be(1);

        await page.GotoAsync(app.BaseAddress + "/training/Calendar");
        var before = await page.GetByTestId("feed-url").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "重置订阅链接" }).ClickAsync();
        (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("已重置日历订阅链接");
        var after = await page.GetByTestId("feed-url").InputValueAsync();
        (await app.NewClient().GetAsync(new Uri(before).PathAndQuery)).StatusCode.Should().Be(System.Net.HttpStatusCode.Gone);
        (await app.NewClient().GetAsync(new Uri(after).PathAndQuery)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        errors.Should().BeEmpty();
    }
}
