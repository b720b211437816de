using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Emergency.Host.Tests.Plans;

/// <summary>Base for Plans tests: the demo county's accounts and helpers that act through the pages.</summary>
public abstract partial class PlansTest : PlatformTest
{
    /// <summary>County emergency bureau: keeps the registry, receives township and department filings.</summary>
    internal const string Bureau = "yjj";

    /// <summary>青山镇应急办.</summary>
    internal const string Township = "qingshan";

    internal const string GridMember = "hekou-grid";

    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A minimal Word package (a ZIP holding word/document.xml).</summary>
    internal static byte[] Docx()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>") })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static Task<int> CountAsync(TestApp app, string sql) => CountAsync(app, "plans", sql);

    internal static async Task<int> TownshipIdAsync(TestApp app, string name)
    {
        await using var platform = app.OpenPlatform();
        return await platform.Townships.Where(t => t.CountyCode == TestApp.County && t.Name == name).Select(t => t.Id).SingleAsync();
    }

    internal static Task<int> PlanIdAsync(TestApp app, string title) =>
        CountAsync(app, $"SELECT COALESCE(MAX(Id), 0) AS Value FROM Plans WHERE Title = '{title}'");

    internal const string GeneralTitle = "青山县突发事件总体应急预案";

    /// <summary>Demo data on (the tests otherwise start from an empty store).</summary>
    internal static readonly Dictionary<string, string?> WithDemo = new() { ["Demo:ModuleData"] = "true" };

    /// <summary>The county 总体应急预案 (the top of the hierarchy), registered by the bureau when missing.</summary>
    internal static async Task<int> GeneralAsync(TestApp app)
    {
        var id = await PlanIdAsync(app, GeneralTitle);
        return id != 0 ? id : await RegisterAsync(app, await app.AsAsync(Bureau), GeneralTitle, "CountyGeneral", "", null);
    }

    internal static Dictionary<string, string> PlanFields(string title, string type, string owner, int? higher, string? category = null, string enterprise = "") => new()
    {
        ["Input.Title"] = title,
        ["Input.Type"] = type,
        ["Input.Category"] = category ?? "",
        ["Input.OwnerKey"] = owner,
        ["Input.EnterpriseName"] = enterprise,
        ["Input.Risks"] = "山洪、地质灾害",
        ["Input.HigherPlanId"] = higher is { } h ? Invariant(h) : "",
    };

