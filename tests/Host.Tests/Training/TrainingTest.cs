using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Emergency.Host.Tests.Training;

/// <summary>Base for Training tests: the demo county's accounts and helpers that act through the pages.</summary>
public abstract partial class TrainingTest : PlatformTest
{
    /// <summary>County emergency bureau: organises county sessions for townships.</summary>
    internal const string Bureau = "yjj";

    /// <summary>青山镇应急办: organises sessions for its villages.</summary>
    internal const string Township = "qingshan";

    /// <summary>河口村网格员 (village user of 青山镇).</summary>
    internal const string GridMember = "hekou-grid";

    internal const string Leader = "leader";

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string ChinaLocal(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    internal static async Task<int> TownshipIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name == name).Select(t => t.Id).SingleAsync();
    }

    internal static async Task<int> VillageIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Villages.Where(v => v.CountyCode == TestApp.County && v.Name == name).Select(v => v.Id).SingleAsync();
    }

    internal static Task<int> CountAsync(TestApp app, string sql) => CountAsync(app, "training", sql);

    internal static Dictionary<string, string?> Smtp(Emergency.TestSupport.SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    /// <summary>A fresh signed-in client (after the test clock jumped past the idle timeout).</summary>
    internal static async Task<HttpClient> SignInAsync(TestApp app, string user)
    {
        var client = app.NewClient();
        await TestApp.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = TestApp.Password });
        return client;
    }

    internal static Dictionary<string, string> SessionFields(string title, DateTime startsChina, IReadOnlyList<int> targets, double hours = 8, double? days = null, string place = "县应急指挥中心三楼会议室")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Lecture",
            ["Input.Title"] = title,
            ["Input.Content"] = "防汛应急预案要点；转移避险组织",
            ["Input.StartsAt"] = ChinaLocal(startsChina),
            ["Input.EndsAt"] = ChinaLocal(startsChina.AddHours(Math.Max(1, hours))),
            ["Input.Place"] = place,
            ["Input.Trainer"] = "李建平",
            ["Input.Hours"] = hours.ToString(CultureInfo.InvariantCulture),
            ["Input.Days"] = days?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
        for (var i = 0; i < targets.Count; i++)
        {
            fields[$"Input.TargetIds[{i}]"] = Invariant(targets[i]);
        }

        return fields;
    }

    /// <summary>Schedules a session through the page and returns its id.</summary>
    internal async Task<int> ScheduleAsync(TestApp app, HttpClient client, string title, TimeSpan startsIn, IReadOnlyList<int> targets, double hours = 8, double? days = null)
    {
        var response = await TestApp.PostFormAsync(client, "/training/Sessions/Create", SessionFields(title, InChinaTime(startsIn), targets, hours, days));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已安排培训：" + title);
        return await CountAsync(app, $"SELECT MAX(Id) AS Value FROM Sessions WHERE Title = '{title}'");
    }

    internal static async Task InviteAsync(HttpClient client, int session, string name, string unit, string? email = null, string? idCard = null)
    {
        var response = await TestApp.PostFormAsync(client, $"/training/Sessions/Details?id={session}&handler=Invite", new Dictionary<string, string>
        {
            ["Person.Name"] = name,
            ["Person.UnitName"] = unit,
            ["Person.Email"] = email ?? "",
            ["Person.Mobile"] = "",
            ["Person.IdCard"] = idCard ?? "",
        });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已添加受邀人员：" + name);
    }

    internal static void Trigger(TestApp app, string job) =>
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("training:" + job);

    /// <summary>The text of an HTML page without tags, for "the user sees …" assertions.</summary>
    internal static string Text(string html) => Spaces().Replace(Tags().Replace(System.Net.WebUtility.HtmlDecode(html), " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
