using ClosedXML.Excel;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests.Grid;

public sealed class LedgerTests : GridTest
{
    [Fact]
    public async Task The_ledger_filters_counts_per_state_pages_by_20_and_exports_to_excel()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var weather = await DepartmentIdAsync(app, "气象局");
        var first = await ReportedHazardAsync(app, grid, "台账样本一", category: "Fire");
        await ReportedHazardAsync(app, grid, "台账样本二", category: "Geological");
        await AssignAsync(app, first, weather, InChinaTime(TimeSpan.FromDays(5)));
        await using (var db = app.OpenStore("grid"))
        {
            var sql =
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25) " +
                "INSERT INTO Hazards (TownshipId, VillageId, GridId, GridName, Category, Level, Description, Place, State, Overdue, Supervision, AwaitingReportIn, ReportedBy, ReporterName, ReportedAtUtc) " +
                "SELECT TownshipId, VillageId, GridId, GridName, 1, 0, Description, '批量水旱' || i, 0, 0, 0, 0, ReportedBy, ReporterName, ReportedAtUtc FROM Hazards, n WHERE Hazards.Id = " + first;
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, sql);
            // A bulk load that bypasses the module rebuilds the ledger's tally, as documented in HazardTally.
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, RebuildTally);
        }

        var township = await app.AsAsync(Township);
        var all = Text(await township.GetStringAsync("/grid/Ledger"));
        all.Should().Contain("共 27 条").And.Contain("已上报 26").And.Contain("已交办 1").And.Contain("1 / 2");

        var assigned = Text(await township.GetStringAsync("/grid/Ledger?State=Assigned"));
        assigned.Should().Contain("共 1 条").And.Contain("台账样本一").And.NotContain("台账样本二");
        assigned.Should().Contain("已上报 26", "the counts per state ignore the state filter");

        var category = Text(await township.GetStringAsync("/grid/Ledger?Category=Geological"));
        category.Should().Contain("共 1 条").And.Contain("台账样本二");
        Text(await township.GetStringAsync($"/grid/Ledger?DepartmentId={weather}")).Should().Contain("共 1 条");
        Text(await township.GetStringAsync("/grid/Ledger?Category=FloodDrought&p=2")).Should().Contain("共 25 条").And.Contain("2 / 2");
        Text(await township.GetStringAsync("/grid/Ledger?Overdue=true")).Should().Contain("没有符合条件的隐患");

        var export = await township.GetAsync("/grid/Ledger?handler=Export&Category=FloodDrought");
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 1).GetString().Should().Be("编号");
        sheet.RowsUsed().Count().Should().Be(26, "a header and the 25 水旱 hazards");
        sheet.Cell(2, 5).GetString().Should().Be("水旱");
        sheet.Cell(2, 2).GetString().Should().Be("青山镇");
    }

    [Fact]
    public async Task A_place_typed_as_a_formula_is_exported_as_text()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        const string sum = "=1+1";
        const string link = "=HYPERLINK(\"http://example.com\",\"点此\")";
        await ReportedHazardAsync(app, grid, sum);
        await ReportedHazardAsync(app, grid, link);

        var export = await (await app.AsAsync(Township)).GetAsync("/grid/Ledger?handler=Export");

        using var workbook = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 7).GetString().Should().Be("地点");
        foreach (var text in new[] { sum, link })
        {
            var cell = sheet.Column(7).CellsUsed().Single(c => c.GetString() == text);
            cell.HasFormula.Should().BeFalse($"{text} was typed as a place");
            cell.DataType.Should().Be(XLDataType.Text);
        }

        sheet.Cell(2, 1).DataType.Should().Be(XLDataType.Number, "the hazard number stays a number");
    }

    /// <summary>Per (scope, state, category, level, overdue) as "t/v/d/s/c/l/o=n", from the hazards themselves or from the tally.</summary>
    private static async Task<string> TallyAsync(TestApp app, bool fromHazards)
    {
        await using var db = app.OpenStore("grid");
        var sql = fromHazards
            ? "SELECT TownshipId || '/' || VillageId || '/' || COALESCE(DepartmentId, 0) || '/' || State || '/' || Category || '/' || Level || '/' || Overdue || '=' || COUNT(*) AS Value FROM Hazards GROUP BY TownshipId, VillageId, COALESCE(DepartmentId, 0), State, Category, Level, Overdue ORDER BY 1"
            : "SELECT TownshipId || '/' || VillageId || '/' || DepartmentId || '/' || State || '/' || Category || '/' || Level || '/' || Overdue || '=' || Count AS Value FROM HazardTallies WHERE Count <> 0 ORDER BY 1";
        return string.Join(";", await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.SqlQueryRaw<string>(db.Database, sql)));
    }

    [Fact]
    public async Task A_new_report_shows_in_the_ledgers_counts_at_once()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        await ReportedHazardAsync(app, grid, "先报的一条");
        var township = await SignInAsync(app, Township);
        Text(await township.GetStringAsync("/grid/Ledger")).Should().Contain("共 1 条").And.Contain("已上报 1");

        await ReportedHazardAsync(app, grid, "后报的一条");
        Text(await township.GetStringAsync("/grid/Ledger")).Should().Contain("共 2 条", "the counts are kept only until the grid store is written").And.Contain("已上报 2");
        Text(await township.GetStringAsync("/grid/Ledger?p=1")).Should().Contain("后报的一条");
    }

    [Fact]
    public async Task The_counts_per_state_stay_exact_through_reports_assignments_rejections_and_the_overdue_sweep()
    {
        await using var app = await StartAsync();
        var (grid, _) = await SetUpGridsAsync(app);
        var weather = await DepartmentIdAsync(app, "气象局");
        var first = await ReportedHazardAsync(app, grid, "计数样本一", category: "Fire");
        var second = await ReportedHazardAsync(app, grid, "计数样本二", category: "Geological");
        var third = await ReportedHazardAsync(app, grid, "计数样本三");
        var fourth = await ReportedHazardAsync(app, grid, "计数样本四");
        await StepAsync(app, Township, fourth, "Reject", new Dictionary<string, string> { ["Input.Note"] = "经核实不属于隐患" });
        await AssignAsync(app, first, weather, InChinaTime(TimeSpan.FromDays(1)));
        await AssignAsync(app, second, weather, InChinaTime(TimeSpan.FromDays(3)));
        Clock.Advance(TimeSpan.FromDays(2));
        app.Services.GetRequiredService<Hangfire.IRecurringJobManager>().Trigger("grid:overdue-sweep");
        await Eventually.WaitAsync(() => CountAsync(app, "SELECT COUNT(*) AS Value FROM Hazards WHERE Overdue = 1"), n => n == 1);

        (await TallyAsync(app, fromHazards: false)).Should().Be(await TallyAsync(app, fromHazards: true));
        var township = Text(await (await SignInAsync(app, Township)).GetStringAsync("/grid/Ledger"));
        township.Should().Contain("共 4 条").And.Contain("已上报 1").And.Contain("已交办 2").And.Contain("不予认定 1");
        (await StateAsync(app, third)).Should().Be("Reported");
    }

    [Fact]
    public async Task Grids_are_imported_from_excel_after_a_preview_of_the_row_errors()
    {
        await using var app = await StartAsync();
        var township = await app.AsAsync(Township);

        byte[] Workbook(params string[][] rows)
        {
            using var workbook = new XLWorkbook();
            var sheet = workbook.Worksheets.Add("网格");
            string[] header = ["村（社区）", "网格编码", "网格名称", "类型", "户数", "人口", "风险防范重点", "撤离路线", "避难场所", "应急电话"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).Value = header[c];
            }

            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Cell(r + 2, c + 1).Value = rows[r][c];
                }
            }

            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            return stream.ToArray();
        }

        async Task<string> PreviewAsync(byte[] bytes)
        {
            var page = await township.GetStringAsync("/grid/Import");
            using var form = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(file, "Upload", "grids.xlsx");
            return await (await township.PostAsync("/grid/Import?handler=Preview", form)).Content.ReadAsStringAsync();
        }

        var bad = Text(await PreviewAsync(Workbook(
            ["河口村", "HK-11", "河口一组", "村民小组", "80", "260", "山洪", "向北", "村委会", "110"],
            ["东门社区", "DM-11", "东门一网格", "社区网格", "400", "1200", "", "", "", ""],
            ["河口村", "HK-11", "重复编码", "村民小组", "abc", "10", "", "", "", ""])));
        bad.Should().Contain("共 3 行，其中 2 行有错误").And.Contain("“东门社区”不是本乡镇的村（社区）").And.Contain("网格编码 HK-11 重复").And.Contain("户数须为不小于 0 的整数");
        bad.Should().NotContain("确认导入");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Grids")).Should().Be(0, "nothing is written before the confirmation");

        var good = await PreviewAsync(Workbook(
            ["河口村", "HK-11", "河口一组", "村民小组", "80", "260", "山洪", "向北", "村委会", "110"],
            ["青山社区", "QS-11", "青山社区一网格", "社区网格", "420", "1300", "", "", "", ""]));
        Text(good).Should().Contain("共 2 行，其中 0 行有错误").And.Contain("确认导入 2 个网格");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Grids")).Should().Be(0);
        var staged = System.Text.RegularExpressions.Regex.Match(good, "name=\"staged\" value=\"([^\"]+)\"").Groups[1].Value;
        using var confirm = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(good), ["staged"] = staged });
        var done = await township.PostAsync("/grid/Import?handler=Confirm", confirm);
        Text(await done.Content.ReadAsStringAsync()).Should().Contain("已导入 2 个网格").And.Contain("青山社区一网格");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Grids")).Should().Be(2);
        Directory.GetFiles(Path.Combine(DataRoot, "imports", TestApp.County, "grid")).Should().BeEmpty("the confirmation took the file out of the staging");

        var page = await township.GetStringAsync("/grid/Import");
        using var again = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page), ["staged"] = staged });
        Text(await (await township.PostAsync("/grid/Import?handler=Confirm", again)).Content.ReadAsStringAsync()).Should().Contain("导入文件已失效，请重新上传");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Grids")).Should().Be(2, "a second confirmation imports nothing twice");
    }

    [Fact]
    public async Task A_grid_sheet_without_the_templates_columns_is_refused_by_name()
    {
        await using var app = await StartAsync();
        var township = await app.AsAsync(Township);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("网格");
        string[] header = ["村（社区）", "网格编码", "网格名称", "类型", "户数"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
            sheet.Cell(2, c + 1).SetValue("河口村");
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var page = await township.GetStringAsync("/grid/Import");
        using var form = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(stream.ToArray()), "Upload", "grids.xlsx");

        var html = Text(await (await township.PostAsync("/grid/Import?handler=Preview", form)).Content.ReadAsStringAsync());

        html.Should().Contain("表头缺少列：人口、风险防范重点、撤离路线、避难场所、应急电话").And.NotContain("确认导入");
        Directory.Exists(Path.Combine(DataRoot, "imports")).Should().BeFalse("a refused file is not kept");
    }

    [Fact]
    public async Task A_disaster_is_reported_verified_by_the_township_and_summed_up_for_the_county()
    {
        await using var app = await StartAsync();
        var member = await app.AsAsync(GridMember);
        var future = await TestApp.PostFormAsync(member, "/grid/Disasters", new Dictionary<string, string>
        {
            ["Input.DisasterType"] = "山洪",
            ["Input.HappenedAt"] = InChinaTime(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Place"] = "河口村三组",
        });
        Text(await future.Content.ReadAsStringAsync()).Should().Contain("发生时间不能晚于当前时间");

        var reported = await TestApp.PostFormAsync(member, "/grid/Disasters", new Dictionary<string, string>
        {
            ["Input.DisasterType"] = "山洪",
            ["Input.HappenedAt"] = InChinaTime(TimeSpan.FromHours(-3)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Place"] = "河口村三组",
            ["Input.AffectedPeople"] = "120",
            ["Input.Dead"] = "0",
            ["Input.Injured"] = "2",
            ["Input.Missing"] = "1",
            ["Input.HousesDamaged"] = "6",
            ["Input.DirectLoss"] = "35.5",
        });
        Text(await reported.Content.ReadAsStringAsync()).Should().Contain("已报送灾情：山洪（河口村三组）").And.Contain("待核实");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM OutboxMessages WHERE Type LIKE '%DisasterReported%'")).Should().Be(1);

        var id = await CountAsync(app, "SELECT MAX(Id) AS Value FROM Disasters");
        (await TestApp.PostFormAsync(member, $"/grid/Disasters?handler=Verify&id={id}", new Dictionary<string, string>(), tokenFrom: "/grid/Disasters"))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        var verified = await TestApp.PostFormAsync(await app.AsAsync(Township), $"/grid/Disasters?handler=Verify&id={id}", new Dictionary<string, string>(), tokenFrom: "/grid/Disasters");
        Text(await verified.Content.ReadAsStringAsync()).Should().Contain("已核实灾情");

        Text(await (await app.AsAsync(Leader)).GetStringAsync("/grid/Disasters")).Should().Contain("青山镇 1 1 0 120 0 1 2 0 6 35.5", "reports, verified, confirmed (核报), affected, dead, missing, injured, relocated, houses, loss");
    }
}
