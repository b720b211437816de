using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Emergency.Host.Platform.Data;
using Emergency.Host.Platform.TreeImport;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>The platform admin's pages: counties, their administrative tree (import) and departments.</summary>
public sealed partial class PlatformAdminTests : PlatformTest
{
    private const string Admin = "admin";
    private const string Header = "乡镇代码,乡镇名称,乡镇类型,村社区代码,村社区名称,村社区类型";

    [Fact]
    public async Task The_platform_admin_creates_a_county_which_is_listed_and_has_a_store_per_module()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);

        var response = await PostAsync(admin, "/Platform/Counties/Create",
        [
            new("Input.Code", "450998"),
            new("Input.Name", "白石县"),
            new("Input.TimeZone", "Asia/Shanghai"),
            new("Input.ContactName", "白石县应急管理局"),
            new("Input.ContactPhone", "0771-7654321"),
            new("Input.Active", "true"),
            new("Input.Modules", "bulletins"),
        ]);

        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Platform/Counties", "a saved county goes back to the list");
        var list = await response.Content.ReadAsStringAsync();
        list.Should().Contain("已创建县区“白石县”（450998）").And.Contain("450998").And.Contain("通知公告").And.Contain("青山县");
        await using (var db = app.OpenPlatform())
        {
            var county = await db.Counties.Include(c => c.Modules).SingleAsync(c => c.Code == "450998");
            county.Name.Should().Be("白石县");
            county.Active.Should().BeTrue();
            county.ContactPhone.Should().Be("0771-7654321");
            county.CreatedAtUtc.Should().Be(Clock.GetUtcNow().UtcDateTime);
            county.Modules.Select(m => m.Module).Should().BeEquivalentTo(["bulletins"]);
        }

        foreach (var module in new[] { "bulletins", "acknowledgements" })
        {
            File.Exists(Path.Combine(DataRoot, "counties", "450998", $"{module}.db")).Should().BeTrue($"the {module} store is made with the county");
        }

        var edit = await admin.GetStringAsync("/Platform/Counties/Edit?code=450998");
        edit.Should().Contain("白石县").And.Contain("行政区划代码创建后不能修改");
        (await admin.GetStringAsync("/Platform/Counties/Tree?code=450998")).Should().Contain("尚无乡镇和村（社区）");
    }

    [Fact]
    public async Task Invalid_county_input_is_refused_with_Chinese_messages_beside_the_fields_and_writes_nothing()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);

        var shortCode = await ReadAsync(await PostAsync(admin, "/Platform/Counties/Create", CountyForm("45099", "白石县")));
        shortCode.Should().Contain("行政区划代码必须是 6 位数字");
        ErrorFor(shortCode, "Input.Code").Should().Contain("6 位数字", "the message sits beside the code field");

        var duplicate = await ReadAsync(await PostAsync(admin, "/Platform/Counties/Create", CountyForm(TestApp.County, "另一个县")));
        ErrorFor(duplicate, "Input.Code").Should().Contain("行政区划代码 450999 已被其他县区使用");

        var noName = await ReadAsync(await PostAsync(admin, "/Platform/Counties/Create", CountyForm("450997", "  ", timeZone: "Mars/Olympus")));
        ErrorFor(noName, "Input.Name").Should().Contain("请填写县区名称");
        ErrorFor(noName, "Input.TimeZone").Should().Contain("不是有效的时区标识");

        var letters = await ReadAsync(await PostAsync(admin, "/Platform/Counties/Create", CountyForm("45a997", "白石县", phone: "call me")));
        ErrorFor(letters, "Input.Code").Should().Contain("6 位数字");
        ErrorFor(letters, "Input.ContactPhone").Should().Contain("联系电话只能包含数字");

        await using var db = app.OpenPlatform();
        (await db.Counties.Select(c => c.Code).ToListAsync()).Should().Equal(TestApp.County);
        (await db.CountyModules.CountAsync(m => m.CountyCode != TestApp.County)).Should().Be(0);
        Directory.GetDirectories(Path.Combine(DataRoot, "counties")).Select(Path.GetFileName).Should().Equal(TestApp.County);
    }

    [Fact]
    public async Task Editing_a_county_keeps_its_code_and_a_removed_module_is_switched_off_for_its_departments()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        await using (var db = app.OpenPlatform())
        {
            (await db.DepartmentModules.CountAsync(m => m.Module == "bulletins")).Should().BeGreaterThan(0, "the demo emergency bureau has every module");
        }

        var form = CountyForm("123456", "青山县（改）", active: false);
        form.RemoveAll(f => f.Value == "bulletins");
        var response = await PostAsync(admin, $"/Platform/Counties/Edit?code={TestApp.County}", form);

        (await ReadAsync(response)).Should().Contain("已保存“青山县（改）”的修改");
        await using (var db = app.OpenPlatform())
        {
            var county = await db.Counties.Include(c => c.Modules).SingleAsync();
            county.Code.Should().Be(TestApp.County, "the code cannot be changed");
            county.Name.Should().Be("青山县（改）");
            county.Active.Should().BeFalse();
            county.Modules.Select(m => m.Module).Should().BeEquivalentTo(["acknowledgements"]);
            (await db.DepartmentModules.CountAsync(m => m.Module == "bulletins")).Should().Be(0);
            (await db.DepartmentModules.CountAsync(m => m.Module == "acknowledgements")).Should().BeGreaterThan(0);
        }

        (await admin.GetStringAsync("/Platform/Counties")).Should().Contain("停用");
        (await admin.GetAsync("/Platform/Counties/Edit?code=123456")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_good_CSV_is_previewed_then_imported_in_full_on_confirmation()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        var (townships, villages) = await CountTreeAsync(app);
        var csv = string.Join("\r\n",
            Header,
            "450999300,白云乡,乡,450999300201,白云村,村",
            "450999300,白云乡,乡,450999300001,白云社区,社区",
            "450999100,,,450999100204,新田村,村",
            "\"450999500\",新区街道,街道,,,",
            "");

        var preview = await ReadAsync(await UploadAsync(admin, TestApp.County, "tree.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray()));

        preview.Should().Contain("共 4 行，没有发现错误。确认后将新增 2 个乡镇（街道）、3 个村（社区）").And.Contain("确认导入");
        (await CountTreeAsync(app)).Should().Be((townships, villages), "the preview writes nothing");
        Directory.GetFiles(Path.Combine(DataRoot, "imports", TestApp.County, "platform-tree"), "*.csv").Should().ContainSingle("the upload is kept on the server until confirmed");

        var token = TokenField().Match(preview).Groups[1].Value;
        var done = await ReadAsync(await PostAsync(admin, $"/Platform/Counties/Tree?code={TestApp.County}&handler=Confirm", [new("Token", token)], preview));

        done.Should().Contain("导入完成：新增 2 个乡镇（街道）、3 个村（社区）").And.Contain("白云社区").And.Contain("新区街道");
        await using (var db = app.OpenPlatform())
        {
            var baiyun = await db.Townships.Include(t => t.Villages).SingleAsync(t => t.Code == "450999300");
            baiyun.Name.Should().Be("白云乡");
            baiyun.Kind.Should().Be(TownshipKind.Township);
            baiyun.Villages.Select(v => (v.Code, v.Name, v.Kind)).Should().BeEquivalentTo(
                [("450999300201", "白云村", VillageKind.Village), ("450999300001", "白云社区", VillageKind.Community)]);
            (await db.Townships.SingleAsync(t => t.Code == "450999500")).Kind.Should().Be(TownshipKind.Subdistrict);
            var xintian = await db.Villages.Include(v => v.Township).SingleAsync(v => v.Code == "450999100204");
            xintian.Township!.Name.Should().Be("青山镇", "a village row may name only the code of a township the county has");
        }

        (await CountTreeAsync(app)).Should().Be((townships + 2, villages + 3));
        Directory.GetFiles(Path.Combine(DataRoot, "imports", TestApp.County, "platform-tree")).Should().BeEmpty();

        var again = await ReadAsync(await PostAsync(admin, $"/Platform/Counties/Tree?code={TestApp.County}&handler=Confirm", [new("Token", token)], preview));
        again.Should().Contain("预览已过期或不存在");
        (await CountTreeAsync(app)).Should().Be((townships + 2, villages + 3), "a second confirmation imports nothing twice");
    }

    [Fact]
    public async Task A_bad_file_shows_each_rows_problems_and_imports_nothing()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        var before = await CountTreeAsync(app);
        var csv = string.Join("\n",
            Header,
            "450999300,白云乡,乡,450999300201,白云村,村",
            "450999300,白云乡,乡,450999300201,白云二村,村",
            "450999900,,,450999900201,孤村,村",
            "450999300,白云乡,乡,450999300202,,村",
            "450999100,青山镇,镇,,,",
            "45099930,白云乡,乡,450999300203,三村,村",
            "450999600,东区,区,,,",
            "450999700,西岭乡,乡,450999300204,西岭村,屯");

        var html = await ReadAsync(await UploadAsync(admin, TestApp.County, "bad.csv", Encoding.UTF8.GetBytes(csv)));

        html.Should().Contain("共 8 行，7 行有错误，未导入任何数据").And.NotContain("确认导入");
        Row(html, 2).Should().Contain("无错误");
        Row(html, 3).Should().Contain("村社区代码 450999300201 与第 2 行重复");
        Row(html, 4).Should().Contain("所属乡镇 450999900 既不在文件中，也不在本县");
        Row(html, 5).Should().Contain("村社区名称为空");
        Row(html, 6).Should().Contain("乡镇代码 450999100 已存在于本县（青山镇），重复");
        Row(html, 7).Should().Contain("乡镇代码“45099930”应为 9 位数字");
        Row(html, 8).Should().Contain("未知的乡镇类型“区”");
        Row(html, 9).Should().Contain("不以所属乡镇代码 450999700 开头").And.Contain("未知的村社区类型“屯”");
        (await CountTreeAsync(app)).Should().Be(before);
        Directory.Exists(Path.Combine(DataRoot, "imports")).Should().BeFalse("a refused file is not kept");

        var missing = await ReadAsync(await UploadAsync(admin, TestApp.County, "columns.csv", Encoding.UTF8.GetBytes("乡镇代码,乡镇名称\n450999300,白云乡\n")));
        missing.Should().Contain("表头缺少列：乡镇类型、村社区代码、村社区名称、村社区类型");
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_with_numeric_code_cells()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        byte[] workbook;
        using (var book = new XLWorkbook())
        {
            var sheet = book.AddWorksheet("行政区划");
            string[] header = ["乡镇代码", "乡镇名称", "乡镇类型", "村社区代码", "村社区名称", "村社区类型"];
            for (var i = 0; i < header.Length; i++)
            {
                sheet.Cell(1, i + 1).Value = header[i];
            }

            // Excel users type codes as numbers; 12 digits must not come back as 4.50999E+11.
            sheet.Cell(2, 1).Value = 450999800;
            sheet.Cell(2, 2).Value = "黄河管委会";
            sheet.Cell(2, 3).Value = "管委会";
            sheet.Cell(2, 4).Value = 450999800001;
            sheet.Cell(2, 5).Value = "园区一社区";
            sheet.Cell(2, 6).Value = "社区";
            sheet.Cell(3, 1).SetValue("450999800");
            sheet.Cell(3, 4).SetValue("450999800201");
            sheet.Cell(3, 5).Value = "黄河村";
            sheet.Cell(3, 6).Value = "村";
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            workbook = stream.ToArray();
        }

        var preview = await ReadAsync(await UploadAsync(admin, TestApp.County, "tree.xlsx", workbook));
        preview.Should().Contain("共 2 行，没有发现错误。确认后将新增 1 个乡镇（街道）、2 个村（社区）");
        var token = TokenField().Match(preview).Groups[1].Value;
        await PostAsync(admin, $"/Platform/Counties/Tree?code={TestApp.County}&handler=Confirm", [new("Token", token)], preview);

        await using var db = app.OpenPlatform();
        var park = await db.Townships.Include(t => t.Villages).SingleAsync(t => t.Code == "450999800");
        park.Kind.Should().Be(TownshipKind.ParkCommittee);
        park.Villages.Select(v => v.Code).Should().BeEquivalentTo(["450999800001", "450999800201"]);
    }

    [Fact]
    public async Task Uploads_are_limited_in_type_and_size_and_GB18030_CSV_is_read()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);

        ErrorFor(await ReadAsync(await UploadAsync(admin, TestApp.County, "tree.txt", Encoding.UTF8.GetBytes(Header))), "Upload")
            .Should().Contain("只支持 .csv 和 .xlsx 文件");
        ErrorFor(await ReadAsync(await UploadAsync(admin, TestApp.County, "huge.csv", new byte[(5 * 1024 * 1024) + 1])), "Upload")
            .Should().Contain("文件不能超过 5 MB");
        ErrorFor(await ReadAsync(await UploadAsync(admin, TestApp.County, "fake.xlsx", Encoding.UTF8.GetBytes(Header))), "Upload")
            .Should().Contain("无法读取该 Excel 文件");

        // What Chinese Excel saves as "CSV (逗号分隔)" is GB18030, not UTF-8.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes(Header + "\r\n450999300,白云乡,乡,450999300201,白云村,村\r\n");
        (await ReadAsync(await UploadAsync(admin, TestApp.County, "gbk.csv", gb))).Should().Contain("共 1 行，没有发现错误").And.Contain("白云村");
    }

    [Fact]
    public async Task The_import_checks_rows_against_each_other_and_the_county()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<AdministrativeTreeImport>();
        TreeFileRow Row(int line, string tc, string tn, string tt, string vc = "", string vn = "", string vt = "") => new(line, tc, tn, tt, vc, vn, vt);

        var preview = await import.CheckAsync(TestApp.County,
        [
            Row(2, "450999300", "白云乡", "乡", "450999300201", "白云村", "村"),
            Row(3, "450999300", "白云镇", "镇", "450999300202", "二村", "村"),
            Row(4, "450999300", "", "", "450999301203", "三村", "村"),
            Row(5, "450999100", "青山乡", "乡", "450999100205", "四村", "村"),
            Row(6, "450998300", "外县乡", "乡"),
            Row(7, "450999400", "", "", "450999400001", "园区社区", "社区"),
            Row(8, "450999301", "", "乡"),
            Row(9, "450999302", "白云乡", "乡"),
            Row(10, "450999302", "白云乡", "乡"),
        ], CancellationToken.None);

        Keys(preview, 2).Should().BeEmpty();
        Keys(preview, 3).Should().Equal("Import_TownshipInconsistent");
        Keys(preview, 4).Should().Equal("Import_VillageNotUnderTownship");
        Keys(preview, 5).Should().Equal("Import_TownshipDiffersFromCounty");
        Keys(preview, 6).Should().Equal("Import_TownshipCodeCounty");
        Keys(preview, 7).Should().Equal("Import_VillageExists");
        Keys(preview, 8).Should().Equal("Import_TownshipNameEmpty");
        Keys(preview, 9).Should().BeEmpty();
        Keys(preview, 10).Should().Equal("Import_TownshipDuplicate");
        preview.IsClean.Should().BeFalse();
        preview.RowsWithProblems.Should().Be(7);
    }

    [Fact]
    public async Task A_county_admin_may_not_open_the_platform_pages_and_unknown_counties_are_404()
    {
        await using var app = await StartAsync();

        var countyAdmin = await app.AsAsync("county-admin");
        var denied = await countyAdmin.GetAsync("/Platform/Counties");
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await countyAdmin.GetAsync($"/Platform/Counties/Tree?code={TestApp.County}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await countyAdmin.GetAsync($"/Platform/Counties/Departments?code={TestApp.County}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var admin = await app.AsAsync(Admin);
        foreach (var page in new[] { "Edit", "Tree", "Departments" })
        {
            (await admin.GetAsync($"/Platform/Counties/{page}?code=999999")).StatusCode.Should().Be(HttpStatusCode.NotFound, page);
            (await admin.GetAsync($"/Platform/Counties/{page}")).StatusCode.Should().Be(HttpStatusCode.NotFound, page);
        }

        var list = await admin.GetStringAsync("/Platform/Counties");
        list.Should().Contain("青山县").And.Contain("启用").And.Contain("通知公告、签收确认");
        Regex.IsMatch(list, "<td class=\"text-end\">4</td>\\s*<td class=\"text-end\">11</td>\\s*<td class=\"text-end\">22</td>").Should().BeTrue("the demo county has 4 townships, 11 villages and 22 departments");
    }

    [Fact]
    public async Task Departments_are_added_renamed_and_deleted_under_the_rules()
    {
        await using var app = await StartAsync();
        var admin = await app.AsAsync(Admin);
        var page = $"/Platform/Counties/Departments?code={TestApp.County}";

        var added = await ReadAsync(await PostAsync(admin, page + "&handler=Add", [new("Input.Name", " 档案局 "), new("Input.Type", "Other")], tokenFrom: page));
        added.Should().Contain("已添加部门“档案局”");

        var duplicate = await ReadAsync(await PostAsync(admin, page + "&handler=Add", [new("Input.Name", "水利局"), new("Input.Type", "Sector")], tokenFrom: page));
        ErrorFor(duplicate, "Input.Name").Should().Contain("本县已有名为“水利局”的部门");
        var empty = await ReadAsync(await PostAsync(admin, page + "&handler=Add", [new("Input.Name", ""), new("Input.Type", "nonsense")], tokenFrom: page));
        ErrorFor(empty, "Input.Name").Should().Contain("请填写部门名称");
        ErrorFor(empty, "Input.Type").Should().Contain("请选择部门类型");

        int archives, water;
        await using (var db = app.OpenPlatform())
        {
            var archive = await db.Departments.SingleAsync(d => d.Name == "档案局");
            archive.Type.Should().Be(DepartmentType.Other);
            archives = archive.Id;
            water = (await db.Departments.SingleAsync(d => d.Name == "水利局")).Id;
            (await db.Departments.CountAsync(d => d.Name == "水利局")).Should().Be(1);
        }

        var clash = await ReadAsync(await PostAsync(admin, page + "&handler=Update", [new("Edit.Id", $"{archives}"), new("Edit.Name", "气象局"), new("Edit.Type", "Support")], tokenFrom: page));
        ErrorFor(clash, "Edit.Name").Should().Contain("本县已有名为“气象局”的部门");
        var renamed = await ReadAsync(await PostAsync(admin, page + "&handler=Update", [new("Edit.Id", $"{archives}"), new("Edit.Name", "档案馆"), new("Edit.Type", "Support")], tokenFrom: page));
        renamed.Should().Contain("已保存部门“档案馆”");

        var refused = await ReadAsync(await PostAsync(admin, $"{page}&handler=Delete&id={water}", [], tokenFrom: page));
        refused.Should().Contain("部门“水利局”下还有 1 个账号，不能删除");
        var deleted = await ReadAsync(await PostAsync(admin, $"{page}&handler=Delete&id={archives}", [], tokenFrom: page));
        deleted.Should().Contain("已删除部门“档案馆”");

        await using (var db = app.OpenPlatform())
        {
            (await db.Departments.AnyAsync(d => d.Id == water)).Should().BeTrue();
            (await db.Departments.AnyAsync(d => d.Id == archives)).Should().BeFalse();
        }

        (await PostAsync(admin, $"{page}&handler=Delete&id=99999", [], tokenFrom: page)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static List<KeyValuePair<string, string>> CountyForm(string code, string name, string timeZone = "Asia/Shanghai", string phone = "0771-1234567", bool active = true) =>
    [
        new("Input.Code", code),
        new("Input.Name", name),
        new("Input.TimeZone", timeZone),
        new("Input.ContactName", "值班室"),
        new("Input.ContactPhone", phone),
        new("Input.Active", active ? "true" : "false"),
        new("Input.Modules", "bulletins"),
        new("Input.Modules", "acknowledgements"),
    ];

    private static async Task<(int Townships, int Villages)> CountTreeAsync(TestApp app)
    {
        await using var db = app.OpenPlatform();
        return (await db.Townships.CountAsync(), await db.Villages.CountAsync());
    }

    private static IEnumerable<string> Keys(TreeImportPreview preview, int line) =>
        preview.Rows.Single(r => r.Data.Line == line).Problems.Select(p => p.Key);

    private static Task<string> ReadAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync();

    /// <summary>Posts a form (repeated names allowed) with the antiforgery token of the page, or of the given HTML or page.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? html = null, string? tokenFrom = null)
    {
        html ??= await client.GetStringAsync(tokenFrom ?? path);
        var form = fields.Append(new("__RequestVerificationToken", Antiforgery(html))).ToList();
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content);
    }

    /// <summary>Uploads a file to the tree page's preview as a browser does (multipart, with the antiforgery token as a field).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string county, string fileName, byte[] bytes)
    {
        var page = await client.GetStringAsync($"/Platform/Counties/Tree?code={county}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Antiforgery(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync($"/Platform/Counties/Tree?code={county}&handler=Preview", form);
    }

    private static string Antiforgery(string html)
    {
        var match = AntiforgeryField().Match(html);
        match.Success.Should().BeTrue("the page has a form with an antiforgery token");
        return match.Groups[1].Value;
    }

    /// <summary>The validation message shown beside a field.</summary>
    private static string ErrorFor(string html, string field)
    {
        var match = Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)</span>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }

    /// <summary>The preview table's row for a line of the file.</summary>
    private static string Row(string html, int line)
    {
        var match = Regex.Match(html, $"<tr[^>]*data-line=\"{line}\">(.*?)</tr>", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"the preview shows line {line}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenField();
}
