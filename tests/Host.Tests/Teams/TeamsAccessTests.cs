using System.Net;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

public sealed class TeamsAccessTests : TeamsTest
{
    [Fact]
    public async Task A_township_sees_its_own_and_its_villages_teams_and_not_another_townships()
    {
        await using var app = await StartAsync();
        var own = await RegisterAsync(app, Bureau, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var hekou = await RegisterAsync(app, Bureau, "Village", await VillageKeyAsync(app), "河口村应急救援分队");
        var liulin = await RegisterAsync(app, Bureau, "Village", await VillageKeyAsync(app, "柳林村"), "柳林村应急救援分队");
        var other = await RegisterAsync(app, Bureau, "Township", await TownshipKeyAsync(app, "石门乡"), "石门乡应急救援队");
        var fire = await RegisterAsync(app, Bureau, "CountyProfessional", await DepartmentKeyAsync(app, "消防救援大队"), "消防救援专业队");
        var township = await app.AsAsync(Township);

        var list = Text(await township.GetStringAsync("/teams"));
        list.Should().Contain("青山镇应急救援队").And.Contain("河口村应急救援分队").And.Contain("柳林村应急救援分队").And.Contain("共 3 支队伍");
        list.Should().NotContain("石门乡应急救援队").And.NotContain("消防救援专业队").And.NotContain("全县队伍概况");
        (await township.GetAsync($"/teams/Teams/Details?id={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await township.GetAsync($"/teams/Teams/Details?id={fire}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await township.GetAsync($"/teams/Members/Edit?team={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PostMemberAsync(app, Township, hekou, MemberForm("镇代村录入", IdCardNumber(31)))).StatusCode.Should().Be(HttpStatusCode.OK, "the township manages its villages' teams");

        // The village sees its own team only.
        var village = await app.AsAsync(Village);
        Text(await village.GetStringAsync("/teams")).Should().Contain("河口村应急救援分队").And.Contain("共 1 支队伍");
        (await village.GetAsync($"/teams/Teams/Details?id={liulin}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await village.GetAsync($"/teams/Teams/Details?id={own}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/teams")).Should().Contain("共 5 支队伍").And.Contain("全县队伍概况");
    }

    [Fact]
    public async Task A_department_manages_only_its_own_professional_team()
    {
        await using var app = await StartAsync();
        var weatherKey = await DepartmentKeyAsync(app, "气象局");
        var own = await RegisterAsync(app, Weather, "CountyProfessional", weatherKey, "气象灾害应急保障队");
        var fire = await RegisterAsync(app, Bureau, "CountyProfessional", await DepartmentKeyAsync(app, "消防救援大队"), "消防救援专业队");

        (await PostTeamAsync(app, Weather, TeamForm("Township", await TownshipKeyAsync(app), "部门代建乡镇队"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var foreignOwner = Text(await (await PostTeamAsync(app, Weather, TeamForm("CountyProfessional", await DepartmentKeyAsync(app, "消防救援大队"), "越权专业队"))).Content.ReadAsStringAsync());
        foreignOwner.Should().Contain("所选单位不能组建该类别的队伍");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Teams")).Should().Be(2);

        var weather = await app.AsAsync(Weather);
        Text(await weather.GetStringAsync("/teams")).Should().Contain("气象灾害应急保障队").And.NotContain("消防救援专业队");
        (await weather.GetAsync($"/teams/Teams/Details?id={fire}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PostMemberAsync(app, Weather, own, MemberForm("蒙秋菊", IdCardNumber(41)))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ActiveMembersAsync(app, own)).Should().Be(1);
    }

    [Fact]
    public async Task The_county_leader_reads_every_team_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        await AddMembersAsync(app, Township, team, 1, 1);
        var leader = await app.AsAsync(Leader);

        Text(await leader.GetStringAsync("/teams")).Should().Contain("青山镇应急救援队").And.Contain("全县队伍概况");
        var details = await leader.GetStringAsync($"/teams/Teams/Details?id={team}");
        Text(details).Should().Contain("队员1").And.NotContain("编入队员").And.NotContain("确认离队");
        (await leader.GetAsync($"/teams/Teams/Roster?id={team}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await leader.GetAsync("/teams/Teams/Edit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await leader.GetAsync($"/teams/Members/Edit?team={team}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var member = await CountAsync(app, "teams", "SELECT Id AS Value FROM Members WHERE Name = '队员1'");
        var leave = await TestApp.PostFormAsync(leader, $"/teams/Teams/Details?id={team}&handler=Leave&member={member}",
            new Dictionary<string, string> { ["leftOn"] = "2026-11-20", ["leftReason"] = "领导操作" }, tokenFrom: "/Account/ChangePassword");
        leave.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ActiveMembersAsync(app, team)).Should().Be(1);
    }
}
