using System.Net;
using ClosedXML.Excel;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Grid;

/// <summary>网格表: each grid with households, active members and their phones and the station, filtered, exported and printed.</summary>
public sealed class GridTableTests : GridTest
{
    [Fact]
    public async Task The_grid_table_lists_grids_with_members_and_station_filters_exports_and_prints()
    {
        await using var app = await StartAsync();
        var (covered, _) = await SetUpGridsAsync(app);
        await CreateGridAsync(app, "LL-01", "柳林村第一村民小组", village: "柳林村", households: 80);
        var township = await app.AsAsync(Township);
        await TestApp.PostFormAsync(township, "/grid/Stations?handler=Station", new Dictionary<string, string>
        {
            ["Input.VillageId"] = Invariant(await VillageIdAsync(app, "河口村")),
            ["Input.Name"] = "河口村应急服务站",
            ["Input.Phone"] = "0771-1234567",
            ["Input.StaffName"] = "王站长",
            ["Input.StaffMobile"] = "13900001111",
        }, tokenFrom: "/grid/Stations");
        // A deactivated member is not on the table.
        await CreateMemberAsync(app, "钱网格", null, covered);
        var leaving = await CountAsync(app, "SELECT Id AS Value FROM Members WHERE Name = '钱网格'");
        await TestApp.PostFormAsync(township, $"/grid/Members/Details?id={leaving}&handler=Deactivate", new Dictionary<string, string> { ["Reason"] = "外出务工" }, tokenFrom: "/Account/ChangePassword");

        var table = Text(await township.GetStringAsync("/grid/GridTable"));
        table.Should().Contain("青山镇 河口村 HK-01 河口村第一村民小组 120 李网格 13800001111 河口村应急服务站 0771-1234567")
            .And.Contain("青山镇 柳林村 LL-01 柳林村第一村民小组 80")
            .And.NotContain("钱网格");

        var liulin = await VillageIdAsync(app, "柳林村");
        Text(await township.GetStringAsync($"/grid/GridTable?village={liulin}")).Should().Contain("LL-01").And.NotContain("HK-01");
        Text(await (await app.AsAsync(GridMember)).GetStringAsync("/grid/GridTable")).Should().Contain("HK-01").And.NotContain("LL-01", "a village sees its own grids");

        var export = await township.GetAsync("/grid/GridTable?handler=Export");
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = new XLWorkbook(await export.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheet(1);
            sheet.Cell(1, 3).GetString().Should().Be("网格编码");
            sheet.RowsUsed().Count().Should().Be(4, "a header and three grids");
            sheet.Cell(2, 3).GetString().Should().Be("HK-01");
            sheet.Cell(2, 8).GetString().Should().Be("李网格");
            sheet.Cell(2, 9).GetString().Should().Be("13800001111");
            sheet.Cell(2, 10).GetString().Should().Be("河口村应急服务站");
        }

        var print = await township.GetAsync($"/grid/GridTable?print=true&village={liulin}");
        print.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await print.Content.ReadAsStringAsync();
        html.Should().Contain("data-testid=\"grid-table-print\"").And.Contain("/_content/Grid/print.js").And.Contain("data-print")
            .And.NotContain("data-testid=\"grid-tabs\"", "the print view has no navigation").And.NotContain("<script>", "no inline script (CSP)");
        Text(html).Should().Contain("LL-01").And.NotContain("HK-01");
        (await township.GetAsync("/_content/Grid/print.js")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
