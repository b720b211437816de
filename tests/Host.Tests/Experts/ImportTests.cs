using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.RecommendationSteps;

namespace Emergency.Host.Tests.Experts;

public sealed partial class ImportTests : ExpertsTest
{
    private static readonly string[] Header = ["推荐单位", "姓名", "性别", "出生日期", "身份证号码", "工作单位", "职称", "专业", "领域", "手机", "邮箱", "工作经历", "推荐单位意见"];

    private static string[] Row(string unit, string name, string idCard, string field = "气象灾害", string mobile = "13907710001", string birth = "1975-03-14") =>
        [unit, name, "男", birth, idCard, "青山县气象台", "高级工程师", "天气预报", field, mobile, "", "从事气象预报工作二十年", "同意推荐"];

    private static byte[] Workbook(params string[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("推荐");
        foreach (var (values, r) in new[] { Header }.Concat(rows).Select((v, i) => (v, i + 1)))
        {
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(r, c + 1).SetValue(values[c]);
            }
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static async Task<string> PreviewAsync(HttpClient client, int round, byte[] file)
    {
        var page = await client.GetStringAsync("/experts/Import");
        var token = AntiForgery().Match(page).Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(round.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Round" },
        };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(upload, "Upload", "推荐名单.xlsx");
        var response = await client.PostAsync("/experts/Import?handler=Preview", content);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex StagedToken();

    [Fact]
    public async Task A_file_with_problems_shows_each_rows_problems_and_writes_nothing()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "导入测试", InChinaTime(TimeSpan.FromDays(10)));
        await RecommendAsync(app, Weather, round, Form("已推荐", IdCard(Born, 201), await FieldIdAsync(app, "气象灾害")));
        var good = IdCard(Born, 202);
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');
        var file = Workbook(
            Row("气象局", "甲", IdCard(Born, 203)),
            Row("气象局", "乙", IdCard(Born, 204)),
            Row("气象局", "丙", IdCard(Born, 205)),
            Row("不存在局", "丁", IdCard(Born, 206)),
            Row("青山镇", "戊", bad),
            Row("青山镇", "己", IdCard(Born, 207), field: "不存在领域"),
            Row("青山镇", "庚", IdCard(Born, 208), mobile: "12345"));

        var html = await PreviewAsync(await app.AsAsync(Bureau), round, file);
        var text = Text(html);
        text.Should().Contain("共 7 行，其中 5 行有问题，未导入任何数据");
        text.Should().Contain("本单位在本轮已推荐 3 名专家，已达上限 3 名", "the unit had one already and the file brings two more before 丙");
        text.Should().Contain("推荐单位：本县没有“不存在局”");
        text.Should().Contain("身份证号码：身份证号码校验位不正确，请核对");
        text.Should().Contain("领域：没有在用的领域“不存在领域”");
        text.Should().Contain("手机：手机号码应为以 1 开头的 11 位数字");
        html.Should().NotContain("confirm-form");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(1);
        Staged().Should().BeEmpty("a file with problems is not kept");
    }

    [Fact]
    public async Task Only_the_county_imports()
    {
        await using var app = await StartAsync();
        (await (await app.AsAsync(Weather)).GetAsync("/experts/Import")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        (await (await app.AsAsync("leader")).GetAsync("/experts/Import")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_clean_file_is_written_in_full_after_confirmation()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "导入成功", InChinaTime(TimeSpan.FromDays(10)), onlyUnitNames: ["气象局"]);
        var bureau = await app.AsAsync(Bureau);
        var file = Workbook(
            Row("气象局", "甲", IdCard(Born, 211)),
            Row("气象局", "乙", IdCard(Born, 212)),
            Row("青山镇", "丙", IdCard(Born, 213), field: "地质灾害"));

        var html = await PreviewAsync(bureau, round, file);
        Text(html).Should().Contain("共 3 行，检查无误，可以导入");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(0, "the preview writes nothing");
        var token = StagedToken().Match(html).Groups[1].Value;
        token.Should().HaveLength(32);
        Staged().Should().ContainSingle("the clean file waits on the server for the confirmation");

        var confirmed = await TestApp.PostFormAsync(bureau, "/experts/Import?handler=Confirm", new Dictionary<string, string> { ["Token"] = token }, tokenFrom: "/experts/Import");
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("已导入 3 条推荐");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Recommendations WHERE RoundId = {round} AND Status = 0")).Should().Be(3);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM RoundUnits WHERE RoundId = {round} AND UnitName = '青山镇'")).Should().Be(1, "the importing unit joins the round");

        var again = await TestApp.PostFormAsync(bureau, "/experts/Import?handler=Confirm", new Dictionary<string, string> { ["Token"] = token }, tokenFrom: "/experts/Import");
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("预览已过期，请重新上传文件");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(3);
        Staged().Should().BeEmpty("the confirmation took the file out of the staging");
    }

    [Fact]
    public async Task A_preview_older_than_an_hour_is_not_imported()
    {
        // The session outlives the hour; the staged file does not.
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "240" });
        var round = await OpenRoundAsync(app, "导入过期", InChinaTime(TimeSpan.FromDays(10)), onlyUnitNames: ["气象局"]);
        var bureau = await app.AsAsync(Bureau);
        var html = await PreviewAsync(bureau, round, Workbook(Row("气象局", "甲", IdCard(Born, 221))));
        var token = StagedToken().Match(html).Groups[1].Value;

        Clock.Advance(TimeSpan.FromMinutes(61));
        var confirmed = await TestApp.PostFormAsync(bureau, "/experts/Import?handler=Confirm", new Dictionary<string, string> { ["Token"] = token }, tokenFrom: "/experts/Import");

        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("预览已过期，请重新上传文件");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(0);
        Staged().Should().BeEmpty("an expired file is removed when it is asked for");
    }

    /// <summary>The recommendation files waiting in the platform's import staging of the county's experts module.</summary>
    private string[] Staged()
    {
        var folder = Path.Combine(DataRoot, "imports", TestApp.County, "experts");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.xlsx") : [];
    }
}
