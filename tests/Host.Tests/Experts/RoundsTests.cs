using System.Net;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.RecommendationSteps;

namespace Emergency.Host.Tests.Experts;

public sealed class RoundsTests : ExpertsTest
{
    [Fact]
    public async Task The_bureau_opens_a_round_for_all_departments_using_the_module_and_sees_each_units_progress()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var form = await bureau.GetStringAsync("/experts/Rounds/Create");
        form.Should().Contain("气象局").And.Contain("青山镇");
        form.Should().NotContain(">水利局<", "水利局 has not switched the module on");

        var round = await OpenRoundAsync(app, "2027年度专家推荐", InChinaTime(TimeSpan.FromDays(10)));
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM RoundUnits WHERE RoundId = {round} AND UnitName = '气象局'")).Should().Be(1);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM RoundUnits WHERE RoundId = {round} AND UnitName = '水利局'")).Should().Be(0);

        await RecommendAsync(app, Weather, round, Form("张气象", IdCard(Born, 11), await FieldIdAsync(app, "气象灾害")));
        var list = Text(await bureau.GetStringAsync("/experts/Rounds"));
        list.Should().Contain("2027年度专家推荐").And.Contain("气象局 1 / 3 未报送").And.Contain("应急管理局 0 / 3 未报送");
    }

    [Fact]
    public async Task A_deadline_in_the_past_or_a_filing_deadline_before_it_is_refused_and_a_department_may_not_open_rounds()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var past = await TestApp.PostFormAsync(bureau, "/experts/Rounds/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "过期轮次",
            ["Input.Deadline"] = Format(InChinaTime(TimeSpan.FromHours(-1))),
            ["Input.FilingDeadline"] = Format(InChinaTime(TimeSpan.FromDays(2))),
            ["Input.Units"] = "township:1",
        });
        Text(await past.Content.ReadAsStringAsync()).Should().Contain("推荐截止时间必须晚于当前时间");

        var filing = await TestApp.PostFormAsync(bureau, "/experts/Rounds/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "备案早于截止",
            ["Input.Deadline"] = Format(InChinaTime(TimeSpan.FromDays(5))),
            ["Input.FilingDeadline"] = Format(InChinaTime(TimeSpan.FromDays(2))),
            ["Input.Units"] = "township:1",
        });
        Text(await filing.Content.ReadAsStringAsync()).Should().Contain("备案截止时间不能早于推荐截止时间");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Rounds")).Should().Be(0);

        (await (await app.AsAsync(Weather)).GetAsync("/experts/Rounds/Create")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var unitView = await (await app.AsAsync(Weather)).GetAsync("/experts/Rounds");
        unitView.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/experts/Recommend", "a unit follows its rounds on its own page");
    }

    [Fact]
    public async Task A_closed_round_takes_no_more_recommendations()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "手动结束轮次", InChinaTime(TimeSpan.FromDays(10)));
        var bureau = await app.AsAsync(Bureau);
        var closed = await TestApp.PostFormAsync(bureau, $"/experts/Rounds?handler=Close&id={round}", new Dictionary<string, string>(), tokenFrom: "/experts/Rounds");
        Text(await closed.Content.ReadAsStringAsync()).Should().Contain("已结束推荐：手动结束轮次");

        var page = Text(await RecommendAsync(app, Weather, round, Form("李结束", IdCard(Born, 21), await FieldIdAsync(app, "气象灾害"))));
        page.Should().Contain("本轮推荐已结束，不再接收推荐");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(0);
    }
}
