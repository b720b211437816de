using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Emergency.Host.Tests.Experts.RecommendationSteps;

namespace Emergency.Host.Tests.Experts;

public sealed partial class SearchTests : ExpertsTest
{
    /// <summary>
    /// 45 county-team experts in 气象灾害 (every third one unavailable today, the last five exited), 5 of the
    /// weather bureau's own team in 地质灾害, and 3 of another department's team.
    /// </summary>
    private static async Task SeedAsync(TestApp app)
    {
        var weather = await UnitIdAsync(app, "气象局");
        var other = await UnitIdAsync(app, "林业局");
        var meteo = await FieldIdAsync(app, "气象灾害");
        var geo = await FieldIdAsync(app, "地质灾害");
        var sql = new StringBuilder();
        var id = 0;
        void Add(string name, string employer, int level, int? department, string? departmentName, int status, int field)
        {
            id++;
            var dept = department?.ToString(CultureInfo.InvariantCulture) ?? "NULL";
            var deptName = departmentName is null ? "NULL" : $"'{departmentName}'";
            sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO Experts (Id, Name, Gender, BirthDate, IdCardNumber, Employer, Title, Specialty, Mobile, Level, DepartmentId, DepartmentName,
                  CertificateNumber, TermStart, TermEnd, Status, ConsecutiveUnexcusedAbsences, ParticipationCount, RatingTotal, RatingCount, CreatedAtUtc)
                VALUES ({id}, '{name}', 0, '1975-03-14', 'ID{id:D16}', '{employer}', '高级工程师', '专业', '13900000000', {level}, {dept}, {deptName},
                  '450999-ZJ-2026-{id:D4}', '2026-01-01', '2028-12-31', {status}, 0, 0, 0, 0, '2026-01-01 00:00:00');
                INSERT INTO ExpertFields (ExpertId, FieldId) VALUES ({id}, {field});

                """);
        }

        for (var i = 1; i <= 45; i++)
        {
            Add($"县队{i:D2}", i <= 10 ? "青山水文站" : "青山县气象台", 0, weather, "气象局", i > 40 ? 1 : 0, meteo);
            if (i % 3 == 0)
            {
                sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO Unavailabilities (ExpertId, \"From\", \"To\", Reason) VALUES ({id}, '2026-11-20', '2026-11-30', '出差');\n");
            }
        }

        for (var i = 1; i <= 5; i++)
        {
            Add($"气象部门{i}", "青山县气象台", 1, weather, "气象局", 0, geo);
        }

        for (var i = 1; i <= 3; i++)
        {
            Add($"林业部门{i}", "青山林场", 1, other, "林业局", 0, geo);
        }

        await using var db = app.OpenStore("experts");
        await db.Database.ExecuteSqlRawAsync(sql.ToString());
    }

    private static int Rows(string html) => ProfileLinks().Matches(html).Count;

    [GeneratedRegex("href=\"/experts/Profile\\?id=\\d+\"")]
    private static partial Regex ProfileLinks();

    /// <summary>Name and employer of each row, in the order listed.</summary>
    private static List<string> NamesAndEmployers(string html) =>
        RowCells().Matches(html).Select(m => m.Groups[1].Value + "@" + m.Groups[2].Value).ToList();

    [GeneratedRegex("<a href=\"/experts/Profile\\?id=\\d+\">([^<]*)</a></td>\\s*<td>([^<]*)</td>")]
    private static partial Regex RowCells();

    [Fact]
    public async Task A_field_search_pages_through_exactly_the_counted_experts_in_archive_order_namesakes_by_employer()
    {
        await using var app = await StartAsync();
        await SeedAsync(app);
        var meteo = await FieldIdAsync(app, "气象灾害");
        await using (var db = app.OpenStore("experts"))
        {
            // Two namesakes of 县队02 (青山县气象台), at employers that sort after and before it.
            foreach (var (id, employer) in new[] { (901, "青山县防汛办"), (902, "东山乡农技站") })
            {
                var insert = $"""
                    INSERT INTO Experts (Id, Name, Gender, BirthDate, IdCardNumber, Employer, Title, Specialty, Mobile, Level, DepartmentId, DepartmentName,
                      CertificateNumber, TermStart, TermEnd, Status, ConsecutiveUnexcusedAbsences, ParticipationCount, RatingTotal, RatingCount, CreatedAtUtc)
                    VALUES ({id}, '县队02', 0, '1975-03-14', 'ID{id:D16}', '{employer}', '高级工程师', '专业', '13900000000', 0, NULL, NULL,
                      '450999-ZJ-2026-{id:D4}', '2026-01-01', '2028-12-31', 0, 0, 0, 0, 0, '2026-01-01 00:00:00');
                    INSERT INTO ExpertFields (ExpertId, FieldId) VALUES ({id}, {meteo});
                    """;
                await db.Database.ExecuteSqlRawAsync(insert);
            }
        }

        var bureau = await app.AsAsync(Bureau);
        var first = await bureau.GetStringAsync($"/experts?FieldId={meteo}");
        Text(first).Should().Contain("共 47 名专家").And.Contain("第 1 / 3 页");
        var listed = new List<string>(NamesAndEmployers(first));
        listed.AddRange(NamesAndEmployers(await bureau.GetStringAsync($"/experts?FieldId={meteo}&p=2")));
        listed.AddRange(NamesAndEmployers(await bureau.GetStringAsync($"/experts?FieldId={meteo}&p=3")));

        listed.Should().HaveCount(47).And.OnlyHaveUniqueItems("the pages list every counted expert once");
        listed.Take(4).Should().Equal("县队01@青山水文站", "县队02@东山乡农技站", "县队02@青山县防汛办", "县队02@青山水文站");
        listed.TakeLast(5).Should().OnlyContain(e => string.CompareOrdinal(e, "县队41") >= 0, "the five exited experts come after the active ones");
    }

    [Fact]
    public async Task Filters_combine_and_the_list_is_paged_twenty_at_a_time_with_the_total()
    {
        await using var app = await StartAsync();
        await SeedAsync(app);
        var bureau = await app.AsAsync(Bureau);
        var meteo = await FieldIdAsync(app, "气象灾害");

        var all = await bureau.GetStringAsync("/experts");
        Text(all).Should().Contain("共 53 名专家").And.Contain("第 1 / 3 页");
        Rows(all).Should().Be(20);
        var last = await bureau.GetStringAsync("/experts?p=3");
        Rows(last).Should().Be(13);

        Text(await bureau.GetStringAsync($"/experts?FieldId={meteo}")).Should().Contain("共 45 名专家");
        Text(await bureau.GetStringAsync("/experts?Category=NaturalDisaster&Level=Department")).Should().Contain("共 8 名专家");
        Text(await bureau.GetStringAsync($"/experts?FieldId={meteo}&Status=Active")).Should().Contain("共 40 名专家");
        Text(await bureau.GetStringAsync($"/experts?FieldId={meteo}&Status=Active&Available=true")).Should().Contain("共 27 名专家", "13 of the 40 active are away today");
        var text = await bureau.GetStringAsync("/experts?Q=水文站");
        Text(text).Should().Contain("共 10 名专家");
        Rows(text).Should().Be(10);
        Text(await bureau.GetStringAsync("/experts?Q=县队07")).Should().Contain("共 1 名专家").And.Contain("县队07");
        Text(await bureau.GetStringAsync("/experts?Category=PublicHealth")).Should().Contain("共 0 名专家");
        var forestry = await UnitIdAsync(app, "林业局");
        Text(await bureau.GetStringAsync($"/experts?DepartmentId={forestry}")).Should().Contain("共 3 名专家");
    }

    [Fact]
    public async Task The_total_follows_a_change_to_the_archive_at_once()
    {
        await using var app = await StartAsync();
        await SeedAsync(app);
        var bureau = await app.AsAsync(Bureau);
        var meteo = await FieldIdAsync(app, "气象灾害");
        var search = $"/experts?FieldId={meteo}&Status=Active";
        Text(await bureau.GetStringAsync(search)).Should().Contain("共 40 名专家");

        await using (var db = app.OpenStore("experts"))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Experts SET Status = 1 WHERE Name = '县队01'");
        }

        Text(await bureau.GetStringAsync(search)).Should().Contain("共 39 名专家", "the count is kept between searches only until the archive changes");
        Text(await bureau.GetStringAsync($"/experts?FieldId={meteo}&Status=Exited")).Should().Contain("共 6 名专家");
    }

    [Fact]
    public async Task A_department_sees_the_county_team_and_its_own_team_but_not_another_departments()
    {
        await using var app = await StartAsync();
        await SeedAsync(app);
        var weather = Text(await (await app.AsAsync(Weather)).GetStringAsync("/experts?Level=Department"));
        weather.Should().Contain("共 5 名专家").And.Contain("气象部门1").And.NotContain("林业部门");
        Text(await (await app.AsAsync(Weather)).GetStringAsync("/experts")).Should().Contain("共 50 名专家");
        Text(await (await app.AsAsync("leader")).GetStringAsync("/experts")).Should().Contain("共 53 名专家");
    }

    [Fact]
    public async Task The_export_is_an_xlsx_of_exactly_the_filtered_rows()
    {
        await using var app = await StartAsync();
        await SeedAsync(app);
        var bureau = await app.AsAsync(Bureau);
        var meteo = await FieldIdAsync(app, "气象灾害");
        var response = await bureau.GetAsync($"/experts?handler=Export&FieldId={meteo}&Status=Active&Q=水文站");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheets.First();
        sheet.Cell(1, 1).GetString().Should().Be("姓名");
        var names = Enumerable.Range(2, sheet.LastRowUsed().RowNumber() - 1).Select(r => sheet.Cell(r, 1).GetString()).ToList();
        names.Should().HaveCount(10).And.OnlyContain(n => n.StartsWith("县队", StringComparison.Ordinal));
        sheet.Cell(2, 4).GetString().Should().Be("气象灾害");
        sheet.Cell(2, 2).GetString().Should().Be("青山水文站");

        var page = await bureau.GetStringAsync($"/experts?FieldId={meteo}&Status=Active&Q=水文站");
        page.Should().Contain("handler=Export").And.Contain("Q=");
    }

    [Fact]
    public async Task A_name_typed_as_a_formula_is_exported_as_text()
    {
        await using var app = await StartAsync();
        const string sum = "=1+1";
        const string link = "=HYPERLINK(\"http://example.com\",\"点此\")";
        await ExpertSeed.SeedExpertAsync(app, sum, "气象灾害", 0, null, null, null);
        await ExpertSeed.SeedExpertAsync(app, link, "气象灾害", 0, null, null, null);

        var response = await (await app.AsAsync(Bureau)).GetAsync("/experts?handler=Export");

        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheets.First();
        foreach (var text in new[] { sum, link })
        {
            var cell = sheet.Column(1).CellsUsed().Single(c => c.GetString() == text);
            cell.HasFormula.Should().BeFalse($"{text} was typed as a name");
            cell.DataType.Should().Be(XLDataType.Text);
            var employer = cell.CellRight();
            employer.HasFormula.Should().BeFalse();
            employer.GetString().Should().Be(text + "的单位");
        }
    }
}