    /// <summary>Registers a plan through the page and returns its id.</summary>
    internal static async Task<int> RegisterAsync(TestApp app, HttpClient client, string title, string type, string owner, int? higher, string? category = null, string enterprise = "")
    {
        var response = await TestApp.PostFormAsync(client, "/plans/Create", PlanFields(title, type, owner, higher, category, enterprise));
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已登记预案：" + title);
        return await PlanIdAsync(app, title);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int plan, byte[] bytes, string fileName, string contentType, string summary = "首次编制", string author = "", bool major = false)
    {
        var path = $"/plans/Details?id={plan}";
        var page = await client.GetStringAsync(path);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(summary), "Version.Summary" },
            { new StringContent("按照预案体系建设要求编制"), "Version.Reason" },
            { new StringContent(author), "Version.Author" },
            { new StringContent(major ? "true" : "false"), "Version.Major" },
            { file, "Upload", fileName },
        };
        return await client.PostAsync(path + "&handler=Upload", form);
    }

    /// <summary>Records an evaluation with its report file through the page (multipart).</summary>
    internal static async Task<HttpResponseMessage> EvaluateWithFileAsync(HttpClient client, int plan, string on, string report, byte[] bytes, string fileName, string contentType)
    {
        var path = $"/plans/Details?id={plan}";
        var page = await client.GetStringAsync(path);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(on), "Evaluation.On" },
            { new StringContent(report), "Evaluation.Report" },
            { file, "EvaluationFile", fileName },
        };
        return await client.PostAsync(path + "&handler=Evaluate", form);
    }

    internal static Task<int> NewestVersionAsync(TestApp app, int plan) =>
        CountAsync(app, $"SELECT MAX(Id) AS Value FROM PlanVersions WHERE PlanId = {plan}");

    internal static async Task<HttpResponseMessage> IssueAsync(TestApp app, HttpClient client, int plan, DateOnly on, string number = "青山镇发〔2026〕3号") =>
        await TestApp.PostFormAsync(client, $"/plans/Details?id={plan}&handler=Issue", new Dictionary<string, string>
        {
            ["Issue.VersionId"] = Invariant(await NewestVersionAsync(app, plan)),
            ["Issue.Signer"] = "韦志刚",
            ["Issue.IssuedOn"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Issue.DocumentNumber"] = number,
        }, $"/plans/Details?id={plan}");

    /// <summary>Registers a 青山镇 plan under the county 总体预案, uploads a PDF and issues it on <paramref name="on"/>.</summary>
    internal async Task<int> IssuedTownshipPlanAsync(TestApp app, string title, DateOnly on, string type = "TownshipManual", string? category = null)
    {
        var township = await app.AsAsync(Township);
        var general = await GeneralAsync(app);
        var id = await RegisterAsync(app, township, title, type, $"township:{await TownshipIdAsync(app, "青山镇")}", general, category);
        (await UploadAsync(township, id, Pdf, "预案.pdf", "application/pdf")).EnsureSuccessStatusCode();
        if (type is not ("TownshipManual" or "VillageCombined" or "EnterpriseOnSite"))
        {
            await PassReviewAsync(app, township, id);
        }

        Text(await (await IssueAsync(app, township, id, on)).Content.ReadAsStringAsync()).Should().Contain("已签发，该版本现行有效");
        return id;
    }

    /// <summary>Convenes a review of the newest version with two outside reviewers, records their 通过 and concludes 通过.</summary>
    internal static async Task PassReviewAsync(TestApp app, HttpClient client, int plan)
    {
        Text(await (await ActAsync(client, plan, "Review", new()
        {
            ["Review.HeldOn"] = "2026-11-20",
            ["Review.Names[0]"] = "周评审",
            ["Review.Units[0]"] = "市应急管理局",
            ["Review.Names[1]"] = "吴评审",
            ["Review.Units[1]"] = "县水利局",
        })).Content.ReadAsStringAsync()).Should().Contain("已组织评审");
        var review = await CountAsync(app, $"SELECT MAX(Id) AS Value FROM PlanReviews WHERE PlanId = {plan}");
        foreach (var reviewer in new[] { "周评审", "吴评审" })
        {
            var rid = await CountAsync(app, $"SELECT Id AS Value FROM PlanReviewers WHERE ReviewId = {review} AND Name = '{reviewer}'");
            Text(await (await ActAsync(client, plan, "Opinion", new() { ["Opinion.ReviewerId"] = Invariant(rid), ["Opinion.Text"] = "结构完整，职责清晰", ["Opinion.Verdict"] = "Pass" })).Content.ReadAsStringAsync())
                .Should().Contain("已录入评审意见");
        }

        Text(await (await ActAsync(client, plan, "Conclude", new() { ["Conclusion"] = "Passed" })).Content.ReadAsStringAsync()).Should().Contain("评审结论：通过");
    }

    internal static Task<HttpResponseMessage> ActAsync(HttpClient client, int plan, string handler, Dictionary<string, string>? fields = null) =>
        TestApp.PostFormAsync(client, $"/plans/Details?id={plan}&handler={handler}", fields ?? [], $"/plans/Details?id={plan}");

    internal static void Trigger(TestApp app, string job) =>
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("plans:" + job);

    /// <summary>A fresh signed-in client (after the test clock jumped past the idle timeout).</summary>
    internal static async Task<HttpClient> SignInAsync(TestApp app, string user)
    {
        var client = app.NewClient();
        await TestApp.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = TestApp.Password });
        return client;
    }

    /// <summary>The text of an HTML page without tags, for "the user sees …" assertions.</summary>
    internal static string Text(string html) => Spaces().Replace(Tags().Replace(System.Net.WebUtility.HtmlDecode(html), " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
