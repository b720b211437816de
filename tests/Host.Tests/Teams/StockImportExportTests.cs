using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

/// <summary>Opening stock imported with a row-error preview (all or nothing, each row an 入库); the ledger exported to Excel.</summary>
public sealed partial class StockImportExportTests : StockTest
{
    private const string Path = "/teams/Stock/Import";

    private static byte[] Workbook(params string[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("期初库存");
        foreach (var (values, r) in new[] { new[] { "储备点", "品名", "数量", "最低库存", "有效期或保养日期" } }.Concat(rows).Select((v, i) => (v, i + 1)))
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

    private static async Task<string> PreviewAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetStringAsync(Path);
        using var content = new MultipartFormDataContent { { new StringContent(AntiForgery().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(upload, "Upload", "期初库存.xlsx");
        var response = await client.PostAsync(Path + "?handler=Preview", content);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_file_with_problems_is_previewed_row_by_row_and_writes_nothing()
    {
        await using var app = await StartAsync();
        await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        await SiteAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡应急物资储备点");
        var client = await app.AsAsync(Township);

        var html = await PreviewAsync(client, Workbook(
            ["青山镇应急物资储备点", "救生衣", "60", "30", ""],
            ["石门乡应急物资储备点", "救生衣", "10", "", ""],
            ["青山镇应急物资储备点", "魔法棒", "1", "", ""],
            ["青山镇应急物资储备点", "帐篷", "-2", "", "明年"]));
        var text = Text(html);
        text.Should().Contain("共 4 行，其中 3 行有问题，未导入任何库存");
        text.Should().Contain("储备点“石门乡应急物资储备点”不存在或不由本单位管理").And.Contain("品名“魔法棒”不在物资品类中")
            .And.Contain("数量应为正整数").And.Contain("有效期或保养日期应为日期");
        StagedToken().IsMatch(html).Should().BeFalse();
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM StockMovements")).Should().Be(0);
    }

    [Fact]
    public async Task A_clean_file_is_received_row_by_row_on_confirmation_once()
    {
        await using var app = await StartAsync();
        var site = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var jackets = await KindAsync(app, "救生衣");
        var tents = await KindAsync(app, "帐篷");
        var client = await app.AsAsync(Township);
        await MoveAsync(app, Township, site, "In", jackets, 5);

        var html = await PreviewAsync(client, Workbook(
            ["青山镇应急物资储备点", "救生衣", "60", "30", ""],
            ["青山镇应急物资储备点", "帐篷", "12", "20", "2027-06-30"]));
        Text(html).Should().Contain("共 2 行，检查无误");
        var token = StagedToken().Match(html).Groups[1].Value;
        var confirm = new Dictionary<string, string> { ["Token"] = token };
        Text(await (await TestApp.PostFormAsync(client, Path + "?handler=Confirm", confirm, tokenFrom: Path)).Content.ReadAsStringAsync()).Should().Contain("已导入 2 行期初库存");
        Text(await (await TestApp.PostFormAsync(client, Path + "?handler=Confirm", confirm, tokenFrom: Path)).Content.ReadAsStringAsync()).Should().Contain("预览已过期或已导入");

        (await QuantityAsync(app, site, jackets)).Should().Be(65);
        (await QuantityAsync(app, site, tents)).Should().Be(12);
        (await MovementCountAsync(app, site, tents)).Should().Be(1);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM Stock WHERE SiteId = {site} AND KindId = {tents} AND Minimum = 20 AND ExpiresOn = '2027-06-30' AND BelowSinceOn IS NOT NULL")).Should().Be(1);
        (await CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Stock s WHERE s.Quantity <> (SELECT SUM(m.Quantity) FROM StockMovements m WHERE m.StockId = s.Id)")).Should().Be(0);
        (await (await app.AsAsync(Leader)).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_ledger_is_exported_with_the_pages_filter_and_the_users_scope()
    {
        await using var app = await StartAsync();
        var township = await SiteAsync(app, Township, await TownshipKeyAsync(app), "青山镇应急物资储备点");
        var other = await SiteAsync(app, Bureau, await TownshipKeyAsync(app, "石门乡"), "石门乡应急物资储备点");
        var jackets = await KindAsync(app, "救生衣");
        var pumps = await KindAsync(app, "抽水泵");
        await MoveAsync(app, Township, township, "In", jackets, 60);
        await MoveAsync(app, Township, township, "In", pumps, 1);
        await LimitsAsync(app, Township, township, pumps, 2);
        await MoveAsync(app, Bureau, other, "In", jackets, 40);

        var response = await (await app.AsAsync(Township)).GetAsync("/teams/Stock?handler=Export");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = new XLWorkbook(await response.Content.ReadAsStreamAsync()))
        {
            var sheet = book.Worksheet(1);
            sheet.Cell(1, 1).GetString().Should().Be("储备点");
            sheet.RowsUsed().Count().Should().Be(3, "the header and the township's two rows, not 石门乡's");
            sheet.Cell(2, 4).GetString().Should().Be("救生衣");
            sheet.Cell(2, 6).GetString().Should().Be("60");
        }

        var below = await (await app.AsAsync(Bureau)).GetAsync("/teams/Stock?handler=Export&Below=true");
        using var belowBook = new XLWorkbook(await below.Content.ReadAsStreamAsync());
        belowBook.Worksheet(1).RowsUsed().Count().Should().Be(2);
        belowBook.Worksheet(1).Cell(2, 4).GetString().Should().Be("抽水泵");
        belowBook.Worksheet(1).Cell(2, 9).GetString().Should().Be("是");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex StagedToken();
}
