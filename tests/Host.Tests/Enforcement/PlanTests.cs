using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

public sealed class PlanTests : EnforcementTest
{
    /// <summary>Two 重点 C-class and three general C-class targets under the county bureau, two certified officers.</summary>
    private static async Task<HttpClient> DirectoryAsync(TestApp app)
    {
        var bureau = await app.AsAsync(Bureau);
        var shimen = await TownshipIdAsync(app, "石门乡");
        await AddTargetAsync(app, bureau, "重点企业1", CodeNo(1), shimen, kind: "key");
        await AddTargetAsync(app, bureau, "重点企业2", CodeNo(2), shimen, kind: "key");
        for (var i = 3; i <= 5; i++)
        {
            await AddTargetAsync(app, bureau, $"一般企业{i}", CodeNo(i), shimen);
        }

        await AddOfficerAsync(app, bureau, "李建平", "45099920001", Today.AddYears(-1), Today.AddYears(2));
        await AddOfficerAsync(app, bureau, "黄志强", "45099920002", Today.AddYears(-1), Today.AddYears(2));
        return bureau;
    }

    internal static async Task<string> PostPlanAsync(HttpClient client, int draws, int perKeyC = 1, int year = 2026) =>
        await (await TestApp.PostFormAsync(client, "/enforcement/Plans", new Dictionary<string, string>
        {
            ["Input.Year"] = Invariant(year),
            ["Input.PerKeyA"] = "1",
            ["Input.PerKeyB"] = "1",
            ["Input.PerKeyC"] = Invariant(perKeyC),
            ["Input.PerKeyD"] = "1",
            ["Input.DrawInspections"] = Invariant(draws),
        })).Content.ReadAsStringAsync();

    [Fact]
    public async Task A_plan_with_less_than_70_percent_by_draw_is_refused()
    {
        await using var app = await StartAsync();
        var bureau = await DirectoryAsync(app);

        // 2 key targets × 1 = 2 key inspections; 4 by draw → 4/6 = 66 % < 70 %.
        var refused = await PostPlanAsync(bureau, 4);
        refused.Should().MatchRegex("data-valmsg-for=\"Input.DrawInspections\"[^>]*>双随机抽查占比 66%（4/6），不得低于 70%<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Plans")).Should().Be(0);

        // 5 by draw → 5/7 = 71 %: saved, with the counts computed.
        var saved = Text(await PostPlanAsync(bureau, 5));
        saved.Should().Contain("已保存 2026 年度执法计划（草稿）").And.Contain("71%");
        (await CountAsync(app, "SELECT KeyInspections AS Value FROM Plans")).Should().Be(2);
    }

    [Fact]
    public async Task A_tier_cap_exceeded_is_refused()
    {
        await using var app = await StartAsync();
        var bureau = await DirectoryAsync(app);

        (await PostPlanAsync(bureau, 12, perKeyC: 5)).Should().MatchRegex("data-valmsg-for=\"Input.PerKeyC\"[^>]*>C类企业每年检查不超过 4 次（本县设置）<");

        // Three general C-class targets at most 4 times each: 12 inspections by draw at most.
        (await PostPlanAsync(bureau, 13)).Should().MatchRegex("data-valmsg-for=\"Input.DrawInspections\"[^>]*>一般企业按各风险等级每年检查次数上限合计只能安排 12 次<");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Plans")).Should().Be(0);
        Text(await PostPlanAsync(bureau, 12)).Should().Contain("已保存 2026 年度执法计划");
    }

    [Fact]
    public async Task A_plan_is_usable_for_draws_only_once_approved_by_its_unit()
    {
        await using var app = await StartAsync();
        var bureau = await DirectoryAsync(app);
        Text(await PostPlanAsync(bureau, 6)).Should().Contain("已保存");
        var id = await CountAsync(app, "SELECT Id AS Value FROM Plans");

        var (none, refusal) = await DrawAsync(app, bureau, 1);
        none.Should().Be(0);
        refusal.Should().Contain("2026 年度执法计划尚未批准，不能据此抽取");

        Text(await (await TestApp.PostFormAsync(bureau, $"/enforcement/Plans/Details?id={id}&handler=Submit", new Dictionary<string, string>())).Content.ReadAsStringAsync())
            .Should().Contain("2026 年度执法计划已报批");
        (await DrawAsync(app, bureau, 1)).Id.Should().Be(0, "submitted is not approved");

        // A township neither sees nor approves the county's plan.
        var township = await app.AsAsync(Township);
        (await township.GetAsync($"/enforcement/Plans/Details?id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TestApp.PostFormAsync(township, $"/enforcement/Plans/Details?id={id}&handler=Approve", new Dictionary<string, string>(), tokenFrom: "/enforcement/Plans"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        var admin = await app.AsAsync("county-admin");
        Text(await (await TestApp.PostFormAsync(admin, $"/enforcement/Plans/Details?id={id}&handler=Approve", new Dictionary<string, string>())).Content.ReadAsStringAsync())
            .Should().Contain("2026 年度执法计划已批准").And.Contain("已批准");
        var (drawn, text) = await DrawAsync(app, bureau, 1);
        drawn.Should().NotBe(0, text);
    }
}
