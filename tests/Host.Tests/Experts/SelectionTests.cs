using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Emergency.Host.Tests.Experts.RecommendationSteps;

namespace Emergency.Host.Tests.Experts;

public sealed class SelectionTests : ExpertsTest
{
    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_rejected_candidate_keeps_record_and_reason()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "遴选测试", InChinaTime(TimeSpan.FromDays(10)));
        await RecommendAsync(app, Weather, round, Form("孙不通过", IdCard(Born, 101), await FieldIdAsync(app, "气象灾害")));
        var id = await RecommendationIdAsync(app, IdCard(Born, 101));

        (await ReviewAsync(app, round, id, "reject")).Should().Contain("不通过“孙不通过”须填写理由");
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Recommendations WHERE Id = {id}")).Should().Be(0, "nothing was decided");

        var page = await ReviewAsync(app, round, id, "reject", "从事本专业年限不足十年");
        page.Should().Contain("未通过：孙不通过（从事本专业年限不足十年）");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/experts/Selection?round={round}")).Should().Contain("孙不通过").And.Contain("未通过 从事本专业年限不足十年");
        await using var db = app.OpenStore("experts");
        (await db.Database.SqlQuery<string>($"SELECT ReviewNote AS Value FROM Recommendations WHERE Id = {id}").SingleAsync()).Should().Be("从事本专业年限不足十年");
        (await ApproveAsync(app, round, id)).Should().Contain("尚未通过遴选，不能批准入库");
        (await CountExpertsAsync(app)).Should().Be(0);
    }

    [Fact]
    public async Task Approval_admits_with_a_certificate_and_a_three_year_term_and_publishes_ExpertAdmitted()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "批准测试", InChinaTime(TimeSpan.FromDays(10)));
        var field = await FieldIdAsync(app, "气象灾害");
        var page = await AdmitAsync(app, round, "周入库", IdCard(Born, 111), field);
        page.Should().Contain("已批准入库：周入库，证书编号 450999-ZJ-2026-0001，聘期 2026-11-23 至 2029-11-22");

        await using (var db = app.OpenStore("experts"))
        {
            (await db.Database.SqlQueryRaw<string>("SELECT CertificateNumber || '|' || TermStart || '|' || TermEnd || '|' || Level || '|' || IFNULL(DepartmentName, '') AS Value FROM Experts").SingleAsync())
                .Should().Be("450999-ZJ-2026-0001|2026-11-23|2029-11-22|0|气象局");
        }

        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM ExpertFields WHERE FieldId = {field}")).Should().Be(1);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations WHERE Status = 3 AND ExpertId IS NOT NULL")).Should().Be(1);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%ExpertAdmitted%' AND Payload LIKE '%450999-ZJ-2026-0001%'")).Should().Be(1);

        // A read-only leader sees the candidates but decides nothing.
        await RecommendAsync(app, Weather, round, Form("吴第二", IdCard(Born, 112), field));
        var next = await RecommendationIdAsync(app, IdCard(Born, 112));
        await ReviewAsync(app, round, next, "pass");
        var leader = await app.AsAsync("leader");
        Text(await leader.GetStringAsync($"/experts/Selection?round={round}")).Should().Contain("吴第二").And.NotContain("应急委批准入库");
        (await TestApp.PostFormAsync(leader, $"/experts/Selection?handler=Approve&id={next}&round={round}", new Dictionary<string, string>(), tokenFrom: "/Account/ChangePassword"))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        (await CountExpertsAsync(app)).Should().Be(1);

        var second = await ApproveAsync(app, round, next);
        second.Should().Contain("证书编号 450999-ZJ-2026-0002");
    }

    [Fact]
    public async Task A_county_term_of_five_years_gives_a_five_year_term()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync("county-admin");
        var saved = await TestApp.PostFormAsync(admin, "/County/Settings", new Dictionary<string, string> { ["experts.term-years"] = "5" });
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存 1 项设置");

        var round = await OpenRoundAsync(app, "五年聘期", InChinaTime(TimeSpan.FromDays(10)));
        var page = await AdmitAsync(app, round, "郑五年", IdCard(Born, 121), await FieldIdAsync(app, "气象灾害"));
        page.Should().Contain("聘期 2026-11-23 至 2031-11-22");
        (await CountExpertsAsync(app, "TermEnd = '2031-11-22'")).Should().Be(1);
    }

    [Fact]
    public async Task The_same_ID_card_cannot_be_admitted_twice()
    {
        await using var app = await StartAsync();
        var field = await FieldIdAsync(app, "气象灾害");
        var first = await OpenRoundAsync(app, "第一轮", InChinaTime(TimeSpan.FromDays(10)));
        var second = await OpenRoundAsync(app, "第二轮", InChinaTime(TimeSpan.FromDays(10)));
        var idCard = IdCard(Born, 131);
        await RecommendAsync(app, Weather, first, Form("冯两轮", idCard, field));
        await RecommendAsync(app, "qingshan", second, Form("冯两轮", idCard, field));
        var a = await CountAsync(app, "experts", $"SELECT Id AS Value FROM Recommendations WHERE RoundId = {first}");
        var b = await CountAsync(app, "experts", $"SELECT Id AS Value FROM Recommendations WHERE RoundId = {second}");
        await ReviewAsync(app, first, a, "pass");
        await ReviewAsync(app, second, b, "pass");

        (await ApproveAsync(app, first, a)).Should().Contain("已批准入库：冯两轮");
        (await ApproveAsync(app, second, b)).Should().Contain("该身份证号码已在专家库中（证书 450999-ZJ-2026-0001），不能重复入库");
        (await CountExpertsAsync(app)).Should().Be(1);
        (await CountAsync(app, "experts", $"SELECT Status AS Value FROM Recommendations WHERE Id = {b}")).Should().Be(1, "still passed, not admitted");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%ExpertAdmitted%'")).Should().Be(1);

        // Once admitted, the person cannot be recommended again.
        var third = await OpenRoundAsync(app, "第三轮", InChinaTime(TimeSpan.FromDays(10)));
        Text(await RecommendAsync(app, Weather, third, Form("冯两轮", idCard, field))).Should().Contain("该身份证号码对应的人员已是在库专家");
    }

    [Fact]
    public async Task A_department_admits_its_own_team_candidate_and_files_it_with_the_county()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "部门队伍", InChinaTime(TimeSpan.FromDays(10)));
        await RecommendAsync(app, Weather, round, Form("陈部门", IdCard(Born, 141), await FieldIdAsync(app, "气象灾害"), level: "Department"));
        var id = await RecommendationIdAsync(app, IdCard(Born, 141));

        // The county's page does not decide department-team candidates.
        var bureau = await app.AsAsync(Bureau);
        (await TestApp.PostFormAsync(bureau, $"/experts/Selection?handler=Review&id={id}&round={round}", new Dictionary<string, string> { ["decision"] = "pass" }, tokenFrom: "/experts/Selection"))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);

        var weather = await app.AsAsync(Weather);
        await TestApp.PostFormAsync(weather, $"/experts/Selection?handler=Review&id={id}&round={round}", new Dictionary<string, string> { ["decision"] = "pass" }, tokenFrom: "/experts/Selection");
        (await ApproveAsync(app, round, id, Weather)).Should().Contain("已批准入库：陈部门");
        (await CountExpertsAsync(app, "Level = 1 AND DepartmentName = '气象局' AND FiledAtUtc IS NULL")).Should().Be(1);

        var filed = await TestApp.PostFormAsync(weather, "/experts/Selection?handler=File", new Dictionary<string, string>(), tokenFrom: "/experts/Selection");
        Text(await filed.Content.ReadAsStringAsync()).Should().Contain("已向县应急管理部门备案 1 名本部门专家");
        (await CountExpertsAsync(app, "Level = 1 AND FiledAtUtc IS NOT NULL")).Should().Be(1);
    }
}
