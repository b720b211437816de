using System.Net;
using FluentAssertions;
using Emergency.Host.Tests.Grid;
using Emergency.Host.Tests.Teams;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>
/// The people other modules know reach Training through their events (outbox → handler → KnownPeople): team members
/// from Teams, grid members from Grid; the organiser picks them as invitees, the same person twice is refused.
/// </summary>
public sealed class KnownPeopleTests : TrainingTest
{
    private static Task<int> KnownAsync(TestApp app, string where, int expected) =>
        Eventually.WaitAsync(() => CountAsync(app, $"SELECT COUNT(*) AS Value FROM KnownPeople WHERE {where}"), n => n == expected);

    [Fact]
    public async Task A_team_member_added_in_Teams_becomes_a_known_person_in_Training_and_leaves_when_removed()
    {
        await using var app = await StartAsync();
        var team = await TeamsTest.RegisterAsync(app, Township, "Township", await TeamsTest.TownshipKeyAsync(app), "青山镇应急救援队");
        await TeamsTest.AddMembersAsync(app, Township, team, 2, 1);

        (await KnownAsync(app, "SourceModule = 'teams' AND Active = 1 AND Role = '队员' AND UnitName = '青山镇' AND Detail = '青山镇应急救援队'", 2)).Should().Be(2);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM KnownPeople WHERE Name = '队员1' AND IdCard = '{TeamsTest.IdCardNumber(1)}' AND Mobile = '13800001111'")).Should().Be(1);
        Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Skills")).Should().Contain("队员1").And.Contain("队员2");

        var member = await CountAsync(app, "teams", "SELECT Id AS Value FROM Members WHERE Name = '队员1'");
        var details = $"/teams/Teams/Details?id={team}";
        var left = await TestApp.PostFormAsync(await app.AsAsync(Township), $"{details}&handler=Leave&member={member}",
            new Dictionary<string, string> { ["leftOn"] = "2026-11-20", ["leftReason"] = "外出务工" }, tokenFrom: details);
        Text(await left.Content.ReadAsStringAsync()).Should().Contain("队员1已离队");

        (await KnownAsync(app, "Name = '队员1' AND Active = 0", 1)).Should().Be(1, "the member who left is no longer active in Training");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPeople")).Should().Be(2, "one row per source person, updated in place");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Skills")).Should().NotContain("队员1").And.Contain("队员2");
    }

    private static async Task<int> EditMemberAsync(TestApp app, int team, int member, string name, string idCard, string mobile, string skills = "水上救援")
    {
        var form = TeamsTest.MemberForm(name, idCard, mobile);
        form["Input.Skills"] = skills;
        var saved = await TestApp.PostFormAsync(await app.AsAsync(Township), $"/teams/Members/Edit?team={team}&id={member}", form);
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存队员：" + name);
        return member;
    }

    private static Task<int> UpdatedEventsAsync(TestApp app) =>
        CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%TeamMemberUpdated%'");

    [Fact]
    public async Task An_edit_of_a_team_members_name_mobile_or_id_card_in_Teams_updates_the_known_person_in_Training()
    {
        await using var app = await StartAsync();
        var team = await TeamsTest.RegisterAsync(app, Township, "Township", await TeamsTest.TownshipKeyAsync(app), "青山镇应急救援队");
        await TeamsTest.AddMembersAsync(app, Township, team, 1, 1);
        await KnownAsync(app, "Name = '队员1' AND Active = 1", 1);
        var member = await CountAsync(app, "teams", "SELECT Id AS Value FROM Members WHERE Name = '队员1'");

        await EditMemberAsync(app, team, member, "韦队员", TeamsTest.IdCardNumber(41), "13977778888");
        (await KnownAsync(app, $"SourceModule = 'teams' AND SourceId = {member} AND Name = '韦队员' AND IdCard = '{TeamsTest.IdCardNumber(41)}' AND Mobile = '13977778888' AND Active = 1", 1))
            .Should().Be(1, "the invitee list shows the corrected person");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPeople")).Should().Be(1, "updated in place");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Skills")).Should().Contain("韦队员").And.NotContain("队员1");
    }

    [Fact]
    public async Task An_edit_that_changes_no_published_field_publishes_nothing()
    {
        await using var app = await StartAsync();
        var team = await TeamsTest.RegisterAsync(app, Township, "Township", await TeamsTest.TownshipKeyAsync(app), "青山镇应急救援队");
        await TeamsTest.AddMembersAsync(app, Township, team, 1, 1);
        var member = await CountAsync(app, "teams", "SELECT Id AS Value FROM Members WHERE Name = '队员1'");

        await EditMemberAsync(app, team, member, "队员1", TeamsTest.IdCardNumber(1), "13800001111", skills: "水上救援、绳索救援");
        (await UpdatedEventsAsync(app)).Should().Be(0, "skills are not published");
        await EditMemberAsync(app, team, member, "队员1", TeamsTest.IdCardNumber(1), "13800002222");
        (await UpdatedEventsAsync(app)).Should().Be(1, "a changed mobile is");
    }

    [Fact]
    public async Task An_edit_of_a_member_who_left_updates_the_known_person_and_keeps_them_inactive()
    {
        await using var app = await StartAsync();
        var team = await TeamsTest.RegisterAsync(app, Township, "Township", await TeamsTest.TownshipKeyAsync(app), "青山镇应急救援队");
        await TeamsTest.AddMembersAsync(app, Township, team, 1, 1);
        var member = await CountAsync(app, "teams", "SELECT Id AS Value FROM Members WHERE Name = '队员1'");
        var details = $"/teams/Teams/Details?id={team}";
        (await TestApp.PostFormAsync(await app.AsAsync(Township), $"{details}&handler=Leave&member={member}",
            new Dictionary<string, string> { ["leftOn"] = "2026-11-20", ["leftReason"] = "外出务工" }, tokenFrom: details)).EnsureSuccessStatusCode();
        await KnownAsync(app, "Name = '队员1' AND Active = 0", 1);

        await EditMemberAsync(app, team, member, "队员一", TeamsTest.IdCardNumber(1), "13800001111");
        (await KnownAsync(app, "Name = '队员一' AND Active = 0", 1)).Should().Be(1, "the correction reaches Training, the person stays inactive");
        Text(await (await app.AsAsync(Township)).GetStringAsync("/training/Skills")).Should().NotContain("队员一");
    }

    [Fact]
    public async Task A_grid_member_assigned_in_Grid_becomes_a_known_grid_member_and_is_inactive_while_deactivated()
    {
        await using var app = await StartAsync();
        var grid = await GridTest.CreateGridAsync(app, "HK-01", "河口村第一村民小组");
        await GridTest.CreateMemberAsync(app, "李网格", null, grid);

        (await KnownAsync(app, "SourceModule = 'grid' AND Active = 1 AND Name = '李网格' AND Role = '网格员' AND UnitName = '河口村' AND UnitKind = 2 AND Detail = '河口村第一村民小组'", 1)).Should().Be(1);
        var member = await CountAsync(app, "grid", "SELECT Id AS Value FROM Members WHERE Name = '李网格'");
        async Task StepAsync(string handler, string reason) =>
            (await TestApp.PostFormAsync(await app.AsAsync(Township), $"/grid/Members/Details?id={member}&handler={handler}", new Dictionary<string, string> { ["Reason"] = reason },
                tokenFrom: "/Account/ChangePassword")).EnsureSuccessStatusCode();

        await StepAsync("Deactivate", "调离本村");
        (await KnownAsync(app, "SourceModule = 'grid' AND Name = '李网格' AND Active = 0", 1)).Should().Be(1);
        await StepAsync("Reactivate", "返岗");
        (await KnownAsync(app, "SourceModule = 'grid' AND Name = '李网格' AND Active = 1 AND Detail = '河口村第一村民小组'", 1)).Should().Be(1);
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM KnownPeople")).Should().Be(1);
    }

    [Fact]
    public async Task Picking_known_people_adds_them_as_invitees_and_the_same_person_twice_is_refused()
    {
        await using var app = await StartAsync();
        var hekou = await VillageIdAsync(app, "河口村");
        var team = await TeamsTest.RegisterAsync(app, Township, "Village", await TeamsTest.VillageKeyAsync(app), "河口村应急救援分队");
        await TeamsTest.AddMembersAsync(app, Township, team, 2, 1);
        var shimenTeam = await TeamsTest.RegisterAsync(app, Bureau, "Township", await TeamsTest.TownshipKeyAsync(app, "石门乡"), "石门乡应急救援队");
        await TeamsTest.AddMembersAsync(app, Bureau, shimenTeam, 1, 7);
        await KnownAsync(app, "Active = 1", 3);
        var first = await CountAsync(app, "SELECT Id AS Value FROM KnownPeople WHERE Name = '队员1'");
        var second = await CountAsync(app, "SELECT Id AS Value FROM KnownPeople WHERE Name = '队员2'");
        var foreign = await CountAsync(app, "SELECT Id AS Value FROM KnownPeople WHERE Name = '队员7'");

        var township = await app.AsAsync(Township);
        var session = await ScheduleAsync(app, township, "村级队员防汛培训", TimeSpan.FromDays(5), [hekou]);
        var path = $"/training/Sessions/Details?id={session}";
        var page = Text(await township.GetStringAsync(path + "&PickRole=队员"));
        page.Should().Contain("队员1").And.Contain("队员2").And.Contain("河口村应急救援分队").And.NotContain("队员7");

        var otherUnit = Text(await (await TestApp.PostFormAsync(township, path + "&handler=Pick", new Dictionary<string, string> { ["Picked[0]"] = Invariant(foreign) })).Content.ReadAsStringAsync());
        otherUnit.Should().Contain("只能选择本培训对象单位的在岗人员");

        var picked = Text(await (await TestApp.PostFormAsync(township, path + "&handler=Pick", new Dictionary<string, string>
        {
            ["Picked[0]"] = Invariant(first),
            ["Picked[1]"] = Invariant(second),
        })).Content.ReadAsStringAsync());
        picked.Should().Contain("已添加受邀人员 2 名：队员1、队员2");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Invitees WHERE SessionId = {session} AND KnownPersonId IS NOT NULL AND UnitName = '河口村'")).Should().Be(2);

        var again = Text(await (await TestApp.PostFormAsync(township, path + "&handler=Pick", new Dictionary<string, string> { ["Picked[0]"] = Invariant(first) })).Content.ReadAsStringAsync());
        again.Should().Contain("队员1已在受邀名单中（同一人员），不能重复邀请");
        var byHand = Text(await (await TestApp.PostFormAsync(township, path + "&handler=Invite", new Dictionary<string, string>
        {
            ["Person.Name"] = "队员二",
            ["Person.UnitName"] = "河口村",
            ["Person.IdCard"] = TeamsTest.IdCardNumber(2),
        })).Content.ReadAsStringAsync());
        byHand.Should().Contain("队员二已在受邀名单中（身份证号码相同），不能重复邀请");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Invitees WHERE SessionId = {session}")).Should().Be(2, "nothing half-written");
    }

    [Fact]
    public async Task Checklist_ticks_record_who_and_when_and_another_townships_person_is_not_found()
    {
        await using var app = await StartAsync();
        var team = await TeamsTest.RegisterAsync(app, Township, "Township", await TeamsTest.TownshipKeyAsync(app), "青山镇应急救援队");
        await TeamsTest.AddMembersAsync(app, Township, team, 1, 1);
        var shimenTeam = await TeamsTest.RegisterAsync(app, Bureau, "Township", await TeamsTest.TownshipKeyAsync(app, "石门乡"), "石门乡应急救援队");
        await TeamsTest.AddMembersAsync(app, Bureau, shimenTeam, 1, 7);
        await KnownAsync(app, "Active = 1", 2);
        var own = await CountAsync(app, "SELECT Id AS Value FROM KnownPeople WHERE Name = '队员1'");
        var foreign = await CountAsync(app, "SELECT Id AS Value FROM KnownPeople WHERE Name = '队员7'");
        var township = await app.AsAsync(Township);

        var saved = Text(await (await TestApp.PostFormAsync(township, $"/training/Skills/Person?person={own}", new Dictionary<string, string>
        {
            ["Items[0]"] = "1",
            ["Items[1]"] = "6",
        })).Content.ReadAsStringAsync());
        saved.Should().Contain("已保存队员1的五知十会：具备 2 / 15 项").And.Contain("知道本地风险").And.Contain("青山镇应急办").And.Contain("2026-11-23 10:00");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SkillTicks WHERE KnownPersonId = {own} AND TickedBy = 'qingshan' AND Item IN (1, 6)")).Should().Be(2);

        Clock.Advance(TimeSpan.FromMinutes(5));
        township = await SignInAsync(app, Township);
        (await TestApp.PostFormAsync(township, $"/training/Skills/Person?person={own}", new Dictionary<string, string> { ["Items[0]"] = "1" })).EnsureSuccessStatusCode();
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SkillTicks WHERE KnownPersonId = {own}")).Should().Be(1, "un-ticking removes the item");
        Text(await township.GetStringAsync($"/training/Skills/Person?person={own}")).Should().Contain("2026-11-23 10:00", "a kept tick keeps its first time");
        var list = Text(await township.GetStringAsync("/training/Skills"));
        list.Should().Contain("队员1").And.Contain("1 / 15").And.NotContain("队员7");

        (await township.GetAsync($"/training/Skills/Person?person={foreign}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TestApp.PostFormAsync(township, $"/training/Skills/Person?person={foreign}", new Dictionary<string, string> { ["Items[0]"] = "1" }, tokenFrom: "/Account/ChangePassword"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SkillTicks WHERE KnownPersonId = {foreign}")).Should().Be(0);

        var export = await township.GetAsync("/training/Skills?handler=Export");
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task An_invitee_entered_by_hand_has_a_checklist_of_their_own_and_a_picked_one_is_ticked_on_the_known_person()
    {
        await using var app = await StartAsync();
        var hekou = await VillageIdAsync(app, "河口村");
        var team = await TeamsTest.RegisterAsync(app, Township, "Village", await TeamsTest.VillageKeyAsync(app), "河口村应急救援分队");
        await TeamsTest.AddMembersAsync(app, Township, team, 1, 1);
        await KnownAsync(app, "Active = 1", 1);
        var known = await CountAsync(app, "SELECT Id AS Value FROM KnownPeople WHERE Name = '队员1'");
        var township = await app.AsAsync(Township);
        var session = await ScheduleAsync(app, township, "村级应急培训", TimeSpan.FromDays(5), [hekou]);
        await InviteAsync(township, session, "蒙秀英", "河口村");
        (await TestApp.PostFormAsync(township, $"/training/Sessions/Details?id={session}&handler=Pick", new Dictionary<string, string> { ["Picked[0]"] = Invariant(known) })).EnsureSuccessStatusCode();
        var byHand = await CountAsync(app, $"SELECT Id AS Value FROM Invitees WHERE Name = '蒙秀英'");
        var picked = await CountAsync(app, $"SELECT Id AS Value FROM Invitees WHERE KnownPersonId = {known}");

        var saved = Text(await (await TestApp.PostFormAsync(township, $"/training/Skills/Person?invitee={byHand}", new Dictionary<string, string> { ["Items[0]"] = "3" })).Content.ReadAsStringAsync());
        saved.Should().Contain("已保存蒙秀英的五知十会：具备 1 / 15 项");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SkillTicks WHERE InviteeId = {byHand} AND KnownPersonId IS NULL AND Item = 3")).Should().Be(1);

        var redirected = await township.GetAsync($"/training/Skills/Person?invitee={picked}");
        redirected.RequestMessage!.RequestUri!.Query.Should().Contain($"person={known}", "one checklist per person");
        (await (await app.AsAsync(Township)).GetAsync($"/training/Skills/Person?invitee=999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
