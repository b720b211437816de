using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.TestSupport;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

/// <summary>
/// The experts journey in a real browser (Debian's Chromium via Playwright), in Chinese: a round is opened,
/// a department recommends, the bureau selects and approves, dispatches the expert who answers by the
/// emailed link, then holds a 会商会 and records attendance, and finally edits the expert's mobile and title.
/// </summary>
public sealed class ExpertsBrowserTests : ExpertsTest
{
    private const string ExpertName = "林晓风";
    private const string ExpertEmail = "expert@qingshan.example.cn";
    private const float Patience = 60_000;

    private static readonly BrowserNewContextOptions Chinese = new() { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" };

    private static async Task<IPage> OpenAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(Chinese);
        // The machine is shared: allow a slow page rather than fail on load time.
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        return await context.NewPageAsync();
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, TestApp app, string user)
    {
        var page = await OpenAsync(browser);
        await page.GotoAsync(app.BaseAddress + "/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Sign-in as {user} stayed on {page.Url}: " + await page.ContentAsync());
        }

        return page;
    }

    private static Task SeesAsync(ILocator locator, string text) =>
        Assertions.Expect(locator).ToContainTextAsync(text, new() { Timeout = Patience, UseInnerText = true });

    private static Task SeesExactlyAsync(ILocator locator, string text) =>
        Assertions.Expect(locator).ToHaveTextAsync(text, new() { Timeout = Patience });

    private static Task TabAsync(IPage page, string name) =>
        page.GetByTestId("experts-tabs").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    private static string Local(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_round_is_opened_an_expert_recommended_approved_dispatched_answers_by_the_emailed_link_and_attends_a_consultation()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        Directory.CreateDirectory("screenshots");
        const string roundTitle = "2027年度气象专家推荐";
        var idCard = RecommendationSteps.IdCard(RecommendationSteps.Born, 201);

        // 1. The bureau opens a round inviting 气象局.
        var bureau = await SignInAsync(browser, app, Bureau);
        await bureau.GotoAsync(app.BaseAddress + "/experts");
        await TabAsync(bureau, "推荐轮次");
        await bureau.GetByRole(AriaRole.Link, new() { Name = "发起推荐", Exact = true }).ClickAsync();
        var roundForm = bureau.GetByTestId("round-form");
        await roundForm.GetByLabel("标题").FillAsync(roundTitle);
        await roundForm.GetByLabel("说明").FillAsync("请气象局推荐气象灾害领域专家");
        await roundForm.GetByLabel("推荐截止").FillAsync(Local(InChinaTime(TimeSpan.FromDays(10))));
        await roundForm.GetByLabel("备案截止").FillAsync(Local(InChinaTime(TimeSpan.FromDays(15))));
        // Every unit using the module is ticked to start with; this round invites 气象局 only.
        foreach (var unit in await roundForm.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await unit.UncheckAsync();
        }

        await roundForm.GetByLabel("气象局", new() { Exact = true }).CheckAsync();
        await roundForm.GetByRole(AriaRole.Button, new() { Name = "发起推荐" }).ClickAsync();
        await SeesExactlyAsync(bureau.GetByTestId("notice"), $"已发起推荐：{roundTitle}（1 个单位）");
        var round = bureau.Locator("section", new() { HasText = roundTitle });
        await SeesAsync(round, "推荐中");
        await SeesAsync(round.Locator("tbody"), "气象局 0 / 3 未报送");
        (await round.Locator("tbody tr").CountAsync()).Should().Be(1, "only 气象局 was invited");

        // 2. 气象局 fills in the 推荐表 and sees the candidate listed.
        var weather = await SignInAsync(browser, app, Weather);
        await weather.GotoAsync(app.BaseAddress + "/experts");
        await TabAsync(weather, "推荐专家");
        await weather.Locator("section", new() { HasText = roundTitle }).GetByRole(AriaRole.Link, new() { Name = "填写推荐表" }).ClickAsync();
        var form = weather.GetByTestId("recommend-form");
        await form.GetByLabel("姓名").FillAsync(ExpertName);
        await form.GetByLabel("性别").SelectOptionAsync(new SelectOptionValue { Label = "男" });
        await form.GetByLabel("出生日期").FillAsync(RecommendationSteps.Born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByLabel("身份证号码").FillAsync(idCard);
        await form.GetByLabel("工作单位").FillAsync("青山县气象台");
        await form.GetByLabel("职称").FillAsync("高级工程师");
        await form.GetByLabel("专业", new() { Exact = true }).FillAsync("天气预报");
        await form.GetByLabel("领域").SelectOptionAsync(new SelectOptionValue { Label = "自然灾害类 · 气象灾害" });
        await form.GetByLabel("手机").FillAsync("13907710001");
        await form.GetByLabel("邮箱").FillAsync(ExpertEmail);
        await form.GetByLabel("工作经历及主要业绩").FillAsync("从事气象预报工作二十年，多次参与台风防御会商");
        await form.GetByLabel("推荐单位意见").FillAsync("同意推荐");
        await form.GetByLabel("队伍").SelectOptionAsync(new SelectOptionValue { Label = "县政府专家队伍" });
        await form.GetByRole(AriaRole.Button, new() { Name = "提交推荐" }).ClickAsync();
        await SeesExactlyAsync(weather.GetByTestId("notice"), $"已推荐：{ExpertName}");
        var listed = weather.Locator("section", new() { HasText = roundTitle }).Locator("tr", new() { HasText = ExpertName });
        await SeesAsync(listed, "气象灾害");
        await SeesAsync(listed, "待遴选");

        // 3. The bureau passes the candidate with a note, then the emergency committee approves.
        // A fresh load of the rounds page (the bureau is still on it), so the click below cannot land on the old page.
        await bureau.GotoAsync(app.BaseAddress + "/experts/Rounds");
        await bureau.Locator("section", new() { HasText = roundTitle }).GetByRole(AriaRole.Link, new() { Name = "遴选批准" }).ClickAsync();
        var candidate = bureau.GetByTestId("candidates").Locator("tr", new() { HasText = ExpertName });
        await SeesAsync(candidate, "待遴选");
        await candidate.GetByLabel("遴选结论").SelectOptionAsync(new SelectOptionValue { Label = "通过" });
        await candidate.GetByLabel("理由").FillAsync("业绩突出，符合推荐条件");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await SeesExactlyAsync(bureau.GetByTestId("notice"), $"遴选通过：{ExpertName}");
        await SeesAsync(candidate, "遴选通过，待批准");
        await SeesAsync(candidate, "业绩突出，符合推荐条件");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "应急委批准入库" }).ClickAsync();
        await SeesExactlyAsync(bureau.GetByTestId("notice"), $"已批准入库：{ExpertName}，证书编号 450999-ZJ-2026-0001，聘期 2026-11-23 至 2029-11-22");
        await SeesAsync(candidate, "已入库");

        // 4. The bureau sends a dispatch notice for 气象灾害 to the suggested expert.
        const string dispatchTitle = "台风“山竹”防御现场会商";
        await TabAsync(bureau, "专家调用");
        await bureau.GetByRole(AriaRole.Link, new() { Name = "发出调用通知" }).ClickAsync();
        var startsAt = Local(InChinaTime(TimeSpan.FromHours(6)));
        var suggest = bureau.GetByTestId("suggest-form");
        await suggest.GetByLabel("所需领域").SelectOptionAsync(new SelectOptionValue { Label = "气象灾害" });
        await suggest.GetByLabel("开始时间").FillAsync(startsAt);
        await suggest.GetByRole(AriaRole.Button, new() { Name = "查找可调用专家" }).ClickAsync();
        var suggested = bureau.GetByTestId("suggestions").Locator("tr", new() { HasText = ExpertName });
        await SeesAsync(suggested, "青山县气象台");
        var dispatchForm = bureau.GetByTestId("dispatch-form");
        await dispatchForm.GetByLabel("调用事项（事件或任务）").FillAsync(dispatchTitle);
        await dispatchForm.GetByLabel("地点").FillAsync("青山镇河口村");
        await dispatchForm.GetByLabel("说明").FillAsync("请携带气象监测资料");
        await dispatchForm.GetByLabel("所需领域").SelectOptionAsync(new SelectOptionValue { Label = "气象灾害" });
        await dispatchForm.GetByLabel("开始时间").FillAsync(startsAt);
        await dispatchForm.GetByLabel("答复期限").FillAsync(Local(InChinaTime(TimeSpan.FromHours(4))));
        await suggested.GetByRole(AriaRole.Checkbox).CheckAsync();
        await dispatchForm.GetByRole(AriaRole.Button, new() { Name = "发出调用通知" }).ClickAsync();
        await SeesExactlyAsync(bureau.GetByTestId("notice"), "已发出调用通知，通知专家 1 名");
        var assignment = bureau.GetByTestId("assignments").Locator("tr", new() { HasText = ExpertName });
        await SeesExactlyAsync(assignment.Locator("td").Nth(3), "待答复");
        var dispatchUrl = bureau.Url;

        // 5. The email reaches the expert, who answers by its link without signing in.
        var mail = await Eventually.WaitAsync(
            () => Task.FromResult(smtp.Messages().FirstOrDefault(m => m.Subject == $"专家调用通知：{dispatchTitle}" && m.To.Mailboxes.Any(b => b.Address == ExpertEmail))),
            m => m is not null,
            TimeSpan.FromSeconds(60));
        mail.Should().NotBeNull("the dispatch notice is emailed to the expert");
        var link = LinkIn(mail!);
        link.Should().Contain("/experts/Respond?t=");
        var expert = await OpenAsync(browser);
        await expert.GotoAsync(link);
        await SeesAsync(expert.GetByTestId("dispatch"), dispatchTitle);
        await SeesAsync(expert.GetByTestId("dispatch"), ExpertName + " 专家：");
        await expert.GetByRole(AriaRole.Button, new() { Name = "接受调用" }).ClickAsync();
        await SeesExactlyAsync(expert.GetByTestId("respond-message"), "已接受调用，请按时到现场指挥部报到。");
        await Assertions.Expect(expert.GetByRole(AriaRole.Button, new() { Name = "接受调用" })).ToHaveCountAsync(0, new() { Timeout = Patience });
        await expert.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "experts-respond.png"), FullPage = true });

        await bureau.GotoAsync(dispatchUrl);
        await Assertions.Expect(assignment.Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^\s*接受\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s*$"), new() { Timeout = Patience });

        // 6. The bureau holds a 会商会 with the expert and records attendance and the report once it has begun.
        const string topic = "台风“山竹”影响趋势会商";
        await TabAsync(bureau, "专家会商");
        await bureau.GetByRole(AriaRole.Link, new() { Name = "组织会商" }).ClickAsync();
        var meetingForm = bureau.GetByTestId("meeting-form");
        await meetingForm.GetByLabel("会议类型").SelectOptionAsync(new SelectOptionValue { Label = "会商会" });
        await meetingForm.GetByLabel("会商主题").FillAsync(topic);
        await meetingForm.GetByLabel("开始时间").FillAsync(Local(InChinaTime(TimeSpan.FromHours(1))));
        await meetingForm.GetByLabel("会商地点").FillAsync("县应急指挥中心三楼会议室");
        await meetingForm.Locator("tr", new() { HasText = ExpertName }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await meetingForm.GetByRole(AriaRole.Button, new() { Name = "发出邀请" }).ClickAsync();
        await SeesExactlyAsync(bureau.GetByTestId("notice"), "已组织会商会，邀请专家 1 名");
        await SeesAsync(bureau.GetByTestId("meeting"), "会商会 · 待召开");
        var meetingUrl = bureau.Url;

        // The meeting begins; the clock moved past the idle timeout, so the bureau signs in again.
        Clock.Advance(TimeSpan.FromHours(2));
        var organiser = await SignInAsync(browser, app, Bureau);
        await organiser.GotoAsync(meetingUrl);
        var invitation = organiser.GetByTestId("invitations").Locator("tr", new() { HasText = ExpertName });
        await SeesExactlyAsync(invitation.Locator("td").Nth(2), "未登记");
        await invitation.GetByLabel("出席情况").SelectOptionAsync(new SelectOptionValue { Label = "出席" });
        await invitation.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await SeesExactlyAsync(organiser.GetByTestId("notice"), $"已登记 {ExpertName} 的出席情况");
        await SeesExactlyAsync(invitation.Locator("td").Nth(2), "出席");
        await SeesAsync(organiser.GetByTestId("meeting"), "会商会 · 已召开");
        await organiser.GetByLabel("趋势分析和对策报告").FillAsync("预计台风带来强降雨，建议提前转移低洼地带群众。");
        await organiser.GetByTestId("report-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await SeesExactlyAsync(organiser.GetByTestId("notice"), "已保存趋势分析和对策报告");
        await Assertions.Expect(organiser.GetByLabel("趋势分析和对策报告")).ToHaveValueAsync("预计台风带来强降雨，建议提前转移低洼地带群众。", new() { Timeout = Patience });

        // The expert's profile shows the meeting (and the dispatch) in the participation history.
        await invitation.GetByRole(AriaRole.Link, new() { Name = ExpertName }).ClickAsync();
        await SeesAsync(organiser.GetByTestId("profile"), "450999-ZJ-2026-0001");
        var history = organiser.GetByTestId("history").Locator("tr", new() { HasText = topic });
        await SeesExactlyAsync(history.Locator("td").Nth(1), "会商");
        await SeesExactlyAsync(history.Locator("td").Nth(3), "应急管理局");
        await SeesAsync(organiser.GetByTestId("history"), dispatchTitle);
        var attended = organiser.GetByTestId("profile-meetings").Locator("tr", new() { HasText = topic });
        await SeesExactlyAsync(attended.Locator("td").Nth(3), "出席");
        await SeesExactlyAsync(organiser.GetByTestId("profile-dispatches").Locator("tr", new() { HasText = dispatchTitle }).Locator("td").Nth(3), "接受");
        await organiser.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "experts-profile.png"), FullPage = true });

        // 7. The bureau edits two fields of the expert's record; the profile shows the new values and the old→new lines.
        await organiser.GetByTestId("edit-link").ClickAsync();
        var edit = organiser.GetByTestId("edit-form");
        await edit.GetByLabel("手机").FillAsync("13907719999");
        await edit.GetByLabel("职称").FillAsync("正高级工程师");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await SeesExactlyAsync(organiser.GetByTestId("notice"), $"已修改 {ExpertName} 的信息");
        await SeesAsync(organiser.GetByTestId("profile"), "13907719999");
        await SeesAsync(organiser.GetByTestId("profile"), "正高级工程师");
        var change = organiser.GetByTestId("changes").Locator("tbody tr").First;
        await SeesAsync(change, "手机：13907710001 → 13907719999");
        await SeesAsync(change, "职称：高级工程师 → 正高级工程师");
        await SeesAsync(change, "已生效");
    }
}
