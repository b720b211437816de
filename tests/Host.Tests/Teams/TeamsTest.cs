using System.Globalization;
using System.Text.RegularExpressions;
using Emergency.BuildingBlocks.Validation;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Tests.Teams;

/// <summary>Base for Teams tests: the demo county's accounts and helpers that act through the pages.</summary>
public abstract partial class TeamsTest : PlatformTest
{
    /// <summary>青山镇应急办 (TownshipUser).</summary>
    internal const string Township = "qingshan";

    /// <summary>河口村 (VillageUser of 河口村, 青山镇).</summary>
    internal const string Village = "hekou-grid";

    /// <summary>County emergency bureau: sees and manages every team.</summary>
    internal const string Bureau = "yjj";

    /// <summary>气象局: a department with the module on.</summary>
    internal const string Weather = "qxj";

    internal const string CountyAdmin = "county-admin";

    internal const string Leader = "leader";

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid ID card number of someone born 1985-06-15 with this sequence number (1–999).</summary>
    internal static string IdCardNumber(int sequence, string born = "19850615") =>
        IdCard.WithCheckCharacter(TestApp.County + born + sequence.ToString("D3", CultureInfo.InvariantCulture));

    internal static async Task<string> TownshipKeyAsync(TestApp app, string name = "青山镇")
    {
        await using var platform = app.OpenPlatform();
        return "township:" + Invariant(await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name == name).Select(t => t.Id).SingleAsync());
    }

    internal static async Task<string> VillageKeyAsync(TestApp app, string name = "河口村")
    {
        await using var platform = app.OpenPlatform();
        return "village:" + Invariant(await platform.Villages.Where(v => v.CountyCode == TestApp.County && v.Name == name).Select(v => v.Id).SingleAsync());
    }

    internal static async Task<string> DepartmentKeyAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return "department:" + Invariant(await platform.Departments.Where(d => d.CountyCode == TestApp.County && d.Name == name).Select(d => d.Id).SingleAsync());
    }

    internal static Dictionary<string, string> TeamForm(string kind, string owner, string name, string status = "Active") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.OwnerKey"] = owner,
        ["Input.Name"] = name,
        ["Input.Organization"] = kind is "Enterprise" or "Volunteer" ? "青山水泥有限公司" : "",
        ["Input.LeaderName"] = "韦建华",
        ["Input.LeaderMobile"] = "13907710101",
        ["Input.ServiceArea"] = "青山镇全域",
        ["Input.Tasks"] = "先期处置、受困群众救援、转移撤离",
        ["Input.ResponseProcedure"] = "接指令后 30 分钟内集结",
        ["Input.Status"] = status,
    };

    internal static async Task<HttpResponseMessage> PostTeamAsync(TestApp app, string user, Dictionary<string, string> form, int? id = null) =>
        await TestApp.PostFormAsync(await app.AsAsync(user), "/teams/Teams/Edit" + (id is { } i ? "?id=" + Invariant(i) : ""), form);

    /// <summary>Registers a team through the page and returns its id.</summary>
    internal static async Task<int> RegisterAsync(TestApp app, string user, string kind, string owner, string name)
    {
        var response = await PostTeamAsync(app, user, TeamForm(kind, owner, name));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain($"已保存救援队伍：{name}");
        return await TeamIdAsync(app, name);
    }

    internal static Task<int> TeamIdAsync(TestApp app, string name) =>
        CountAsync(app, "teams", $"SELECT Id AS Value FROM Teams WHERE Name = '{name}'");

    internal static Dictionary<string, string> MemberForm(string name, string idCard, string mobile = "13800001111", bool trained = false) => new()
    {
        ["Input.Name"] = name,
        ["Input.IdCardNumber"] = idCard,
        ["Input.Mobile"] = mobile,
        ["Input.Source"] = "Militia",
        ["Input.Skills"] = "水上救援",
        ["Input.JoinedOn"] = "2026-10-01",
        ["Input.Insurance"] = "Accident",
        ["Input.InsuredUntil"] = "2026-12-31",
        ["Input.Trained"] = trained ? "true" : "false",
        ["Input.TrainedOn"] = trained ? "2026-10-20" : "",
        ["Input.TrainedHow"] = trained ? "县应急管理局培训班" : "",
    };

    internal static async Task<HttpResponseMessage> PostMemberAsync(TestApp app, string user, int team, Dictionary<string, string> form) =>
        await TestApp.PostFormAsync(await app.AsAsync(user), "/teams/Members/Edit?team=" + Invariant(team), form);

    /// <summary>Adds members through the page (sequence numbers from <paramref name="first"/>).</summary>
    internal static async Task AddMembersAsync(TestApp app, string user, int team, int count, int first)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await PostMemberAsync(app, user, team, MemberForm($"队员{first + i}", IdCardNumber(first + i)));
            Text(await response.Content.ReadAsStringAsync()).Should().Contain($"已保存队员：队员{first + i}");
        }
    }

    internal static Task<int> ActiveMembersAsync(TestApp app, int team) =>
        CountAsync(app, "teams", $"SELECT ActiveMembers AS Value FROM Teams WHERE Id = {team}");

    internal static Task<int> StrengthEventsAsync(TestApp app, int team) =>
        CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%TeamStrengthChanged%' AND Payload LIKE '%\"teamId\":{team},%'");

    internal static async Task<HttpResponseMessage> SetMinimumAsync(TestApp app, string key, int value)
    {
        var saved = await TestApp.PostFormAsync(await app.AsAsync(CountyAdmin), "/County/Settings", new Dictionary<string, string> { [key] = Invariant(value) });
        Text(await saved.Content.ReadAsStringAsync()).Should().Contain("已保存 1 项设置");
        return saved;
    }

    /// <summary>The text of an HTML page without tags, for "the user sees …" assertions.</summary>
    internal static string Text(string html) => Spaces().Replace(Tags().Replace(System.Net.WebUtility.HtmlDecode(html), " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
