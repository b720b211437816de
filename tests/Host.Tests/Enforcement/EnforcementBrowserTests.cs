using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>The draw journey in a real browser (Debian's Chromium via Playwright): directory, officers, draw, verify, public page.</summary>
public sealed class EnforcementBrowserTests : EnforcementTest
{
    private static async Task<IPage> PageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        // The machine is shared: allow a slow page rather than fail on load time.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task The_bureau_adds_an_enterprise_and_officers_draws_verifies_and_the_public_sees_the_result()
    {
        await using var app = await StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        Directory.CreateDirectory("screenshots");

        var page = await PageAsync(browser);
        await page.GotoAsync(app.BaseAddress + "/Account/Login");
        await page.GetByLabel("用户名").FillAsync(Bureau);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GotoAsync(app.BaseAddress + "/enforcement/Targets/Create");
        await page.GetByLabel("企业名称").FillAsync("青山县龙潭砖厂");
        await page.GetByLabel("统一社会信用代码").FillAsync(CodeNo(1)[..17] + (CodeNo(1)[17] == '0' ? '1' : '0'));
        await page.GetByLabel("地址").FillAsync("石门乡龙潭村");
        await page.GetByLabel("乡镇（街道）").SelectOptionAsync(new SelectOptionValue { Label = "石门乡" });
        await page.GetByLabel("行业").FillAsync("工贸");
        await page.GetByLabel("风险等级").SelectOptionAsync(new SelectOptionValue { Label = "A类" });
        await page.GetByLabel("标准化等级").SelectOptionAsync(new SelectOptionValue { Label = "小微企业" });
        await page.GetByLabel("信用等级").SelectOptionAsync(new SelectOptionValue { Label = "良好" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='Input.CreditCode']").InnerTextAsync()).Should().Be("统一社会信用代码校验位不正确");
        await page.GetByLabel("统一社会信用代码").FillAsync(CodeNo(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("已加入名录库：青山县龙潭砖厂");

        foreach (var (name, number) in new[] { ("李建平", "45099920001"), ("黄志强", "45099920002") })
        {
            await page.GotoAsync(app.BaseAddress + "/enforcement/Officers/Create");
            await page.GetByLabel("姓名").FillAsync(name);
            await page.GetByLabel("执法证号").FillAsync(number);
            await page.GetByLabel("有效期起").FillAsync("2025-01-01");
            await page.GetByLabel("有效期至").FillAsync("2028-12-31");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("已登记执法人员：" + name);
        }

        await page.GotoAsync(app.BaseAddress + "/enforcement/Draws/Create");
        await page.GetByLabel("抽取企业数").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "抽取", Exact = true }).ClickAsync();
        (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("已完成双随机抽取：1 家企业");
        await page.GetByTestId("verify").ClickAsync();
        (await page.GetByTestId("verify-result").InnerTextAsync()).Should().Be("一致");
        await page.ScreenshotAsync(new() { Path = "screenshots/enforcement-draw.png", FullPage = true });

        var visitor = await PageAsync(browser);
        await visitor.GotoAsync(app.BaseAddress + "/enforcement/Public/" + TestApp.County);
        var text = await visitor.GetByTestId("public-draw").InnerTextAsync();
        text.Should().Contain("青山县龙潭砖厂").And.Contain("李建平").And.Contain("黄志强").And.NotContain(CodeNo(1));
        await visitor.ScreenshotAsync(new() { Path = "screenshots/enforcement-public.png", FullPage = true });
    }
}
