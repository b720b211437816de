using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>The case journey in a real browser: inspection finding → 复查 failed → 立案 → 告知 → 法制审核 → 决定 → print → 结案.</summary>
public sealed class CaseBrowserTests : EnforcementTest
{
    [Fact]
    public async Task From_a_failed_recheck_the_bureau_opens_a_case_decides_after_legal_review_prints_and_closes()
    {
        await using var app = await StartAsync();
        var s = await CaseTests.SetupAsync(app);
        await InspectionSetupAsync(app, s);
        var inspection = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Inspections");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        Directory.CreateDirectory("screenshots");
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress + "/Account/Login");
        await page.GetByLabel("用户名").FillAsync(Bureau);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.GotoAsync(app.BaseAddress + $"/enforcement/Inspections/Details?id={inspection}");
        await page.GetByTestId("open-case").ClickAsync();
        await page.GetByLabel("执法事项").FillAsync("安全设备未经常性维护");
        await page.GetByLabel("承办执法人员").SelectOptionAsync(new SelectOptionValue { Label = "李建平" });
        await page.GetByLabel("立案审批人").FillAsync("王局长");
        await page.GetByRole(AriaRole.Button, new() { Name = "立案", Exact = true }).ClickAsync();
        (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("已立案：青山县石门石料厂（青山县应急立〔2026〕1号）");
        (await page.GetByTestId("steps").InnerTextAsync()).Should().Contain("报警器仍未更换");

        async Task StepAsync(string action, string? officer = null, string? approver = null, string? fine = null, bool waived = false, string? file = null)
        {
            await page.GetByLabel("办理环节").SelectOptionAsync(new SelectOptionValue { Label = action });
            if (officer is not null)
            {
                await page.GetByLabel("签署执法人员（须持有效执法证）").SelectOptionAsync(new SelectOptionValue { Label = officer });
            }

            if (approver is not null)
            {
                await page.GetByLabel("审批人（审核人）").FillAsync(approver);
            }

            if (fine is not null)
            {
                await page.GetByLabel("罚款（元）").FillAsync(fine);
            }

            if (waived)
            {
                await page.GetByLabel("当事人明确放弃陈述申辩").CheckAsync();
            }

            if (file is not null)
            {
                await page.GetByLabel("附件（证据材料）").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = CaseTests.Pdf });
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        }

        await StepAsync("调查取证", officer: "李建平", file: "询问笔录.pdf");
        (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("已办理“调查取证”");
        await StepAsync("调查终结", officer: "李建平");
        await StepAsync("告知", officer: "李建平", fine: "60000");
        (await page.GetByTestId("notice").InnerTextAsync()).Should().Contain("案件现为“已告知”");
        (await page.GetByTestId("case").InnerTextAsync()).Should().Contain("重大执法决定");

        await StepAsync("法制审核", approver: "法制科 覃敏");
        (await page.GetByTestId("case-state").InnerTextAsync()).Should().Be("法制审核通过");
        await StepAsync("集体讨论", approver: "王局长");
        await StepAsync("处罚决定", officer: "黄志强", fine: "60000", waived: true);
        (await page.GetByTestId("decision").InnerTextAsync()).Should().Contain("青山县应急罚〔2026〕1号").And.Contain("罚款 60,000 元");

        await page.GetByRole(AriaRole.Link, new() { Name = "行政处罚决定书" }).ClickAsync();
        (await page.GetByTestId("print-decision").InnerTextAsync()).Should().Contain("青山县应急罚〔2026〕1号").And.Contain("黄志强");
        await page.ScreenshotAsync(new() { Path = "screenshots/enforcement-decision.png", FullPage = true });
        await page.GoBackAsync();

        await StepAsync("送达", officer: "黄志强");
        await StepAsync("执行", officer: "李建平");
        await StepAsync("结案", approver: "王局长");
        (await page.GetByTestId("case-state").InnerTextAsync()).Should().Be("已结案");
        Regex.Matches(await page.GetByTestId("steps").InnerTextAsync(), "李建平|黄志强").Count.Should().BeGreaterThan(4);
        await page.ScreenshotAsync(new() { Path = "screenshots/enforcement-case.png", FullPage = true });
    }

    /// <summary>An inspection with a finding whose 复查 failed (through the pages).</summary>
    private static async Task InspectionSetupAsync(TestApp app, CaseTests.Setup s)
    {
        var html = await InspectionTests.InspectAsync(s.Bureau, s.Target, [s.Officer1, s.Officer2], new DateOnly(2026, 11, 10), "可燃气体报警器失效", new DateOnly(2026, 11, 17));
        Text(html).Should().Contain("责令限期整改");
        var id = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Inspections");
        var response = await TestApp.PostFormAsync(s.Bureau, $"/enforcement/Inspections/Details?id={id}&handler=Recheck", new Dictionary<string, string>
        {
            ["Recheck.Date"] = "2026-11-20",
            ["Recheck.Passed"] = "false",
            ["Recheck.Notes"] = "报警器仍未更换",
        }, tokenFrom: "/enforcement/Inspections/Create");
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("复查不合格");
    }
}
