using System.Globalization;
using System.Text.RegularExpressions;

namespace Emergency.Host.Tests.Experts;

/// <summary>What the recommendation tests do through the pages: open a round, fill in a 推荐表, review, approve.</summary>
internal static partial class RecommendationSteps
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A valid 18-digit ID-card number of the test county's region for this birth date and sequence.</summary>
    public static string IdCard(DateOnly birth, int sequence)
    {
        var body = "450999" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public static readonly DateOnly Born = new(1975, 3, 14);

    public static string Format(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The bureau opens a round; by default every unit offered on the form is invited. Returns the round id.</summary>
    public static async Task<int> OpenRoundAsync(TestApp app, string title, DateTime deadlineChina, DateTime? filingChina = null, IEnumerable<string>? onlyUnitNames = null)
    {
        var bureau = await app.AsAsync(ExpertsTest.Bureau);
        var form = await bureau.GetStringAsync("/experts/Rounds/Create");
        var units = UnitBoxes().Matches(form).Select(m => (Key: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        var chosen = onlyUnitNames is null ? units : units.Where(u => onlyUnitNames.Contains(u.Name)).ToList();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", title),
            new("Input.Notes", "请各单位按推荐条件推荐"),
            new("Input.Deadline", Format(deadlineChina)),
            new("Input.FilingDeadline", Format(filingChina ?? deadlineChina.AddDays(5))),
        };
        fields.AddRange(chosen.Select(u => new KeyValuePair<string, string>("Input.Units", u.Key)));
        var response = await PostPairsAsync(bureau, "/experts/Rounds/Create", fields);
        var page = ExpertsTest.Text(await response.Content.ReadAsStringAsync());
        if (!page.Contains("已发起推荐", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Round not opened: " + page);
        }

        return await PlatformTest.CountAsync(app, "experts", $"SELECT MAX(Id) AS Value FROM Rounds WHERE Title = '{title}'");
    }

    /// <summary>The id of a department or township, as the round form offers it.</summary>
    public static async Task<int> UnitIdAsync(TestApp app, string name)
    {
        var form = await (await app.AsAsync(ExpertsTest.Bureau)).GetStringAsync("/experts/Rounds/Create");
        var key = UnitBoxes().Matches(form).Single(m => m.Groups[2].Value == name).Groups[1].Value;
        return int.Parse(key.Split(':')[1], CultureInfo.InvariantCulture);
    }

    public static Task<int> FieldIdAsync(TestApp app, string name) =>
        PlatformTest.CountAsync(app, "experts", $"SELECT Id AS Value FROM Fields WHERE Name = '{name}'");

    public static Dictionary<string, string> Form(string name, string idCard, int fieldId, DateOnly? birth = null, string level = "County") => new()
    {
        ["Input.Name"] = name,
        ["Input.Gender"] = "Male",
        ["Input.BirthDate"] = (birth ?? Born).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.IdCardNumber"] = idCard,
        ["Input.Employer"] = "青山县气象台",
        ["Input.Title"] = "高级工程师",
        ["Input.Specialty"] = "天气预报",
        ["Input.FieldId"] = fieldId.ToString(CultureInfo.InvariantCulture),
        ["Input.Mobile"] = "13907710001",
        ["Input.Email"] = "expert@qingshan.example.cn",
        ["Input.Experience"] = "从事气象预报工作二十年",
        ["Input.UnitOpinion"] = "同意推荐",
        ["Input.Level"] = level,
    };

    /// <summary>Posts a 推荐表 as the user; returns the page text shown after.</summary>
    public static async Task<string> RecommendAsync(TestApp app, string user, int round, Dictionary<string, string> form)
    {
        var client = await app.AsAsync(user);
        var response = await TestApp.PostFormAsync(client, $"/experts/Recommend/Create?round={round}", form);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<int> RecommendationIdAsync(TestApp app, string idCard) =>
        PlatformTest.CountAsync(app, "experts", $"SELECT MAX(Id) AS Value FROM Recommendations WHERE IdCardNumber = '{idCard}'");

    /// <summary>The bureau records the selection work group's finding; returns the page text.</summary>
    public static async Task<string> ReviewAsync(TestApp app, int round, int id, string decision, string reason = "")
    {
        var bureau = await app.AsAsync(ExpertsTest.Bureau);
        var response = await TestApp.PostFormAsync(bureau, $"/experts/Selection?handler=Review&id={id}&round={round}",
            new Dictionary<string, string> { ["decision"] = decision, ["reason"] = reason }, tokenFrom: $"/experts/Selection?round={round}");
        return ExpertsTest.Text(await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> ApproveAsync(TestApp app, int round, int id, string user = ExpertsTest.Bureau)
    {
        var client = await app.AsAsync(user);
        var response = await TestApp.PostFormAsync(client, $"/experts/Selection?handler=Approve&id={id}&round={round}",
            new Dictionary<string, string>(), tokenFrom: $"/experts/Selection?round={round}");
        return ExpertsTest.Text(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Recommends, passes and approves one candidate of the weather bureau; returns the approval page text.</summary>
    public static async Task<string> AdmitAsync(TestApp app, int round, string name, string idCard, int fieldId)
    {
        await RecommendAsync(app, ExpertsTest.Weather, round, Form(name, idCard, fieldId));
        var id = await RecommendationIdAsync(app, idCard);
        await ReviewAsync(app, round, id, "pass");
        return await ApproveAsync(app, round, id);
    }

    public static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = Token().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(path, content);
    }

    [GeneratedRegex("name=\"Input.Units\" value=\"([^\"]+)\"[^>]*/>\\s*<label[^>]*>([^<]+)</label>")]
    private static partial Regex UnitBoxes();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
