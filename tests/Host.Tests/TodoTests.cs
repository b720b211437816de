using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Emergency.Host.Tests.Experts;
using Emergency.Host.Tests.Grid;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>我的待办 on the home page: what each user must act on, across modules, overdue first, with counts in the navigation.</summary>
public sealed partial class TodoTests : GridTest
{
    private sealed record Row(string Module, string Kind, string Title, string Link, string Due, bool Overdue);

    private static async Task<(List<Row> Rows, string Html)> HomeAsync(HttpClient client)
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        var rows = RowPattern().Matches(html).Select(m =>
        {
            var cells = CellPattern().Matches(m.Groups[2].Value).Select(c => Text(c.Groups[1].Value).Trim()).ToList();
            return new Row(m.Groups[1].Value, cells[1], cells[2], LinkPattern().Match(m.Groups[2].Value).Groups[1].Value, cells[3], m.Value.Contains("data-testid=\"todo-overdue\"", StringComparison.Ordinal));
        }).ToList();
        return (rows, html);
    }

    /// <summary>The count beside the module's link in the navigation, or 0 when there is no badge.</summary>
    private static int NavCount(string html, string module)
    {
        var match = Regex.Match(html, $"data-testid=\"todo-count\" data-module=\"{module}\"[^>]*>(\\d+)<");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [Fact]
    public async Task A_reported_hazard_waits_on_the_township_until_assigned_then_on_the_department()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var id = await ReportedHazardAsync(app, grid, "河口村老桥桥头");

        var (rows, html) = await HomeAsync(await app.AsAsync(Township));
        var row = rows.Should().ContainSingle(r => r.Title.Contains("河口村老桥桥头")).Subject;
        row.Module.Should().Be("grid");
        row.Kind.Should().Be("交办");
        row.Link.Should().Be($"/grid/Hazards/Details?id={id}");
        row.Overdue.Should().BeFalse();
        Text(html).Should().Contain("我的待办").And.Contain("网格");
        NavCount(html, "grid").Should().Be(1);
        (await (await app.AsAsync(Township)).GetAsync(row.Link)).StatusCode.Should().Be(HttpStatusCode.OK, "the link opens the hazard");

        var (weatherBefore, _) = await HomeAsync(await app.AsAsync(Weather));
        weatherBefore.Should().NotContain(r => r.Title.Contains("河口村老桥桥头"), "nothing is the department's before it is assigned");

        (await AssignAsync(app, id, await DepartmentIdAsync(app, "气象局"), InChinaTime(TimeSpan.FromDays(7)))).IsSuccessStatusCode.Should().BeTrue();

        var (after, afterHtml) = await HomeAsync(await app.AsAsync(Township));
        after.Should().NotContain(r => r.Title.Contains("河口村老桥桥头"), "the township has assigned it");
        NavCount(afterHtml, "grid").Should().Be(0);
        after.Should().OnlyContain(r => r.Module == "readiness", "what is left is the township's readiness: one village's grid member does not make its 网格表");

        var (weather, weatherHtml) = await HomeAsync(await app.AsAsync(Weather));
        var rectify = weather.Should().ContainSingle(r => r.Title.Contains("河口村老桥桥头")).Subject;
        rectify.Kind.Should().Be("整改");
        rectify.Due.Should().Contain(InChinaTime(TimeSpan.FromDays(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        rectify.Link.Should().Be($"/grid/Hazards/Details?id={id}");
        NavCount(weatherHtml, "grid").Should().Be(1);

        var (village, _) = await HomeAsync(await app.AsAsync(GridMember));
        village.Should().BeEmpty("a grid member reports; assigning and rectifying are others' work");
    }

    [Fact]
    public async Task An_overdue_item_comes_first_with_the_overdue_badge()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var later = await ReportedHazardAsync(app, grid, "松岭村后山");
        var sooner = await ReportedHazardAsync(app, grid, "柳林村渡口");
        await AssignAsync(app, later, weatherId, InChinaTime(TimeSpan.FromDays(10)));
        await AssignAsync(app, sooner, weatherId, InChinaTime(TimeSpan.FromDays(2)));

        var (before, _) = await HomeAsync(await app.AsAsync(Weather));
        before.FindIndex(r => r.Title.Contains("柳林村渡口")).Should().BeLessThan(before.FindIndex(r => r.Title.Contains("松岭村后山")), "the sooner deadline first");
        before.Should().NotContain(r => r.Overdue);

        Clock.Advance(TimeSpan.FromDays(3));
        var (rows, html) = await HomeAsync(await SignInAsync(app, Weather));
        rows[0].Title.Should().Contain("柳林村渡口");
        rows[0].Overdue.Should().BeTrue();
        rows[0].Due.Should().Contain("已逾期");
        rows.Single(r => r.Title.Contains("松岭村后山")).Overdue.Should().BeFalse();
        NavCount(html, "grid").Should().Be(2);
    }

    [Fact]
    public async Task Another_townships_hazards_never_appear()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        await ReportedHazardAsync(app, grid, "河口村渠首");
        int shimen, shimenVillage;
        await using (var platform = app.OpenPlatform())
        {
            shimen = await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name == "石门乡").Select(t => t.Id).SingleAsync();
            shimenVillage = await platform.Villages.Where(v => v.CountyCode == TestApp.County && v.Name == "石门村").Select(v => v.Id).SingleAsync();
        }

        await using (var db = app.OpenStore("grid"))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Hazards (TownshipId, VillageId, GridId, GridName, Category, Level, Description, Place, State, Overdue, Supervision, AwaitingReportIn, ReportedBy, ReporterName, ReportedAtUtc) " +
                "VALUES ({0}, {1}, 999, '石门村网格', 0, 0, '隐患', '石门村水库坝下', 0, 0, 0, 0, 'shimen', '石门网格员', {2})",
                shimen, shimenVillage, Clock.GetUtcNow().UtcDateTime);
            await db.Database.ExecuteSqlRawAsync(RebuildTally);
        }

        var (rows, html) = await HomeAsync(await app.AsAsync(Township));
        rows.Should().ContainSingle(r => r.Title.Contains("河口村渠首"));
        rows.Should().NotContain(r => r.Title.Contains("石门村水库坝下"));
        NavCount(html, "grid").Should().Be(1, "石门乡's hazard is not 青山镇's to assign");

        var (leader, _) = await HomeAsync(await app.AsAsync(Leader));
        leader.Should().BeEmpty("county leaders read and act on nothing");
    }

    [Fact]
    public async Task An_open_round_waits_on_an_invited_unit_until_it_submits_and_its_candidates_on_the_bureau()
    {
        await using var app = await StartAsync();
        var deadline = InChinaTime(TimeSpan.FromDays(10));
        var round = await RecommendationSteps.OpenRoundAsync(app, "2027年度县级专家推荐", deadline, onlyUnitNames: ["气象局", "青山镇"]);

        var (weather, weatherHtml) = await HomeAsync(await app.AsAsync(Weather));
        var row = weather.Should().ContainSingle(r => r.Module == "experts").Subject;
        row.Kind.Should().Be("报送推荐");
        row.Title.Should().Contain("2027年度县级专家推荐");
        row.Link.Should().Be("/experts/Recommend");
        row.Due.Should().Contain(deadline.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        NavCount(weatherHtml, "experts").Should().Be(1);
        (await HomeAsync(await app.AsAsync(Township))).Rows.Should().Contain(r => r.Kind == "报送推荐");

        var idCard = RecommendationSteps.IdCard(RecommendationSteps.Born, 31);
        await RecommendationSteps.RecommendAsync(app, Weather, round, RecommendationSteps.Form("周气象", idCard, await RecommendationSteps.FieldIdAsync(app, "气象灾害")));
        var sent = await TestApp.PostFormAsync(await app.AsAsync(Weather), $"/experts/Recommend?handler=Submit&round={round}", new Dictionary<string, string>(), tokenFrom: "/experts/Recommend");
        Text(await sent.Content.ReadAsStringAsync()).Should().Contain("已报送本单位推荐");

        var (afterSubmit, afterHtml) = await HomeAsync(await app.AsAsync(Weather));
        afterSubmit.Should().NotContain(r => r.Module == "experts");
        NavCount(afterHtml, "experts").Should().Be(0);
        (await HomeAsync(await app.AsAsync(Township))).Rows.Should().Contain(r => r.Kind == "报送推荐", "青山镇 has not submitted yet");

        var (bureau, _) = await HomeAsync(await app.AsAsync(Bureau));
        var select = bureau.Should().ContainSingle(r => r.Kind == "遴选").Subject;
        select.Title.Should().Contain("1 名推荐人选待遴选");
        select.Link.Should().Be($"/experts/Selection?round={round}");
    }

    [GeneratedRegex("<tr data-testid=\"todo-item\" data-module=\"([a-z]+)\"[^>]*>([\\s\\S]*?)</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>([\\s\\S]*?)</td>")]
    private static partial Regex CellPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
