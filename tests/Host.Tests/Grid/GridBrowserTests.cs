using System.Globalization;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>The hazard journey on a phone-sized screen in a real browser (Debian's Chromium via Playwright).</summary>
public sealed class GridBrowserTests : GridTest
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        IsMobile = true,
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
    };

    private static async Task<IPage> SignInAsync(IBrowser browser, TestApp app, string user)
    {
        var context = await browser.NewContextAsync(Phone);
        // The machine is shared: allow a slow page rather than fail on load time.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress + "/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    [Fact]
    public async Task A_grid_member_reports_from_a_phone_the_department_is_whistled_reports_in_and_the_township_closes_the_hazard()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        await EnableForWaterAsync(app);
        await SetUpGridsAsync(app);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        Directory.CreateDirectory("screenshots");

        // The grid member reports a hazard with a photo from the phone.
        var member = await SignInAsync(browser, app, GridMember);
        await member.GotoAsync(app.BaseAddress + "/grid/Hazards/Report");
        await member.GetByLabel("网格", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "HK-01 河口村第一村民小组" });
        await member.GetByLabel("隐患类别").SelectOptionAsync(new SelectOptionValue { Label = "山洪" });
        await member.GetByLabel("隐患描述").FillAsync("山洪沟排洪涵洞被垃圾堵塞");
        await member.GetByLabel("地点", new() { Exact = true }).FillAsync("河口村一组涵洞");
        await member.GetByLabel("现场照片").SetInputFilesAsync(new FilePayload { Name = "culvert.png", MimeType = "image/png", Buffer = Png });
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "grid-report-phone.png"), FullPage = true });
        await member.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        (await member.GetByTestId("notice").InnerTextAsync()).Should().StartWith("已上报隐患");
        (await member.GetByTestId("photos").Locator("img").CountAsync()).Should().Be(1);
        var detailsUrl = member.Url;

        // The township assigns it to 水利局 with a deadline.
        var township = await SignInAsync(browser, app, Township);
        await township.GotoAsync(detailsUrl);
        await township.GetByLabel("责任部门").SelectOptionAsync(new SelectOptionValue { Label = "水利局" });
        await township.GetByLabel("整改期限（北京时间）").FillAsync(InChinaTime(TimeSpan.FromDays(3)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await township.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Be("已交办水利局");
        (await township.GetByTestId("state").InnerTextAsync()).Should().Contain("已交办");

        // The deadline passes and the sweep runs: 水利局 is whistled (a notice, mailed in its daily digest).
        Clock.Advance(TimeSpan.FromDays(4));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("grid:overdue-sweep");
        // An overdue hazard is a bulk kind: it is mailed in the department's daily digest.
        await Eventually.WaitAsync(() => app.NoticeCountAsync("grid.hazard-overdue"), n => n == 1, TimeSpan.FromSeconds(60));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("platform:notice-digest");
        // Two mails by then: the assignment (mailed at once) and the digest.
        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(60));
        mails.Should().Contain(m => m.TextBody != null && m.TextBody.Contains("隐患整改逾期，请报到", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "slj@qingshan.example.cn");

        // 水利局 finds it on its 报到 list, reports in, rectifies and asks for re-inspection.
        var water = await SignInAsync(browser, app, Water);
        await water.GotoAsync(app.BaseAddress + "/grid");
        await water.GetByTestId("grid-tabs").GetByRole(AriaRole.Link, new() { Name = "吹哨报到" }).ClickAsync();
        var listed = water.GetByTestId("reportin-list").GetByRole(AriaRole.Link, new() { Name = "河口村一组涵洞" });
        await listed.ClickAsync();
        await water.GetByLabel("报到情况").FillAsync("已组织人员清理涵洞，明日完成");
        await water.GetByRole(AriaRole.Button, new() { Name = "部门报到", Exact = true }).ClickAsync();
        (await water.GetByTestId("notice").InnerTextAsync()).Should().Be("已报到");
        await water.GetByRole(AriaRole.Button, new() { Name = "开始整改" }).ClickAsync();
        await water.GetByLabel("整改情况").FillAsync("涵洞已清理完毕，排洪畅通");
        await water.GetByRole(AriaRole.Button, new() { Name = "整改完成，申请复查" }).ClickAsync();
        (await water.GetByTestId("state").InnerTextAsync()).Should().Contain("待复查");
        await water.GotoAsync(app.BaseAddress + "/grid/Whistle");
        (await water.GetByTestId("reportin-empty").InnerTextAsync()).Should().Be("没有待报到的隐患。");

        // The township re-inspects and closes it (a fresh sign-in: the clock moved past the idle timeout).
        var closer = await SignInAsync(browser, app, Township);
        await closer.GotoAsync(detailsUrl);
        await closer.GetByRole(AriaRole.Button, new() { Name = "复查合格，销号" }).ClickAsync();
        (await closer.GetByTestId("notice").InnerTextAsync()).Should().Be("复查合格，已销号");
        (await closer.GetByTestId("state").InnerTextAsync()).Should().Contain("已销号");
        (await closer.GetByTestId("history").InnerTextAsync()).Should().Contain("部门报到").And.Contain("逾期吹哨").And.Contain("复查销号");
        await closer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "grid-closed-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task On_a_phone_a_grid_member_fixes_a_hazard_on_the_spot_a_department_returns_another_and_the_township_reassigns_and_whistles()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        Directory.CreateDirectory("screenshots");

        // The grid member reports a fallen tree and clears it at once, with a photo of the fix.
        var member = await SignInAsync(browser, app, GridMember);
        await member.GotoAsync(app.BaseAddress + "/grid/Hazards/Report");
        await member.GetByLabel("网格", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "HK-01 河口村第一村民小组" });
        await member.GetByLabel("隐患类别").SelectOptionAsync(new SelectOptionValue { Label = "山洪" });
        await member.GetByLabel("隐患描述").FillAsync("大风刮倒树木，挡住村道");
        await member.GetByLabel("地点", new() { Exact = true }).FillAsync("河口村一组村道");
        await member.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        (await member.GetByTestId("notice").InnerTextAsync()).Should().StartWith("已上报隐患");
        var fixedUrl = member.Url;
        await member.GetByLabel("现场整改情况").FillAsync("已锯断树木，清理村道");
        await member.GetByLabel("整改照片").SetInputFilesAsync(new FilePayload { Name = "cleared.png", MimeType = "image/png", Buffer = Png });
        await member.GetByRole(AriaRole.Button, new() { Name = "现场整改", Exact = true }).ClickAsync();
        (await member.GetByTestId("notice").InnerTextAsync()).Should().Be("已现场整改，待乡镇复查");
        (await member.GetByTestId("state").InnerTextAsync()).Should().Contain("待复查");
        (await member.GetByTestId("fix-photos").Locator("img").CountAsync()).Should().Be(1);
        await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "grid-fix-phone.png"), FullPage = true });

        // The township re-inspects and closes it.
        var township = await SignInAsync(browser, app, Township);
        await township.GotoAsync(fixedUrl);
        await township.GetByRole(AriaRole.Button, new() { Name = "复查合格，销号" }).ClickAsync();
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Be("复查合格，已销号");
        (await township.GetByTestId("history").InnerTextAsync()).Should().Contain("现场整改").And.Contain("复查销号");

        // Another hazard: the township confirms its level and assigns it to 气象局, which returns it with a reason.
        var id = await ReportedHazardAsync(app, grid, "河口村一组变压器");
        var details = app.BaseAddress + "/grid/Hazards/Details?id=" + Invariant(id);
        await township.GotoAsync(details);
        await township.GetByRole(AriaRole.Button, new() { Name = "确认等级", Exact = true }).ClickAsync();
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Be("已确认为一般隐患");
        await township.GetByLabel("责任部门").SelectOptionAsync(new SelectOptionValue { Label = "气象局" });
        await township.GetByLabel("整改期限（北京时间）").FillAsync(InChinaTime(TimeSpan.FromDays(5)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await township.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Be("已交办气象局");

        var weather = await SignInAsync(browser, app, Weather);
        await weather.GotoAsync(details);
        await weather.GetByLabel("退回理由").FillAsync("变压器属供电公司管理，不属于气象局职责");
        await weather.GetByTestId("return").ClickAsync();
        await weather.WaitForURLAsync(url => url.Contains("/grid/Ledger", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        // The township assigns it again to the emergency bureau and whistles by hand before the deadline.
        await township.GotoAsync(details);
        (await township.GetByTestId("state").InnerTextAsync()).Should().Contain("已上报");
        await township.GetByLabel("责任部门").SelectOptionAsync(new SelectOptionValue { Label = "应急管理局" });
        await township.GetByLabel("整改期限（北京时间）").FillAsync(InChinaTime(TimeSpan.FromDays(5)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await township.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Be("已交办应急管理局");
        await township.GetByLabel("吹哨理由").FillAsync("供电线路隐患，请立即核实");
        await township.GetByRole(AriaRole.Button, new() { Name = "乡镇吹哨", Exact = true }).ClickAsync();
        (await township.GetByTestId("notice").InnerTextAsync()).Should().Be("已吹哨，通知应急管理局报到");
        (await township.GetByTestId("awaiting-reportin").IsVisibleAsync()).Should().BeTrue();
        (await township.GetByTestId("history").InnerTextAsync()).Should().Contain("退回").And.Contain("乡镇吹哨").And.Contain("供电线路隐患，请立即核实");
        await township.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "grid-whistle-phone.png"), FullPage = true });
    }
}
