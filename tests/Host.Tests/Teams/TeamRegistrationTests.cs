using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

public sealed class TeamRegistrationTests : TeamsTest
{
    [Fact]
    public async Task Each_kind_of_team_is_registered_for_its_owner_unit_and_listed()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipKeyAsync(app);
        var hekou = await VillageKeyAsync(app);

        var township = await RegisterAsync(app, Bureau, "Township", qingshan, "青山镇应急救援队");
        await RegisterAsync(app, Bureau, "Park", await TownshipKeyAsync(app, "青山工业园区管委会"), "园区综合应急救援队");
        var village = await RegisterAsync(app, Bureau, "Village", hekou, "河口村应急救援分队");
        var professional = await RegisterAsync(app, Bureau, "CountyProfessional", await DepartmentKeyAsync(app, "消防救援大队"), "消防救援专业队");
        await RegisterAsync(app, Bureau, "Enterprise", qingshan, "青山水泥专职救援队");
        await RegisterAsync(app, Bureau, "Volunteer", await DepartmentKeyAsync(app, "应急管理局"), "青山县蓝天救援队");

        var list = Text(await (await app.AsAsync(Bureau)).GetStringAsync("/teams"));
        list.Should().Contain("共 6 支队伍");
        foreach (var (name, kind) in new[]
        {
            ("青山镇应急救援队", "乡镇综合应急救援队伍"), ("园区综合应急救援队", "园区综合应急救援队伍"), ("河口村应急救援分队", "村（社区）应急救援队伍"),
            ("消防救援专业队", "县级专业救援队伍"), ("青山水泥专职救援队", "企业救援队伍"), ("青山县蓝天救援队", "社会应急力量（志愿者）"),
        })
        {
            list.Should().Contain($"{name} {kind}");
        }

        var townshipId = int.Parse(qingshan.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        (await CountAsync(app, "teams", $"SELECT TownshipId AS Value FROM Teams WHERE Id = {village}")).Should().Be(townshipId, "a village's team counts in its township");
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM Teams WHERE Id = {professional} AND TownshipId IS NULL AND DepartmentId IS NOT NULL")).Should().Be(1);
        Text(await (await app.AsAsync(Bureau)).GetStringAsync($"/teams/Teams/Details?id={township}")).Should().Contain("队长 韦建华 13907710101");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/teams?Kind=Village")).Should().Contain("共 1 支队伍").And.Contain("河口村应急救援分队");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_beside_each_field_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var form = TeamForm("Enterprise", await TownshipKeyAsync(app), "");
        form["Input.Organization"] = "";
        form["Input.LeaderMobile"] = "2390771";
        form["Input.ServiceArea"] = "";
        form["Input.ResponseProcedure"] = "";

        var page = Text(await (await PostTeamAsync(app, Township, form)).Content.ReadAsStringAsync());

        page.Should().Contain("请填写队伍名称").And.Contain("请填写所属企业或组织").And.Contain("队长手机号码应为以 1 开头的 11 位数字")
            .And.Contain("请填写救援区域").And.Contain("在编队伍须写明响应程序");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Teams")).Should().Be(0);

        var wrongOwner = Text(await (await PostTeamAsync(app, Township, TeamForm("Village", await TownshipKeyAsync(app), "错配队伍"))).Content.ReadAsStringAsync());
        wrongOwner.Should().Contain("所选单位不能组建该类别的队伍");

        await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var twice = Text(await (await PostTeamAsync(app, Township, TeamForm("Township", await TownshipKeyAsync(app), "青山镇应急救援队"))).Content.ReadAsStringAsync());
        twice.Should().Contain("本县已有同名的救援队伍");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Teams")).Should().Be(1);
    }

    [Fact]
    public async Task A_township_team_below_the_minimum_is_flagged_and_on_the_townships_todo_until_the_county_lowers_the_minimum()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        await AddMembersAsync(app, Township, team, 3, 1);
        var township = await app.AsAsync(Township);

        Text(await township.GetStringAsync($"/teams/Teams/Details?id={team}")).Should().Contain("本队伍在队 3 人，低于县定最低人数 30 人，还差 27 人");
        Text(await township.GetStringAsync("/teams")).Should().Contain("3 / 30 人数不足");
        Text(await township.GetStringAsync("/")).Should().Contain("队伍人数不足").And.Contain("青山镇应急救援队：在队 3 人，不足最低 30 人");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/")).Should().NotContain("队伍人数不足", "the to-do is the owning township's");

        await SetMinimumAsync(app, "teams.township-minimum", 3);

        Text(await township.GetStringAsync($"/teams/Teams/Details?id={team}")).Should().NotContain("低于县定最低人数").And.Contain("（最低 3 人）");
        (await township.GetStringAsync("/teams")).Should().NotContain("data-testid=\"below-flag\"");
        Text(await township.GetStringAsync("/teams")).Should().Contain("3 / 3 在编");
        Text(await township.GetStringAsync("/")).Should().NotContain("队伍人数不足");
    }

    [Fact]
    public async Task A_village_team_has_the_village_minimum_and_the_county_overview_counts_teams_below_it()
    {
        await using var app = await StartAsync();
        var village = await RegisterAsync(app, Village, "Village", await VillageKeyAsync(app), "河口村应急救援分队");
        await AddMembersAsync(app, Village, village, 2, 1);
        await RegisterAsync(app, Bureau, "CountyProfessional", await DepartmentKeyAsync(app, "消防救援大队"), "消防救援专业队");

        Text(await (await app.AsAsync(Village)).GetStringAsync("/")).Should().Contain("河口村应急救援分队：在队 2 人，不足最低 10 人");
        var overview = await (await app.AsAsync(Bureau)).GetStringAsync("/teams");
        overview.Should().Contain("data-testid=\"below-Village\">1<").And.Contain("data-testid=\"below-CountyProfessional\">0<");
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/teams?Below=true")).Should().Contain("共 1 支队伍").And.Contain("河口村应急救援分队");

        await SetMinimumAsync(app, "teams.village-minimum", 2);
        (await (await app.AsAsync(Bureau)).GetStringAsync("/teams")).Should().Contain("data-testid=\"below-Village\">0<");
    }

    [Fact]
    public async Task A_change_of_strength_is_published_after_the_save_with_the_minimum()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        (await StrengthEventsAsync(app, team)).Should().Be(0, "registering a team changes no strength");

        await AddMembersAsync(app, Township, team, 2, 1);

        (await StrengthEventsAsync(app, team)).Should().Be(2);
        var payloads = await PayloadsAsync(app);
        payloads.Should().ContainSingle(p => p.Contains("\"activeMembers\":1", StringComparison.Ordinal));
        payloads.Single(p => p.Contains("\"activeMembers\":2", StringComparison.Ordinal)).Should().Contain("\"activeMembers\":2").And.Contain("\"minimum\":30").And.Contain("\"meetsMinimum\":false").And.Contain("\"kind\":0");

        // Editing the leader's mobile changes no strength: nothing more is published.
        var form = TeamForm("Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        form["Input.LeaderMobile"] = "13907710999";
        (await PostTeamAsync(app, Township, form, team)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await StrengthEventsAsync(app, team)).Should().Be(2);
    }

    private static async Task<List<string>> PayloadsAsync(TestApp app)
    {
        await using var db = app.OpenStore("teams");
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.OutboxMessages.Select(m => m.Payload));
    }
}
