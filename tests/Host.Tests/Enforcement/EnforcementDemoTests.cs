using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

public sealed class EnforcementDemoTests : EnforcementTest
{
    [Fact]
    public async Task The_demo_county_has_a_directory_officers_and_one_published_draw_that_verifies()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Demo:ModuleData"] = "true" });
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Targets")).Should().Be(9);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Officers WHERE Auxiliary = 1")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Officers WHERE ValidTo < '2026-11-23'")).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Draws")).Should().Be(1);
        var id = await CountAsync(app, "SELECT Id AS Value FROM Draws");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM DrawItems WHERE DrawId = {id}")).Should().Be(3);

        var bureau = await app.AsAsync(Bureau);
        Text(await bureau.GetStringAsync("/enforcement/Targets")).Should().Contain("共 9 家企业").And.Contain("青山县宏达化工有限公司");
        Text(await bureau.GetStringAsync($"/enforcement/Draws/Details?id={id}&handler=Verify")).Should().Contain("一致").And.NotContain("不一致");
        Text(await bureau.GetStringAsync("/")).Should().Contain("潘国栋（县应急管理局）执法证已过期", "the expired certificate is on the bureau's to-do list");

        var items = Text(await app.NewClient().GetStringAsync($"/enforcement/Public/{TestApp.County}"));
        items.Should().Contain("县应急管理局").And.NotContain("潘国栋").And.NotContain("陆小梅");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/enforcement/Targets")).Should().Contain("共 2 家企业");

        // The county's approved plan (the demo draw used it) and one inspection awaiting 复查 (deadline 11-25 → due 12-09).
        Text(await bureau.GetStringAsync("/enforcement/Plans")).Should().Contain("已批准").And.Contain("86%");
        var inspection = await CountAsync(app, "SELECT Id AS Value FROM Inspections");
        Text(await bureau.GetStringAsync($"/enforcement/Inspections/Details?id={inspection}")).Should().Contain("责令限期整改，待复查").And.Contain("2026-12-09").And.Contain("还剩 16 天").And.Contain("青山县应急责改〔2026〕1号");

        // Six cases in different steps, made through the transition table, so the case list is not empty at first sign-in.
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Cases")).Should().Be(6);
        var cases = Text(CaseTable(await bureau.GetStringAsync("/enforcement/Cases")));
        cases.Should().Contain("已立案（调查取证）").And.Contain("乡镇移送待立案").And.Contain("已送达").And.Contain("已结案");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM CaseSteps WHERE MissedClock LIKE 'filing%'")).Should().Be(1, "the case opened a week late has its missed 立案 clock recorded");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Cases WHERE State = 10 AND PublishedOn IS NOT NULL")).Should().Be(1);
        Text(await app.NewClient().GetStringAsync($"/enforcement/Public/{TestApp.County}")).Should().Contain("青山县绿源食品有限公司");
        var township = Text(await (await app.AsAsync(Township)).GetStringAsync("/enforcement/Cases"));
        township.Should().Contain("青山镇河口竹木加工厂").And.Contain("青山镇柳林农资店").And.NotContain("青山县瑞丰木业有限公司");
    }

    [Fact]
    public async Task The_case_list_filters_by_state_open_cases_and_township_and_counts_what_it_shows()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Demo:ModuleData"] = "true" });
        var bureau = await app.AsAsync(Bureau);
        Text(await bureau.GetStringAsync("/enforcement/Cases")).Should().Contain("共 6 件案件");
        Text(await bureau.GetStringAsync("/enforcement/Cases?Open=true")).Should().Contain("共 5 件案件");
        var closed = await bureau.GetStringAsync("/enforcement/Cases?State=Closed");
        Text(closed).Should().Contain("共 1 件案件");
        Text(CaseTable(closed)).Should().Contain("青山县绿源食品有限公司").And.Contain("已结案").And.NotContain("已立案（调查取证）");

        var qingshan = await CountAsync(app, "SELECT TownshipId AS Value FROM Cases WHERE TownshipId IS NOT NULL LIMIT 1");
        var own = await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Cases WHERE TownshipId = {qingshan}");
        Text(await bureau.GetStringAsync($"/enforcement/Cases?Township={qingshan}")).Should().Contain($"共 {own} 件案件");
        Text(CaseTable(await bureau.GetStringAsync($"/enforcement/Cases?Township={qingshan}"))).Should().NotContain("青山县瑞丰木业有限公司");
    }

    private static string CaseTable(string html)
    {
        var start = html.IndexOf("data-testid=\"cases\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the page lists its cases in a table");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }
}
