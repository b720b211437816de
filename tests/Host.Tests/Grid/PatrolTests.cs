using System.Globalization;
using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>巡查: a grid member records patrols of the grids they cover; the township sees them per grid per month.</summary>
public sealed class PatrolTests : GridTest
{
    private static string Local(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> PatrolAsync(HttpClient client, int grid, DateTime chinaTime, bool noHazard = true, params int[] hazards)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.GridId", Invariant(grid)),
            new("Input.PatrolledAt", Local(chinaTime)),
            new("Input.Checked", "河道、危房、山体"),
        };
        if (noHazard)
        {
            fields.Add(new("Input.NoHazardFound", "true"));
        }

        fields.AddRange(hazards.Select(h => new KeyValuePair<string, string>("Input.HazardIds", Invariant(h))));
        return await PostPairsAsync(client, "/grid/Patrols/Record", fields);
    }

    [Fact]
    public async Task A_grid_member_records_a_patrol_of_a_covered_grid_and_other_grids_and_future_times_are_refused()
    {
        await using var app = await StartAsync();
        var (covered, other) = await SetUpGridsAsync(app);
        var phone = await app.AsAsync(GridMember);

        var form = Text(await phone.GetStringAsync("/grid/Patrols/Record"));
        form.Should().Contain("河口村第一村民小组").And.NotContain("河口村第二村民小组");

        var recorded = Text(await (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromHours(-1)))).Content.ReadAsStringAsync());
        recorded.Should().Contain("已记录巡查：河口村第一村民小组（2026-11-23 09:00）");

        var otherGrid = Text(await (await PatrolAsync(phone, other, InChinaTime(TimeSpan.FromHours(-1)))).Content.ReadAsStringAsync());
        otherGrid.Should().Contain("您不负责该网格，不能记录其巡查");

        var future = Text(await (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromHours(2)))).Content.ReadAsStringAsync());
        future.Should().Contain("巡查时间不能晚于当前时间");

        var neither = Text(await (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromHours(-1)), noHazard: false)).Content.ReadAsStringAsync());
        neither.Should().Contain("请勾选“未发现隐患”，或选择本次巡查中上报的隐患");

        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Patrols")).Should().Be(1, "only the valid patrol was written");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Patrols WHERE GridId = {covered} AND NoHazardFound = 1 AND By = 'hekou-grid'")).Should().Be(1);

        // The township does not record patrols (the grid member does); a department has no patrol view.
        (await (await app.AsAsync(Township)).GetAsync("/grid/Patrols/Record")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.AsAsync(Weather)).GetAsync("/grid/Patrols")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_patrol_links_the_hazards_the_member_reported_in_that_grid_that_day()
    {
        await using var app = await StartAsync();
        var (covered, _) = await SetUpGridsAsync(app);
        var phone = await app.AsAsync(GridMember);
        var hazard = await ReportedHazardAsync(app, covered, "河口村三组河堤");

        Text(await phone.GetStringAsync("/grid/Patrols/Record")).Should().Contain($"#{hazard} 河口村第一村民小组 · 河口村三组河堤");

        var yesterday = Text(await (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromDays(-1)), false, hazard)).Content.ReadAsStringAsync());
        yesterday.Should().Contain("只能关联您当天在该网格上报的隐患");
        var both = Text(await (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromMinutes(-30)), true, hazard)).Content.ReadAsStringAsync());
        both.Should().Contain("已勾选“未发现隐患”，不能再关联隐患");

        var linked = Text(await (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromMinutes(-30)), false, hazard)).Content.ReadAsStringAsync());
        linked.Should().Contain("已记录巡查");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM PatrolHazards WHERE HazardId = {hazard}")).Should().Be(1);
        Text(await (await app.AsAsync(Township)).GetStringAsync("/grid/Patrols")).Should().Contain($"李网格 河道、危房、山体 #{hazard}");
    }

    [Fact]
    public async Task The_month_view_counts_patrols_per_grid_marks_grids_without_any_and_keeps_to_the_scope()
    {
        await using var app = await StartAsync();
        var (covered, _) = await SetUpGridsAsync(app);
        await CreateGridAsync(app, "LL-01", "柳林村第一村民小组", village: "柳林村");
        var phone = await app.AsAsync(GridMember);
        (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromHours(-1)))).EnsureSuccessStatusCode();
        (await PatrolAsync(phone, covered, InChinaTime(TimeSpan.FromDays(-2)))).EnsureSuccessStatusCode();
        // Last month's patrol counts in October, not November.
        (await PatrolAsync(phone, covered, new DateTime(2026, 10, 31, 18, 0, 0, DateTimeKind.Unspecified))).EnsureSuccessStatusCode();
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Patrols")).Should().Be(3);

        var township = await app.AsAsync(Township);
        var month = await township.GetStringAsync("/grid/Patrols");
        var text = Text(month);
        text.Should().Contain("2026-11").And.Contain("无巡查网格 2")
            .And.Contain("青山镇 河口村 HK-01 河口村第一村民小组 2")
            .And.Contain("青山镇 河口村 HK-02 河口村第二村民小组 0")
            .And.Contain("青山镇 柳林村 LL-01 柳林村第一村民小组 0");
        month.Should().Contain("data-testid=\"no-patrol\" data-grid=\"HK-02\"").And.Contain("data-testid=\"patrolled\" data-grid=\"HK-01\"");

        Text(await township.GetStringAsync("/grid/Patrols?month=2026-10")).Should().Contain("HK-01 河口村第一村民小组 1").And.Contain("无巡查网格 2");
        Text(await township.GetStringAsync($"/grid/Patrols?village={await VillageIdAsync(app, "柳林村")}")).Should().Contain("无巡查网格 1").And.NotContain("HK-01");

        // The grid member sees their own village only; the county sees every township.
        Text(await phone.GetStringAsync("/grid/Patrols")).Should().Contain("HK-01").And.NotContain("LL-01");
        Text(await (await app.AsAsync(Leader)).GetStringAsync("/grid/Patrols")).Should().Contain("LL-01").And.Contain("无巡查网格 2");
    }
}
