using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Tests.Grid;

/// <summary>Base for Grid tests: the demo county's accounts and helpers that act through the pages.</summary>
public abstract partial class GridTest : PlatformTest
{
    /// <summary>青山镇应急办 (TownshipUser).</summary>
    internal const string Township = "qingshan";

    /// <summary>河口村网格员 (VillageUser of 河口村, 青山镇).</summary>
    internal const string GridMember = "hekou-grid";

    /// <summary>County emergency bureau: sees the whole county.</summary>
    internal const string Bureau = "yjj";

    /// <summary>气象局: a department that has the module on.</summary>
    internal const string Weather = "qxj";

    /// <summary>水利局: has not switched the module on in the demo county.</summary>
    internal const string Water = "slj";

    internal const string CountyAdmin = "county-admin";

    internal const string Leader = "leader";

    /// <summary>A 1×1 PNG.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A bulk load that bypasses the module rebuilds the ledger's tally, as documented in HazardTally.</summary>
    internal const string RebuildTally =
        "DELETE FROM HazardTallies; " +
        "INSERT INTO HazardTallies (TownshipId, VillageId, DepartmentId, State, Category, Level, Overdue, Count) " +
        "SELECT TownshipId, VillageId, COALESCE(DepartmentId, 0), State, Category, Level, Overdue, COUNT(*) FROM Hazards " +
        "GROUP BY TownshipId, VillageId, COALESCE(DepartmentId, 0), State, Category, Level, Overdue";

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static async Task<int> DepartmentIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Departments.Where(d => d.CountyCode == TestApp.County && d.Name == name).Select(d => d.Id).SingleAsync();
    }

    internal static async Task<int> VillageIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Villages.Where(v => v.CountyCode == TestApp.County && v.Name == name).Select(v => v.Id).SingleAsync();
    }

    internal static Task<int> CountAsync(TestApp app, string sql) => CountAsync(app, "grid", sql);

    internal static async Task<string> StateAsync(TestApp app, int hazard)
    {
        await using var db = app.OpenStore("grid");
        var sql = "SELECT CAST(State AS TEXT) AS Value FROM Hazards WHERE Id = " + Invariant(hazard);
        return await db.Database.SqlQueryRaw<string>(sql).SingleAsync() switch
        {
            "0" => "Reported",
            "1" => "Assigned",
            "2" => "Rectifying",
            "3" => "AwaitingReinspection",
            "4" => "Closed",
            "5" => "Rejected",
            var other => other,
        };
    }

    /// <summary>The township creates a grid of 河口村 (or another village of 青山镇); returns its id.</summary>
    internal static async Task<int> CreateGridAsync(TestApp app, string code, string name, string village = "河口村", string kind = "VillagersGroup", int households = 120)
    {
        var villageId = await VillageIdAsync(app, village);
        var response = await TestApp.PostFormAsync(await app.AsAsync(Township), "/grid/Grids", new Dictionary<string, string>
        {
            ["Input.VillageId"] = Invariant(villageId),
            ["Input.Code"] = code,
            ["Input.Name"] = name,
            ["Input.Kind"] = kind,
            ["Input.Households"] = Invariant(households),
            ["Input.Population"] = Invariant(households * 3),
            ["Input.KeyRisks"] = "山洪、地质灾害",
            ["Input.EvacuationRoute"] = "沿村道向北撤至村委会",
            ["Input.Shelter"] = "河口村小学",
            ["Input.EmergencyNumbers"] = "青山镇应急办 0771-7654321",
        });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain($"已保存网格：{code} {name}");
        return await CountAsync(app, $"SELECT Id AS Value FROM Grids WHERE Code = '{code}'");
    }

    /// <summary>The township adds a grid member covering the grids, linked to a platform account.</summary>
    internal static async Task CreateMemberAsync(TestApp app, string name, string? userName, params int[] grids)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name),
            new("Input.Mobile", "13800001111"),
            new("Input.UserName", userName ?? ""),
            new("Input.Duties", "Fire"),
            new("Input.Duties", "FloodDrought"),
            new("Input.Roles", "GeoMonitor"),
            new("Input.Roles", "DisasterInformant"),
        };
        fields.AddRange(grids.Select(g => new KeyValuePair<string, string>("Input.GridIds", Invariant(g))));
        var response = await PostPairsAsync(await app.AsAsync(Township), "/grid/Members", fields);
        Text(await response.Content.ReadAsStringAsync()).Should().Contain($"已保存网格员：{name}");
    }

    /// <summary>Two grids of 河口村 and the member 李网格 linked to hekou-grid covering the first; returns both grid ids.</summary>
    internal static async Task<(int Covered, int Other)> SetUpGridsAsync(TestApp app)
    {
        var covered = await CreateGridAsync(app, "HK-01", "河口村第一村民小组");
        var other = await CreateGridAsync(app, "HK-02", "河口村第二村民小组");
        await CreateMemberAsync(app, "李网格", GridMember, covered);
        return (covered, other);
    }

    /// <summary>Reports a hazard from the phone page (multipart, with photos); returns the response.</summary>
    internal static async Task<HttpResponseMessage> ReportAsync(HttpClient client, int grid, string place, string level = "General", string category = "FlashFlood", params (string Name, byte[] Bytes, string Type)[] photos)
    {
        var page = await client.GetStringAsync("/grid/Hazards/Report");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent(Invariant(grid)), "Input.GridId" },
            { new StringContent(category), "Input.Category" },
            { new StringContent(level), "Input.Level" },
            { new StringContent("河道淤塞，汛期可能漫溢"), "Input.Description" },
            { new StringContent(place), "Input.Place" },
        };
        foreach (var (name, bytes, type) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "Photos", name);
        }

        return await client.PostAsync("/grid/Hazards/Report", form);
    }

    /// <summary>The grid member reports a hazard and the id is read from the store.</summary>
    internal static async Task<int> ReportedHazardAsync(TestApp app, int grid, string place, string level = "General", string category = "FlashFlood")
    {
        var response = await ReportAsync(await app.AsAsync(GridMember), grid, place, level, category, ("photo.png", Png, "image/png"));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已上报隐患");
        return await CountAsync(app, $"SELECT MAX(Id) AS Value FROM Hazards WHERE Place = '{place}'");
    }

    internal static async Task<HttpResponseMessage> StepAsync(TestApp app, string user, int hazard, string handler, IDictionary<string, string>? fields = null, string query = "") =>
        await TestApp.PostFormAsync(await app.AsAsync(user), $"/grid/Hazards/Details?id={hazard}&handler={handler}{query}", fields ?? new Dictionary<string, string>(),
            tokenFrom: "/Account/ChangePassword");

    /// <summary>A new sign-in (after the clock moved past the idle timeout of an earlier one).</summary>
    internal static async Task<HttpClient> SignInAsync(TestApp app, string user)
    {
        var client = app.NewClient();
        await TestApp.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = TestApp.Password });
        return client;
    }

    internal static async Task<HttpResponseMessage> AssignAsync(TestApp app, int hazard, int department, DateTime deadlineChina) =>
        await StepAsync(app, Township, hazard, "Assign", new Dictionary<string, string>
        {
            ["Input.DepartmentId"] = Invariant(department),
            ["Input.Deadline"] = deadlineChina.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });

    internal static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", Token(page))));
        return await client.PostAsync(path, content);
    }

    /// <summary>The county admin switches the grid module on for 水利局.</summary>
    internal static async Task EnableForWaterAsync(TestApp app)
    {
        var water = await DepartmentIdAsync(app, "水利局");
        var response = await TestApp.PostFormAsync(await app.AsAsync(CountyAdmin), "/County/Departments", new Dictionary<string, string>
        {
            ["departmentId"] = Invariant(water),
            ["modules"] = "grid",
        });
        (await response.Content.ReadAsStringAsync()).Should().Contain("已保存“水利局”的模块设置");
    }

    internal static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        match.Success.Should().BeTrue("the page has a form with an antiforgery token");
        return match.Groups[1].Value;
    }

    /// <summary>The text of an HTML page without tags, for "the user sees …" assertions.</summary>
    internal static string Text(string html) => Spaces().Replace(Tags().Replace(System.Net.WebUtility.HtmlDecode(html), " "), " ");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
