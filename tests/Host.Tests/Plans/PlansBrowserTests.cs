using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Plans;

/// <summary>The filing journey in a real browser: a township drafts a plan, has it reviewed, issues it and files it; the county asks 补正, the township resubmits, the county registers.</summary>
public sealed class PlansBrowserTests : PlansTest
{
    private static async Task<IPage> SignedInAsync(IBrowser browser, TestApp app, string user)
    {
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress + "/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    private static async Task SubmitAsync(IPage page, string formSelector, int index = 0) =>
        await page.Locator(formSelector).Nth(index).Locator("button[type=submit]").First.ClickAsync();

    [Fact]
    public async Task A_township_drafts_reviews_issues_and_files_the_county_asks_for_correction_and_registers_the_resubmission()
    {
        await using var app = await StartAsync();
        var general = await GeneralAsync(app);
        var id = await RegisterAsync(app, await app.AsAsync(Township), "青山镇防汛抗旱专项应急预案", "TownshipSpecial", $"township:{await TownshipIdAsync(app, "青山镇")}", general, "FloodDrought");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var details = app.BaseAddress + "/plans/Details?id=" + Invariant(id);

        // The township drafts: uploads its first version.
        var township = await SignedInAsync(browser, app, Township);
        await township.GotoAsync(details);
        (await township.GetByTestId("status").InnerTextAsync()).Should().Be("编制中");
        await township.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "防汛预案.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await township.Locator("[name='Version.Summary']").FillAsync("首次编制");
        await township.Locator("[name='Version.Reason']").FillAsync("按照预案体系建设要求编制");
        await SubmitAsync(township, "[data-testid=upload-form]");
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Contain("已上传第 1 版");

        // Review: two outside reviewers, both 通过, concluded 通过.
        await township.Locator("[name='Review.HeldOn']").FillAsync("2026-11-20");
        await township.Locator("[name='Review.Names[0]']").FillAsync("周评审");
        await township.Locator("[name='Review.Units[0]']").FillAsync("市应急管理局");
        await township.Locator("[name='Review.Names[1]']").FillAsync("吴评审");
        await township.Locator("[name='Review.Units[1]']").FillAsync("县水利局");
        await SubmitAsync(township, "[data-testid=review-form]");
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Contain("已组织评审");
        for (var i = 0; i < 2; i++)
        {
            var form = township.Locator("form[action*='handler=Opinion']").Nth(i);
            await form.Locator("[name='Opinion.Text']").FillAsync("结构完整，职责清晰");
            await form.Locator("[name='Opinion.Verdict']").SelectOptionAsync("Pass");
            await form.Locator("button[type=submit]").ClickAsync();
            (await township.GetByTestId("notice").InnerTextAsync()).Should().Contain("已录入评审意见");
        }

        await township.Locator("button[name=Conclusion][value=Passed]").ClickAsync();
        (await township.GetByTestId("review-conclusion").First.InnerTextAsync()).Should().Be("通过");

        // Issue (签发), then submit for filing.
        await township.Locator("[name='Issue.Signer']").FillAsync("韦志刚");
        await township.Locator("[name='Issue.IssuedOn']").FillAsync("2026-11-20");
        await township.Locator("[name='Issue.DocumentNumber']").FillAsync("青山镇发〔2026〕3号");
        await SubmitAsync(township, "[data-testid=issue-form]");
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Contain("已签发，该版本现行有效");
        (await township.GetByTestId("in-force").CountAsync()).Should().Be(1);
        await SubmitAsync(township, "[data-testid=submit-form]");
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Contain("已报送备案");

        // The county asks for 补正.
        var bureau = await SignedInAsync(browser, app, Bureau);
        await bureau.GotoAsync(details);
        (await bureau.GetByTestId("filing-state").InnerTextAsync()).Should().Contain("已报送");
        await bureau.Locator("[name='Correction.Items']").FillAsync("补充山洪危险区转移路线图");
        await bureau.Locator("form[action*='handler=Correct'] button[type=submit]").ClickAsync();
        (await bureau.GetByTestId("notice").InnerTextAsync()).Should().Contain("已发出补正通知");

        // The township sees the list and resubmits.
        await township.GotoAsync(details);
        (await township.GetByTestId("corrections").InnerTextAsync()).Should().Contain("补充山洪危险区转移路线图");
        (await township.GetByTestId("filing-state").InnerTextAsync()).Should().Contain("补正");
        await SubmitAsync(township, "[data-testid=submit-form]");
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Contain("已报送备案");

        // The county registers it.
        await bureau.GotoAsync(details);
        await bureau.Locator("form[action*='handler=Register'] button[type=submit]").ClickAsync();
        (await bureau.GetByTestId("notice").InnerTextAsync()).Should().Contain("已登记备案，备案编号");
        await township.GotoAsync(details);
        (await township.GetByTestId("filing-state").InnerTextAsync()).Should().Contain("已登记");
        (await township.GetByTestId("record-link").CountAsync()).Should().Be(1);
    }
}
