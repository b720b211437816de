using System.Globalization;
using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class ExitTests : ExpertsTest
{
    private static async Task<string> PostAsync(HttpClient client, string handler, IDictionary<string, string> fields)
    {
        var response = await TestApp.PostFormAsync(client, "/experts/Exits?handler=" + handler, fields, tokenFrom: "/experts/Exits");
        return Text(await response.Content.ReadAsStringAsync());
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<int> StatusAsync(TestApp app, int expert) => CountAsync(app, "experts", $"SELECT Status AS Value FROM Experts WHERE Id = {expert}");

    [Fact]
    public async Task A_department_files_and_approves_a_voluntary_exit_of_its_own_team_expert_and_the_employer_is_told()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "蒋云", "气象灾害", 1, weatherId, "jiangyun@expert.example.cn", "hr@jiangyun.example.cn", departmentName: "气象局");
        var stays = await SeedExpertAsync(app, "沈雪", "气象灾害", 1, weatherId, "shenxue@expert.example.cn", "hr@shenxue.example.cn", departmentName: "气象局");
        var weather = await app.AsAsync(Weather);

        (await PostAsync(weather, "Apply", new Dictionary<string, string> { ["Input.ExpertId"] = Id(expert), ["Input.Reason"] = "" }))
            .Should().Contain("请填写退出原因");
        (await PostAsync(weather, "Apply", new Dictionary<string, string> { ["Input.ExpertId"] = Id(expert), ["Input.Reason"] = "调往外省工作" }))
            .Should().Contain("已提交 蒋云 的退出申请，待审批");
        (await PostAsync(weather, "Apply", new Dictionary<string, string> { ["Input.ExpertId"] = Id(stays), ["Input.Reason"] = "工作繁忙" }))
            .Should().Contain("已提交 沈雪 的退出申请");
        (await StatusAsync(app, expert)).Should().Be(0, "an application alone changes nothing");

        var request = await CountAsync(app, "experts", $"SELECT Id AS Value FROM ExitRequests WHERE ExpertId = {expert}");
        (await PostAsync(weather, $"Decide&requestId={request}&approve=true", new Dictionary<string, string>()))
            .Should().Contain("已同意 蒋云 退出，证书已注销");
        var refused = await CountAsync(app, "experts", $"SELECT Id AS Value FROM ExitRequests WHERE ExpertId = {stays}");
        (await PostAsync(weather, $"Decide&requestId={refused}&approve=false", new Dictionary<string, string> { ["Input.Note"] = "" }))
            .Should().Contain("请填写不同意的理由");
        (await PostAsync(weather, $"Decide&requestId={refused}&approve=false", new Dictionary<string, string> { ["Input.Note"] = "汛期结束后再议" }))
            .Should().Contain("未同意 沈雪 的退出申请");

        (await StatusAsync(app, expert)).Should().Be(1);
        (await StatusAsync(app, stays)).Should().Be(0);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Experts WHERE Id = {expert} AND StatusReason = '调往外省工作' AND StatusChangedAtUtc IS NOT NULL")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertExited")).Should().Be(1);
        (await OutboxCountAsync(app, "ExpertDisqualified")).Should().Be(0);
        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single();
        mail.To.Mailboxes.Single().Address.Should().Be("hr@jiangyun.example.cn");
        mail.TextBody.Should().Contain("经本人申请已退出").And.Contain("已注销");
        Text(await weather.GetStringAsync($"/experts/Profile?id={expert}")).Should().Contain("证书已注销").And.Contain("已退出");
    }

    [Fact]
    public async Task Only_a_county_manager_dismisses_an_expert_and_must_give_a_reason()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "韩冰", "气象灾害", 0, weatherId, "hanbing@expert.example.cn", "hr@hanbing.example.cn", departmentName: "气象局");

        var refused = await TestApp.PostFormAsync(await app.AsAsync(Weather), "/experts/Exits?handler=Dismiss",
            new Dictionary<string, string> { ["Input.ExpertId"] = Id(expert), ["Input.Reason"] = "违法" }, tokenFrom: "/experts/Exits");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var bureau = await app.AsAsync(Bureau);
        (await PostAsync(bureau, "Dismiss", new Dictionary<string, string> { ["Input.ExpertId"] = Id(expert), ["Input.Reason"] = " " }))
            .Should().Contain("请填写解聘原因");
        (await StatusAsync(app, expert)).Should().Be(0);
        (await PostAsync(bureau, "Dismiss", new Dictionary<string, string> { ["Input.ExpertId"] = Id(expert), ["Input.Reason"] = "违反保密纪律，情节严重" }))
            .Should().Contain("已解聘 韩冰，证书已注销");

        (await StatusAsync(app, expert)).Should().Be(3);
        (await OutboxCountAsync(app, "ExpertExited")).Should().Be(1);
        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single();
        mail.To.Mailboxes.Single().Address.Should().Be("hr@hanbing.example.cn");
        mail.TextBody.Should().Contain("已被解聘").And.Contain("违反保密纪律，情节严重");
        Text(await bureau.GetStringAsync($"/experts/Profile?id={expert}")).Should().Contain("证书已注销").And.Contain("违反保密纪律，情节严重");
    }
}
