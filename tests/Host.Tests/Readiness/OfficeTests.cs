using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Readiness;

/// <summary>
/// A township records its 应急管理办公室 (staff within the county's 2–4, refused beside the field otherwise); a change of
/// director waits for the county bureau's approval; the leader reads but never changes; another county's township,
/// and another township for a township user, is 404.
/// </summary>
public sealed class OfficeTests : ReadinessTest
{
    private static Dictionary<string, string> Office(params (string Name, string Post)[] staff)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.LeaderInCharge"] = "李明（副镇长）",
            ["Form.FirstResponsible"] = "韦志刚（镇长）",
            ["Form.Facilities"] = "值班室",
            ["Form.CommandLead"] = "韦志刚",
            ["Form.MemberUnits"] = "派出所、卫生院",
        };
        for (var i = 0; i < staff.Length; i++)
        {
            fields[$"Form.Staff[{i}].Name"] = staff[i].Name;
            fields[$"Form.Staff[{i}].Post"] = staff[i].Post;
        }

        return fields;
    }

    private static Task<HttpResponseMessage> SaveOfficeAsync(HttpClient client, int township, Dictionary<string, string> fields, string? tokenFrom = null) =>
        TestApp.PostFormAsync(client, $"/readiness/Township?id={township}&handler=Office", fields, tokenFrom ?? $"/readiness/Township?id={township}");

    /// <summary>A page with a form for any signed-in user (the leader has none on the readiness pages).</summary>
    private const string AnyForm = "/Account/ChangePassword";

    [Fact]
    public async Task Office_staff_outside_two_to_four_is_refused_beside_the_field_and_nothing_is_saved()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var township = await app.AsAsync(Township);

        var one = await SaveOfficeAsync(township, qingshan, Office(("黄丽", "主任")));
        one.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await one.Content.ReadAsStringAsync();
        html.Should().MatchRegex("data-testid=\"staff-error\"[^>]*>[^<]*应急管理办公室人员应为 2–4 人，现填写 1 人");
        var five = await SaveOfficeAsync(township, qingshan, Office(("甲", "主任"), ("乙", "干事"), ("丙", "干事"), ("丁", "干事"), ("戊", "干事")));
        Text(await five.Content.ReadAsStringAsync()).Should().Contain("应急管理办公室人员应为 2–4 人，现填写 5 人");
        (await CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM TownshipOffices")).Should().Be(0);
        (await CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM OfficeStaff")).Should().Be(0);

        var three = await SaveOfficeAsync(township, qingshan, Office(("黄丽", "主任"), ("陆强", "干事"), ("蒙芳", "干事")));
        Text(await three.Content.ReadAsStringAsync()).Should().Contain("已保存应急管理办公室").And.Contain("黄丽（主任）、陆强（干事）、蒙芳（干事）");
        (await StateAsync(township, qingshan, "org")).Should().Be("NotMet", "no office director is approved yet");
        Text(await township.GetStringAsync($"/readiness/Township?id={qingshan}")).Should().Contain("未确定办公室主任");
    }

    [Fact]
    public async Task A_director_change_waits_for_the_county_bureaus_approval_which_is_recorded()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var township = await app.AsAsync(Township);
        await SaveOfficeAsync(township, qingshan, Office(("黄丽", "主任"), ("陆强", "干事")));
        var asked = await TestApp.PostFormAsync(township, $"/readiness/Township?id={qingshan}&handler=Director", new Dictionary<string, string> { ["Director"] = "黄丽" }, $"/readiness/Township?id={qingshan}");
        Text(await asked.Content.ReadAsStringAsync()).Should().Contain("已报县应急管理局批准办公室主任变更").And.Contain("待县应急管理局批准");
        (await StateAsync(township, qingshan, "org")).Should().Be("NotMet");
        (await TestApp.PostFormAsync(township, $"/readiness/Township?id={qingshan}&handler=Approve", new Dictionary<string, string>(), $"/readiness/Township?id={qingshan}"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the township does not approve its own director");

        var bureau = await app.AsAsync(Bureau);
        var approved = await TestApp.PostFormAsync(bureau, $"/readiness/Township?id={qingshan}&handler=Approve", new Dictionary<string, string>(), $"/readiness/Township?id={qingshan}");
        Text(await approved.Content.ReadAsStringAsync()).Should().Contain("已批准办公室主任变更").And.Contain("yjj 于 2026-11-23 批准");
        (await StateAsync(bureau, qingshan, "org")).Should().Be("Met");
    }

    [Fact]
    public async Task The_leader_reads_the_board_but_cannot_post_anything()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var leader = await app.AsAsync(Leader);
        var board = await leader.GetAsync("/readiness");
        board.StatusCode.Should().Be(HttpStatusCode.OK);
        Text(await board.Content.ReadAsStringAsync()).Should().Contain("应急能力达标").And.NotContain("从事件日志重建");
        (await leader.GetAsync($"/readiness/Township?id={qingshan}")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await SaveOfficeAsync(leader, qingshan, Office(("黄丽", "主任"), ("陆强", "干事")), AnyForm)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await TestApp.PostFormAsync(leader, "/readiness?handler=Rebuild", new Dictionary<string, string>(), AnyForm)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await TestApp.PostFormAsync(leader, $"/readiness/Township?id={qingshan}&handler=Approve", new Dictionary<string, string>(), AnyForm))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM TownshipOffices")).Should().Be(0);
        (await TestApp.PostFormAsync(await app.AsAsync(Bureau), "/readiness?handler=Rebuild", new Dictionary<string, string>(), AnyForm))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the county admin rebuilds");
    }

    [Fact]
    public async Task Another_countys_township_and_another_township_are_not_found()
    {
        await using var app = await StartAsync();
        int other;
        await using (var platform = app.OpenPlatform())
        {
            platform.Counties.Add(new Platform.Data.County { Code = "450998", Name = "白石县", Modules = [new Platform.Data.CountyModule { Module = "readiness" }] });
            var township = new Platform.Data.Township { CountyCode = "450998", Code = "450998100", Name = "白石镇", Kind = Platform.Data.TownshipKind.Town };
            platform.Townships.Add(township);
            await platform.SaveChangesAsync();
            other = township.Id;
        }

        app.ForgetCountyCache();
        foreach (var user in new[] { Bureau, Leader, Admin })
        {
            (await (await app.AsAsync(user)).GetAsync($"/readiness/Township?id={other}")).StatusCode.Should().Be(HttpStatusCode.NotFound, $"{user} is of another county");
        }

        var shimen = await TownshipIdAsync(app, "石门乡");
        var township2 = await app.AsAsync(Township);
        (await township2.GetAsync($"/readiness/Township?id={shimen}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a township sees only itself");
        (await SaveOfficeAsync(township2, shimen, Office(("甲", "主任"), ("乙", "干事")), AnyForm)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var own = await township2.GetAsync("/readiness");
        own.RequestMessage!.RequestUri!.PathAndQuery.Should().Contain("/readiness/Township?id=" + Invariant(await TownshipIdAsync(app, "青山镇")), "a township user goes to its own township");
        (await CountAsync(app, "readiness", "SELECT COUNT(*) AS Value FROM TownshipOffices")).Should().Be(0);
    }

    [Fact]
    public async Task A_townships_missing_items_are_on_its_to_do_list_next_to_the_other_modules()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        await PublishAsync(app, "teams", ItemTests.Strength(qingshan, 12, 10, false));
        var township = await app.AsAsync(Township);
        await WaitForAsync(township, qingshan, "team", "NotMet");
        Text(await township.GetStringAsync("/")).Should().Contain("队伍：青山镇综合应急救援队 12 人（最低 30）");
    }
}
