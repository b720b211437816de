using System.Net;
using Emergency.BuildingBlocks.Persistence;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Teams;

public sealed class TeamMemberTests : TeamsTest
{
    [Fact]
    public async Task A_member_is_added_with_their_details_and_counted()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");

        var saved = Text(await (await PostMemberAsync(app, Township, team, MemberForm("韦小兵", IdCardNumber(7), trained: true))).Content.ReadAsStringAsync());

        saved.Should().Contain("已保存队员：韦小兵").And.Contain("在队 1 人，已培训 1 人");
        saved.Should().Contain("韦小兵 " + IdCardNumber(7)[..6] + "********").And.Contain("民兵").And.Contain("意外伤害保险（至 2026-12-31）").And.Contain("县应急管理局培训班");
        (await ActiveMembersAsync(app, team)).Should().Be(1);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM Members WHERE IdCardNumber = '{IdCardNumber(7)}' AND TeamId = {team}")).Should().Be(1);
    }

    [Fact]
    public async Task A_bad_id_card_or_mobile_is_refused_beside_the_field()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var good = IdCardNumber(8);
        var badCheck = good[..17] + (good[17] == '0' ? "1" : "0");

        var wrongCheck = Text(await (await PostMemberAsync(app, Township, team, MemberForm("甲", badCheck))).Content.ReadAsStringAsync());
        var tooShort = Text(await (await PostMemberAsync(app, Township, team, MemberForm("乙", "45099919850615"))).Content.ReadAsStringAsync());
        var badMobile = Text(await (await PostMemberAsync(app, Township, team, MemberForm("丙", good, mobile: "0771-123"))).Content.ReadAsStringAsync());
        var insured = MemberForm("丁", good);
        insured["Input.InsuredUntil"] = "";
        var noDate = Text(await (await PostMemberAsync(app, Township, team, insured)).Content.ReadAsStringAsync());

        wrongCheck.Should().Contain("身份证号码校验位不正确，请核对");
        tooShort.Should().Contain("身份证号码应为 18 位");
        badMobile.Should().Contain("手机号码应为以 1 开头的 11 位数字");
        noDate.Should().Contain("请填写保险有效期");
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Members")).Should().Be(0);
        (await ActiveMembersAsync(app, team)).Should().Be(0);
    }

    [Fact]
    public async Task The_same_person_twice_in_one_team_is_refused_and_in_two_teams_of_a_township_is_warned_about()
    {
        await using var app = await StartAsync();
        var township = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var village = await RegisterAsync(app, Township, "Village", await VillageKeyAsync(app), "河口村应急救援分队");
        var person = IdCardNumber(9);
        Text(await (await PostMemberAsync(app, Township, township, MemberForm("覃德明", person))).Content.ReadAsStringAsync()).Should().Contain("已保存队员：覃德明");

        var twice = Text(await (await PostMemberAsync(app, Township, township, MemberForm("覃德明", person.ToLowerInvariant()))).Content.ReadAsStringAsync());
        twice.Should().Contain("该身份证号码的队员已在本队伍中，不能重复编入");
        (await ActiveMembersAsync(app, township)).Should().Be(1);

        var other = Text(await (await PostMemberAsync(app, Township, village, MemberForm("覃德明", person))).Content.ReadAsStringAsync());
        other.Should().Contain("已保存队员：覃德明").And.Contain("覃德明同时在本乡镇的“青山镇应急救援队”中，请核实是否重复编入");
        (await ActiveMembersAsync(app, village)).Should().Be(1, "the warning does not refuse");
        Text(await (await app.AsAsync(Township)).GetStringAsync($"/teams/Teams/Details?id={township}"))
            .Should().Contain("覃德明：同时在“河口村应急救援分队”").And.Contain("同时在他队");

        // A department's team is in no township: the same person there is not warned about.
        var fire = await RegisterAsync(app, Bureau, "CountyProfessional", await DepartmentKeyAsync(app, "消防救援大队"), "消防救援专业队");
        Text(await (await PostMemberAsync(app, Bureau, fire, MemberForm("覃德明", person))).Content.ReadAsStringAsync()).Should().NotContain("请核实是否重复编入");
    }

    [Fact]
    public async Task A_member_leaves_with_a_reason_and_is_counted_out_and_a_member_is_marked_trained()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        await AddMembersAsync(app, Township, team, 2, 1);
        var first = await CountAsync(app, "teams", $"SELECT Id AS Value FROM Members WHERE Name = '队员1'");
        var second = await CountAsync(app, "teams", $"SELECT Id AS Value FROM Members WHERE Name = '队员2'");
        var client = await app.AsAsync(Township);
        var details = $"/teams/Teams/Details?id={team}";

        var noReason = await TestApp.PostFormAsync(client, $"{details}&handler=Leave&member={first}", new Dictionary<string, string> { ["leftOn"] = "2026-11-20", ["leftReason"] = "" }, tokenFrom: details);
        Text(await noReason.Content.ReadAsStringAsync()).Should().Contain("请填写离队原因");
        (await ActiveMembersAsync(app, team)).Should().Be(2);

        var left = await TestApp.PostFormAsync(client, $"{details}&handler=Leave&member={first}", new Dictionary<string, string> { ["leftOn"] = "2026-11-20", ["leftReason"] = "外出务工" }, tokenFrom: details);
        var page = Text(await left.Content.ReadAsStringAsync());
        page.Should().Contain("队员1已离队").And.Contain("已离队（1 人）").And.Contain("2026-11-20 外出务工").And.Contain("在队 1 人");
        (await ActiveMembersAsync(app, team)).Should().Be(1);

        var future = await TestApp.PostFormAsync(client, $"{details}&handler=Trained&member={second}", new Dictionary<string, string> { ["trainedOn"] = "2026-12-30", ["trainedHow"] = "培训班" }, tokenFrom: details);
        Text(await future.Content.ReadAsStringAsync()).Should().Contain("培训日期不能晚于今天");
        var trained = await TestApp.PostFormAsync(client, $"{details}&handler=Trained&member={second}", new Dictionary<string, string> { ["trainedOn"] = "2026-11-10", ["trainedHow"] = "镇应急办队员培训（3 天）" }, tokenFrom: details);
        Text(await trained.Content.ReadAsStringAsync()).Should().Contain("已登记队员2的培训").And.Contain("在队 1 人，已培训 1 人").And.Contain("镇应急办队员培训（3 天）");
        (await CountAsync(app, "teams", $"SELECT TrainedMembers AS Value FROM Teams WHERE Id = {team}")).Should().Be(1);
        (await StrengthEventsAsync(app, team)).Should().Be(4, "two joined, one left, one was trained");
    }

    [Fact]
    public async Task The_roster_prints_the_active_members_with_a_print_button()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        await AddMembersAsync(app, Township, team, 3, 1);
        var leaving = await CountAsync(app, "teams", $"SELECT Id AS Value FROM Members WHERE Name = '队员3'");
        var details = $"/teams/Teams/Details?id={team}";
        await TestApp.PostFormAsync(await app.AsAsync(Township), $"{details}&handler=Leave&member={leaving}", new Dictionary<string, string> { ["leftOn"] = "2026-11-20", ["leftReason"] = "迁出本镇" }, tokenFrom: details);

        var html = await (await app.AsAsync(Bureau)).GetStringAsync($"/teams/Teams/Roster?id={team}");

        var text = Text(html);
        text.Should().Contain("青山镇应急救援队队员花名册").And.Contain("青山县 青山镇").And.Contain("在队 2 人");
        text.Should().Contain("1 队员1 " + IdCardNumber(1)).And.Contain("2 队员2 " + IdCardNumber(2)).And.NotContain("队员3");
        html.Should().Contain("data-print").And.Contain("/_content/Teams/print.js").And.NotContain("<script>");
        (await (await app.AsAsync(Bureau)).GetStringAsync("/_content/Teams/print.js")).Should().Contain("window.print()");
        (await (await app.AsAsync(Bureau)).GetAsync("/teams/Teams/Roster?id=999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_countys_team_is_not_found()
    {
        await using var app = await StartAsync();
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "teams" }] });
            await platform.SaveChangesAsync();
        }

        app.ForgetCountyCache();
        await app.Services.GetRequiredService<StoreCatalog>().MigrateAsync(StoreKey.ForCounty("450998", "teams"), CancellationToken.None);
        await using (var other = app.OpenStore("teams", "450998"))
        {
            await other.Database.ExecuteSqlRawAsync(
                "INSERT INTO Teams (Id, Kind, TownshipId, OwnerName, Name, Organization, LeaderName, LeaderMobile, ServiceArea, Tasks, ResponseProcedure, Status, ActiveMembers, TrainedMembers, CreatedAtUtc, CreatedBy) " +
                "VALUES (77, 0, 1, '白石镇', '白石镇应急救援队', '', '某人', '13900000000', '白石镇', '救援', '', 1, 0, 0, '2026-11-20 00:00:00', 'someone')");
        }

        foreach (var user in new[] { Township, Bureau, CountyAdmin, Leader })
        {
            var client = await app.AsAsync(user);
            (await client.GetAsync("/teams/Teams/Details?id=77")).StatusCode.Should().Be(HttpStatusCode.NotFound, user);
            (await client.GetAsync("/teams/Teams/Roster?id=77")).StatusCode.Should().Be(HttpStatusCode.NotFound, user);
        }

        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/teams")).Should().NotContain("白石镇应急救援队");
    }
}
