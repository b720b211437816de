using Autofac;
using Emergency.Host.Access;
using Emergency.Host.Platform.Data;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>Setting up a county in a real browser, as the people who do it would.</summary>
public sealed class CountySetupJourneyTests : PlatformTest
{
    private static async Task SignInAsync(IPage page, TestApp app, string user)
    {
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(app.BaseAddress + "/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task Admin_sets_up_a_county_and_a_department_gets_the_module_it_enabled()
    {
        await using var app = await StartAsync();
        // The demo county's 气象局 liaison (qxj) has no sample module yet: the county admin switches one on below.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });

        // The platform admin creates a county …
        await SignInAsync(page, app, "admin");
        await page.GotoAsync(app.BaseAddress + "/Platform/Counties/Create");
        await page.Locator("#Input_Code").FillAsync("450998");
        await page.Locator("#Input_Name").FillAsync("白石县");
        await page.Locator("#module-bulletins").CheckAsync();
        await page.Locator("#module-acknowledgements").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GotoAsync(app.BaseAddress + "/Platform/Counties");
        (await page.ContentAsync()).Should().Contain("白石县");

        // … and imports its villages from a spreadsheet, after a preview.
        var csv = Path.Combine(DataRoot, "baishi.csv");
        await File.WriteAllTextAsync(csv,
            "乡镇代码,乡镇名称,乡镇类型,村社区代码,村社区名称,村社区类型\n" +
            "450998100,白石镇,镇,450998100201,白沙村,村\n" +
            "450998100,白石镇,镇,450998100001,白石社区,社区\n" +
            "450998200,云岭乡,乡,450998200201,云岭村,村\n");
        await page.GotoAsync(app.BaseAddress + "/Platform/Counties/Tree?code=450998");
        await page.Locator("input[type=file]").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        (await page.ContentAsync()).Should().Contain("没有发现错误");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        (await page.ContentAsync()).Should().Contain("导入完成").And.Contain("云岭村");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory("screenshots").FullName, "county-tree.png"), FullPage = true });

        // The county admin of 青山县 enables 通知公告 for 水利局.
        await SignInAsync(page, app, "county-admin");
        await page.GotoAsync(app.BaseAddress + "/County/Departments");
        var water = page.GetByTestId("departments").Locator("tr", new() { HasText = "水利局" });
        await water.GetByLabel("通知公告").CheckAsync();
        await water.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        // A user of 水利局 now sees the module; a user of 气象局 does not.
        await SignInAsync(page, app, "slj");
        await page.GetByTestId("module-nav").GetByRole(AriaRole.Link, new() { Name = "通知公告" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("通知公告");

        await SignInAsync(page, app, "qxj");
        (await page.GetByTestId("module-nav").InnerTextAsync()).Should().NotContain("通知公告");
        var refused = await page.GotoAsync(app.BaseAddress + "/bulletins");
        refused!.Status.Should().Be(404);
    }
}
