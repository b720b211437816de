using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>Base for Enforcement tests: the demo county's accounts and helpers that act through the pages.</summary>
public abstract partial class EnforcementTest : PlatformTest
{
    /// <summary>County emergency bureau: keeps the directory and the county's officers, draws for the county's jurisdiction.</summary>
    internal const string Bureau = "yjj";

    /// <summary>青山镇应急办: an entrusted township.</summary>
    internal const string Township = "qingshan";

    internal const string Leader = "leader";

    /// <summary>GB 32100-2015 check character, written out here independently of the module.</summary>
    internal static string Code(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        var check = 31 - (sum % 31);
        return first17 + alphabet[check == 31 ? 0 : check];
    }

    /// <summary>A valid code numbered <paramref name="n"/> (0–9999).</summary>
    internal static string CodeNo(int n) => Code("91450999MA5TE" + n.ToString("D4", CultureInfo.InvariantCulture));

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static async Task<int> TownshipIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name == name).Select(t => t.Id).SingleAsync();
    }

    internal static Task<int> CountAsync(TestApp app, string sql) => CountAsync(app, "enforcement", sql);

    internal static async Task<string> ScalarAsync(TestApp app, string sql)
    {
        await using var db = app.OpenStore("enforcement");
        return await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    }

    internal static Dictionary<string, string> TargetFields(string name, string code, int township, string industry = "工贸", string risk = "C", string kind = "general", string jurisdiction = "county", string mobile = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.CreditCode"] = code,
        ["Input.Address"] = "青山县某路1号",
        ["Input.TownshipId"] = Invariant(township),
        ["Input.Industry"] = industry,
        ["Input.Risk"] = risk,
        ["Input.Standard"] = "Level3",
        ["Input.Credit"] = "Good",
        ["Input.Kind"] = kind,
        ["Input.Jurisdiction"] = jurisdiction,
        ["Input.ContactMobile"] = mobile,
    };

    /// <summary>Adds an enterprise through the page and returns its id.</summary>
    internal static async Task<int> AddTargetAsync(TestApp app, HttpClient client, string name, string code, int township, string industry = "工贸", string risk = "C", string kind = "general", string jurisdiction = "county", string mobile = "")
    {
        var response = await TestApp.PostFormAsync(client, "/enforcement/Targets/Create", TargetFields(name, code, township, industry, risk, kind, jurisdiction, mobile));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已加入名录库：" + name);
        return await CountAsync(app, $"SELECT Id AS Value FROM Targets WHERE CreditCode = '{code}'");
    }

    /// <summary>Registers an officer through the page (unit "county" or a township id) and returns its id.</summary>
    internal static async Task<int> AddOfficerAsync(TestApp app, HttpClient client, string name, string number, DateOnly? from, DateOnly? to, string unit = "county", bool auxiliary = false, string mobile = "")
    {
        var response = await TestApp.PostFormAsync(client, "/enforcement/Officers/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Unit"] = unit,
            ["Input.Auxiliary"] = auxiliary ? "true" : "false",
            ["Input.CertificateNumber"] = number,
            ["Input.ValidFrom"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["Input.ValidTo"] = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["Input.Mobile"] = mobile,
        });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已登记执法人员：" + name);
        return await CountAsync(app, $"SELECT MAX(Id) AS Value FROM Officers WHERE Name = '{name}'");
    }

    /// <summary>Draws through the page and returns the draw's id (0 when refused) and the page's text.</summary>
    internal static async Task<(int Id, string Text)> DrawAsync(TestApp app, HttpClient client, int count, string industry = "", string risk = "", int? township = null, bool includeKey = false)
    {
        var before = await CountAsync(app, "SELECT COUNT(*) AS Value FROM Draws");
        var response = await TestApp.PostFormAsync(client, "/enforcement/Draws/Create", new Dictionary<string, string>
        {
            ["Input.TownshipId"] = township is { } t ? Invariant(t) : "",
            ["Input.Risk"] = risk,
            ["Input.Industry"] = industry,
            ["Input.IncludeKey"] = includeKey ? "true" : "false",
            ["Input.Count"] = Invariant(count),
        });
        var text = Text(await response.Content.ReadAsStringAsync());
        var after = await CountAsync(app, "SELECT COUNT(*) AS Value FROM Draws");
        return (after > before ? await CountAsync(app, "SELECT MAX(Id) AS Value FROM Draws") : 0, text);
    }

    /// <summary>The officer ids drawn for each target of a draw.</summary>
    internal static async Task<Dictionary<int, int[]>> TeamsAsync(TestApp app, int draw)
    {
        await using var db = app.OpenStore("enforcement");
        var rows = await db.Database.SqlQuery<TeamRow>($"SELECT TargetId, OfficerIds FROM DrawItems WHERE DrawId = {draw}").ToListAsync();
        return rows.ToDictionary(r => r.TargetId, r => r.OfficerIds.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray());
    }

    internal sealed record TeamRow(int TargetId, string OfficerIds);

    internal static DateOnly Today => new(2026, 11, 23);

    /// <summary>The text of an HTML page without tags, for "the user sees …" assertions.</summary>
    internal static string Text(string html) => Spaces().Replace(Tags().Replace(System.Net.WebUtility.HtmlDecode(html), " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
