using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>
/// On a phone (390×844): the village keeper records an 出库 at the village's site and files next week's duty plan;
/// the county then sees the stock below its minimum on its ledger.
/// </summary>
public sealed class DutyBrowserTests : DutyTest
{
    [Fact]
    public async Task A_village_keeper_takes_stock_out_and_files_the_weekly_plan_on_a_phone_and_the_county_sees_the_low_stock()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Bureau, await VillageKeyAsync(app), "河口村微型消防站", "Village", keeperUser: Village);
        var jackets = await KindAsync(app, "救生衣");
        (await MoveAsync(app, Bureau, site, "In", jackets, 10)).Text.Should().Contain("已保存");
        await LimitsAsync(app, Bureau, site, jackets, 8);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Emergency.Host.Tests.BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(app.BaseAddress + "/");
        await page.GetByLabel("用户名").FillAsync(Village);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GotoAsync(app.BaseAddress + $"/teams/Stock/Site?id={site}");
        var outForm = page.GetByTestId("form-Out");
        await outForm.Locator("select[name='Input.KindId']").SelectOptionAsync(Invariant(jackets));
        await outForm.Locator("input[name='Input.Quantity']").FillAsync("4");
        await outForm.Locator("input[name='Input.Party']").FillAsync("河口村三组转移群众");
        await outForm.Locator("button[type='submit']").ClickAsync();
        await page.GetByText("已保存").First.WaitForAsync();
        (await QuantityAsync(app, site, jackets)).Should().Be(6);

        await page.GotoAsync(app.BaseAddress + "/teams/Duty/Plans");
        page.Url.Should().Contain("/teams/Duty/Plan?");
        var plan = page.GetByTestId("duty-plan-form");
        for (var i = 0; i < 7; i++)
        {
            await plan.Locator($"input[name='Days[{i}].Name']").FillAsync(i % 2 == 0 ? "李网格" : "韦村干");
            await plan.Locator($"input[name='Days[{i}].Mobile']").FillAsync("1390771002" + Invariant(i));
        }

        await plan.GetByRole(AriaRole.Button, new() { Name = "报送乡镇" }).ClickAsync();
        await page.GetByText("已向乡镇报送 2026-11-30 起一周的值班计划").WaitForAsync();
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "duty-plan-phone.png"), FullPage = true });
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM DutyPlanDays")).Should().Be(7);
        errors.Should().BeEmpty();

        var ledger = Text(await (await app.AsAsync(Bureau)).GetStringAsync("/teams/Stock?Below=true"));
        ledger.Should().Contain("河口村微型消防站").And.Contain("（低于最低库存）").And.Contain("低于最低库存 1 条");
    }
}
