using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Emergency.BuildingBlocks.Calendar;
using Emergency.Host.Platform.Data;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>The platform admin's working-day calendar (/Platform/Calendar) and the IWorkingDays service over it.</summary>
public sealed partial class WorkingDaysPageTests : PlatformTest
{
    private const string Admin = "admin";

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task The_2025_and_2026_schedules_are_loaded_at_start_and_shown_to_the_platform_admin()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);

        var index = await admin.GetStringAsync("/Platform/Calendar");
        index.Should().Contain("data-year=\"2026\"").And.Contain("data-year=\"2025\"").And.Contain("国办发明电〔2024〕12号");
        index.Should().Contain("2027 年的节假日安排尚未录入", "in November the next year's schedule is due");
        (await admin.GetStringAsync("/")).Should().Contain("href=\"/Platform/Calendar\"", "the platform admin's navigation links the calendar");

        var year = await admin.GetStringAsync("/Platform/Calendar/Year?year=2026");
        DayRow(year, "2026-02-14").Should().Contain("调休上班").And.Contain("春节").And.Contain("周六");
        DayRow(year, "2026-10-10").Should().Contain("调休上班");
        DayRow(year, "2026-02-18").Should().Contain("放假");
        Regex.Matches(year, "data-date=\"").Count.Should().Be(33 + 6);

        var days = app.Services.GetRequiredService<IWorkingDays>();
        (await days.AddWorkingDaysAsync(D(2026, 2, 13), 1, CancellationToken.None)).Date.Should().Be(D(2026, 2, 14));
        (await days.NextWorkingDayOnOrAfterAsync(D(2026, 10, 1), CancellationToken.None)).Should().Be(D(2026, 10, 8));
    }

    [Fact]
    public async Task Seeding_at_a_restart_neither_repeats_nor_undoes_the_admins_changes()
    {
        await using (var first = await StartAsync())
        {
            var admin = await first.AsAsync(Admin);
            (await PostAsync(admin, "/Platform/Calendar/Year?year=2026&handler=Remove", [new("date", "2026-10-10")], tokenFrom: "/Platform/Calendar/Year?year=2026"))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using var second = await StartAsync();
        await using var db = second.OpenPlatform();
        (await db.CalendarYears.CountAsync()).Should().Be(2);
        (await db.CalendarDays.CountAsync(d => d.Year == 2025)).Should().Be(28 + 5);
        (await db.CalendarDays.CountAsync(d => d.Year == 2026)).Should().Be(33 + 6 - 1, "the removed 10-10 stays removed");
        (await second.Services.GetRequiredService<IWorkingDays>().IsWorkingDayAsync(D(2026, 10, 10), CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task The_admin_adds_and_removes_a_day_and_the_service_uses_it_at_once()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        var days = app.Services.GetRequiredService<IWorkingDays>();
        (await days.IsWorkingDayAsync(D(2026, 12, 31), CancellationToken.None)).Should().BeTrue("read (and cached) before the change");

        var added = await ReadAsync(await PostAsync(admin, "/Platform/Calendar/Year?year=2026&handler=Add",
            [new("Input.Date", "2026-12-31"), new("Input.Kind", "Holiday"), new("Input.Name", "测试假日")], tokenFrom: "/Platform/Calendar/Year?year=2026"));
        added.Should().Contain("已添加 2026-12-31（放假，测试假日）");
        DayRow(added, "2026-12-31").Should().Contain("测试假日");
        (await days.IsWorkingDayAsync(D(2026, 12, 31), CancellationToken.None)).Should().BeFalse("the edit empties the cache");

        var removed = await ReadAsync(await PostAsync(admin, "/Platform/Calendar/Year?year=2026&handler=Remove", [new("date", "2026-02-14")], tokenFrom: "/Platform/Calendar/Year?year=2026"));
        removed.Should().Contain("已移除 2026-02-14").And.NotContain("data-date=\"2026-02-14\"");
        (await days.AddWorkingDaysAsync(D(2026, 2, 13), 1, CancellationToken.None)).Date.Should().Be(D(2026, 2, 24));
    }

    [Fact]
    public async Task A_bad_day_is_refused_with_a_message_beside_its_field_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        const string page = "/Platform/Calendar/Year?year=2026";

        var weekday = await ReadAsync(await PostAsync(admin, page + "&handler=Add", [new("Input.Date", "2026-12-30"), new("Input.Kind", "MakeUpWorkday"), new("Input.Name", "国庆节")], tokenFrom: page));
        ErrorFor(weekday, "Input.Date").Should().Contain("调休上班日应为周六或周日");

        var otherYear = await ReadAsync(await PostAsync(admin, page + "&handler=Add", [new("Input.Date", "2027-01-01"), new("Input.Kind", "Holiday"), new("Input.Name", "元旦")], tokenFrom: page));
        ErrorFor(otherYear, "Input.Date").Should().Contain("不在 2026 年度内");

        var existing = await ReadAsync(await PostAsync(admin, page + "&handler=Add", [new("Input.Date", "2026-10-01"), new("Input.Kind", "Holiday"), new("Input.Name", "国庆节")], tokenFrom: page));
        ErrorFor(existing, "Input.Date").Should().Contain("2026-10-01 已在本年度安排中（放假，国庆节）");

        var empty = await ReadAsync(await PostAsync(admin, page + "&handler=Add", [new("Input.Date", "明天"), new("Input.Kind", ""), new("Input.Name", " ")], tokenFrom: page));
        ErrorFor(empty, "Input.Date").Should().Contain("无法识别");
        ErrorFor(empty, "Input.Kind").Should().Contain("类型为空");
        ErrorFor(empty, "Input.Name").Should().Contain("名称为空");

        await using var db = app.OpenPlatform();
        (await db.CalendarDays.CountAsync(d => d.Year == 2026)).Should().Be(39);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_writes_nothing_and_a_good_file_replaces_the_year_and_is_used()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        var days = app.Services.GetRequiredService<IWorkingDays>();
        (await days.AddWorkingDaysAsync(D(2027, 2, 5), 1, CancellationToken.None)).Should()
            .Match<WorkingDayResult>(r => r.Date == D(2027, 2, 8) && r.UsedFallback, "2027 has no schedule yet");

        var bad = Csv(
            "2027-01-01,放假,元旦",
            "2027-02-30,放假,春节",
            "2027-02-08,休息,春节",
            "2027-02-10,调休上班,春节",
            "2026-10-01,放假,国庆节",
            "2027-01-01,放假,元旦",
            "2027-02-06,调休上班,");
        var rejected = await ReadAsync(await UploadAsync(admin, "2027", "国办发明电〔2026〕1号", "bad.csv", bad));
        rejected.Should().Contain("共 7 行，6 行有错误，未导入任何数据");
        Row(rejected, 2).Should().Contain("无错误").And.NotContain("text-danger");
        Row(rejected, 3).Should().Contain("日期“2027-02-30”无法识别");
        Row(rejected, 4).Should().Contain("未知的类型“休息”，应为 放假/调休上班");
        Row(rejected, 5).Should().Contain("2027-02-10 是工作日，调休上班日应为周六或周日");
        Row(rejected, 6).Should().Contain("日期 2026-10-01 不在 2027 年度内");
        Row(rejected, 7).Should().Contain("日期 2027-01-01 与第 2 行重复");
        Row(rejected, 8).Should().Contain("名称为空");
        rejected.Should().NotContain("data-testid=\"confirm-form\"");
        await using (var db = app.OpenPlatform())
        {
            (await db.CalendarYears.AnyAsync(y => y.Year == 2027)).Should().BeFalse();
            (await db.CalendarDays.AnyAsync(d => d.Year == 2027)).Should().BeFalse();
        }

        var good = Csv(
            "2027-01-01,放假,元旦",
            "2027-02-06,调休上班,春节",
            "2027-02-07,放假,春节",
            "2027-02-08,放假,春节",
            "2027-02-09,放假,春节");
        var preview = await ReadAsync(await UploadAsync(admin, "2027", "国办发明电〔2026〕1号", "good.csv", good));
        preview.Should().Contain("共 5 行，没有发现错误。确认后 2027 年度将有 4 个放假日、1 个调休上班日");
        var token = TokenField().Match(preview).Groups[1].Value;
        var done = await ReadAsync(await PostAsync(admin, "/Platform/Calendar?handler=Confirm",
            [new("Token", token), new("Year", "2027"), new("Source", "国办发明电〔2026〕1号")], html: preview));
        done.Should().Contain("已导入 2027 年度：4 个放假日、1 个调休上班日");
        DayRow(done, "2027-02-06").Should().Contain("调休上班");

        var result = await days.AddWorkingDaysAsync(D(2027, 2, 5), 1, CancellationToken.None);
        result.Date.Should().Be(D(2027, 2, 6), "the imported make-up Saturday counts");
        result.UsedFallback.Should().BeFalse();
        (await days.AddWorkingDaysAsync(D(2027, 2, 6), 1, CancellationToken.None)).Date.Should().Be(D(2027, 2, 10));

        // A second import of the year replaces it in full.
        var again = await ReadAsync(await UploadAsync(admin, "2027", "国办发明电〔2026〕2号", "again.csv", Csv("2027-01-01,放假,元旦")));
        again.Should().Contain("该年度现有的 5 条安排将被替换");
        await PostAsync(admin, "/Platform/Calendar?handler=Confirm",
            [new("Token", TokenField().Match(again).Groups[1].Value), new("Year", "2027"), new("Source", "国办发明电〔2026〕2号")], html: again);
        await using (var db = app.OpenPlatform())
        {
            (await db.CalendarDays.Where(d => d.Year == 2027).Select(d => d.Date).ToListAsync()).Should().Equal(D(2027, 1, 1));
            (await db.CalendarYears.SingleAsync(y => y.Year == 2027)).Should().Match<CalendarYear>(y => y.Source == "国办发明电〔2026〕2号" && y.LoadedBy == "admin");
        }

        (await days.IsWorkingDayAsync(D(2027, 2, 8), CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task An_xlsx_with_date_cells_is_read_and_the_form_fields_are_checked()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("2027");
        sheet.Cell(1, 1).Value = "日期";
        sheet.Cell(1, 2).Value = "类型";
        sheet.Cell(1, 3).Value = "名称";
        sheet.Cell(2, 1).Value = new DateTime(2027, 10, 1);
        sheet.Cell(2, 2).Value = "放假";
        sheet.Cell(2, 3).Value = "国庆节";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var preview = await ReadAsync(await UploadAsync(admin, "2027", "国办发明电〔2026〕1号", "2027.xlsx", stream.ToArray()));
        preview.Should().Contain("共 1 行，没有发现错误");
        Row(preview, 2).Should().Contain("2027-10-01");

        var noYear = await ReadAsync(await UploadAsync(admin, "", " ", "2027.xlsx", stream.ToArray()));
        ErrorFor(noYear, "Year").Should().Contain("请填写年度");
        ErrorFor(noYear, "Source").Should().Contain("请填写依据的文件或文号");
        var wrongType = await ReadAsync(await UploadAsync(admin, "1999", "x", "2027.txt", stream.ToArray()));
        ErrorFor(wrongType, "Year").Should().Contain("年度应在 2000 至 2100 之间");
        ErrorFor(wrongType, "Upload").Should().Contain("只支持 .csv 和 .xlsx 文件");
        var columns = await ReadAsync(await UploadAsync(admin, "2027", "x", "c.csv", Encoding.UTF8.GetBytes("日期,名称\n2027-10-01,国庆节\n")));
        ErrorFor(columns, "Upload").Should().Contain("表头缺少列：类型");
    }

    [Fact]
    public async Task A_year_is_created_empty_filled_day_by_day_and_deleted_to_fall_back()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        var days = app.Services.GetRequiredService<IWorkingDays>();

        var created = await ReadAsync(await PostAsync(admin, "/Platform/Calendar?handler=Create", [new("NewYear", "2027"), new("NewSource", "国办发明电〔2026〕1号")], tokenFrom: "/Platform/Calendar"));
        created.Should().Contain("已新建 2027 年度").And.Contain("本年度还没有放假或调休上班日期");
        var duplicate = await ReadAsync(await PostAsync(admin, "/Platform/Calendar?handler=Create", [new("NewYear", "2026"), new("NewSource", "x")], tokenFrom: "/Platform/Calendar"));
        ErrorFor(duplicate, "NewYear").Should().Contain("2026 年度已存在");
        (await days.YearsWithoutScheduleAsync(D(2027, 1, 1), D(2027, 12, 31), CancellationToken.None)).Should().BeEmpty();

        var deleted = await ReadAsync(await PostAsync(admin, "/Platform/Calendar/Year?year=2026&handler=DeleteYear", [], tokenFrom: "/Platform/Calendar/Year?year=2026"));
        deleted.Should().Contain("已删除 2026 年度的节假日安排，该年按周一至周五计算").And.NotContain("data-year=\"2026\"");
        var result = await days.AddWorkingDaysAsync(D(2026, 2, 13), 1, CancellationToken.None);
        result.Date.Should().Be(D(2026, 2, 16), "without its schedule 2026 counts Monday–Friday");
        result.FallbackYears.Should().Equal(2026);
        (await admin.GetStringAsync("/Platform/Calendar/Year?year=2026")).Should().Contain("2026 年节假日安排未录入，按周一至周五计算");
        await using var db = app.OpenPlatform();
        (await db.CalendarDays.AnyAsync(d => d.Year == 2026)).Should().BeFalse();
    }

    [Fact]
    public async Task Only_the_platform_admin_reaches_the_calendar()
    {
        await using var app = await StartAsync();
        var countyAdmin = await app.AsAsync("county-admin");
        (await countyAdmin.GetAsync("/Platform/Calendar")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await countyAdmin.GetAsync("/Platform/Calendar/Year?year=2026")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await countyAdmin.GetStringAsync("/")).Should().NotContain("/Platform/Calendar");
        var security = await app.AsAsync("security");
        (await security.GetAsync("/Platform/Calendar")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var admin = await app.AsAsync(Admin);
        var page = await admin.GetStringAsync("/Platform/Calendar/Year?year=2026");
        using var form = new FormUrlEncodedContent([new("date", "2026-10-10"), new("__RequestVerificationToken", Antiforgery(page))]);
        (await countyAdmin.PostAsync("/Platform/Calendar/Year?year=2026&handler=Remove", form)).StatusCode.Should()
            .BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await admin.GetAsync("/Platform/Calendar/Year?year=1900")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var db = app.OpenPlatform();
        (await db.CalendarDays.AnyAsync(d => d.Date == D(2026, 10, 10))).Should().BeTrue();
    }

    private static byte[] Csv(params string[] rows) =>
        Encoding.UTF8.GetBytes("日期,类型,名称\n" + string.Join('\n', rows) + "\n");

    private static Task<string> ReadAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? html = null, string? tokenFrom = null)
    {
        html ??= await client.GetStringAsync(tokenFrom ?? path);
        var form = fields.Append(new("__RequestVerificationToken", Antiforgery(html))).ToList();
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content);
    }

    /// <summary>Uploads a file to the calendar's import preview as a browser does.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string year, string source, string fileName, byte[] bytes)
    {
        var page = await client.GetStringAsync("/Platform/Calendar");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Antiforgery(page)), "__RequestVerificationToken");
        form.Add(new StringContent(year), "Year");
        form.Add(new StringContent(source), "Source");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/Platform/Calendar?handler=Preview", form);
    }

    private static string Antiforgery(string html)
    {
        var match = AntiforgeryField().Match(html);
        match.Success.Should().BeTrue("the page has a form with an antiforgery token");
        return match.Groups[1].Value;
    }

    private static string ErrorFor(string html, string field)
    {
        var match = Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)</span>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }

    private static string Row(string html, int line)
    {
        var match = Regex.Match(html, $"<tr[^>]*data-line=\"{line}\">(.*?)</tr>", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"the preview shows line {line}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string DayRow(string html, string date)
    {
        var match = Regex.Match(html, $"<tr[^>]*data-date=\"{date}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"the year shows {date}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenField();
}
