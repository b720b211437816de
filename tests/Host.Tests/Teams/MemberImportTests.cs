using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Teams;

public sealed partial class MemberImportTests : TeamsTest
{
    private static readonly string[] Header = ["姓名", "身份证号码", "手机", "来源", "技能特长", "入队日期", "保险类型", "保险有效期至", "是否已培训", "培训日期", "培训方式"];

    private static string[] Row(string name, string idCard, string source = "民兵", string mobile = "13907710001", string trained = "是") =>
        [name, idCard, mobile, source, "水上救援", "2026-09-01", "意外险", "2026-12-31", trained, trained == "是" ? "2026-10-10" : "", trained == "是" ? "县应急管理局培训班" : ""];

    private static byte[] Workbook(params string[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("队员");
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

    private static async Task<string> PreviewAsync(HttpClient client, int team, byte[] file, string fileName = "队员名单.xlsx")
    {
        var path = $"/teams/Members/Import?team={team}";
        var page = await client.GetStringAsync(path);
        using var content = new MultipartFormDataContent { { new StringContent(AntiForgery().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(upload, "Upload", fileName);
        var response = await client.PostAsync(path + "&handler=Preview", content);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ConfirmAsync(HttpClient client, int team, string token)
    {
        var path = $"/teams/Members/Import?team={team}";
        var response = await TestApp.PostFormAsync(client, path + "&handler=Confirm", new Dictionary<string, string> { ["Token"] = token }, tokenFrom: path);
        return Text(await response.Content.ReadAsStringAsync());
    }

    private static Task<int> MembersAsync(TestApp app) => CountAsync(app, "teams", "SELECT COUNT(*) AS Value FROM Members");

    [Fact]
    public async Task The_preview_lists_every_rows_problems_and_writes_nothing()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var bad = IdCardNumber(3)[..17] + (IdCardNumber(3)[17] == '0' ? "1" : "0");
        var file = Workbook(
            Row("韦一", IdCardNumber(1)),
            Row("韦二", bad),
            Row("韦三", IdCardNumber(1)),
            Row("韦四", IdCardNumber(4), source: "保安"),
            Row("韦五", IdCardNumber(5), mobile: "12345"));

        var html = await PreviewAsync(await app.AsAsync(Township), team, file);

        var text = Text(html);
        text.Should().Contain("共 5 行，其中 4 行有问题，未导入任何队员");
        text.Should().Contain("身份证号码校验位不正确，请核对").And.Contain("该身份证号码在文件中重复").And.Contain("来源须为：公安、医务").And.Contain("手机号码应为以 1 开头的 11 位数字");
        html.Should().NotContain("data-testid=\"confirm-form\"");
        (await MembersAsync(app)).Should().Be(0);
    }

    [Fact]
    public async Task A_clean_file_is_written_whole_on_confirmation_and_a_second_confirmation_imports_nothing()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var village = await RegisterAsync(app, Township, "Village", await VillageKeyAsync(app), "河口村应急救援分队");
        await PostMemberAsync(app, Township, village, MemberForm("覃德明", IdCardNumber(3)));
        var client = await app.AsAsync(Township);
        var file = Workbook(Row("韦一", IdCardNumber(1)), Row("韦二", IdCardNumber(2), trained: "否"), Row("覃德明", IdCardNumber(3)));

        var html = await PreviewAsync(client, team, file);
        Text(html).Should().Contain("共 3 名队员，检查无误，确认后全部导入").And.Contain("覃德明同时在本乡镇的“河口村应急救援分队”中");
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM Members WHERE TeamId = {team}")).Should().Be(0, "the preview writes nothing");
        var token = StagedToken().Match(html).Groups[1].Value;
        token.Should().HaveLength(32);

        var confirmed = await ConfirmAsync(client, team, token);
        confirmed.Should().Contain("已导入 3 名队员").And.Contain("在队 3 人，已培训 2 人");
        (await ActiveMembersAsync(app, team)).Should().Be(3);
        (await StrengthEventsAsync(app, team)).Should().Be(1, "one save, one change of strength");

        var again = await ConfirmAsync(client, team, token);
        again.Should().Contain("预览已过期或已导入，请重新上传文件");
        (await ActiveMembersAsync(app, team)).Should().Be(3);
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM Members WHERE TeamId = {team}")).Should().Be(3);
    }

    [Fact]
    public async Task A_row_that_became_wrong_after_the_preview_makes_the_confirmation_write_nothing()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var client = await app.AsAsync(Township);
        var html = await PreviewAsync(client, team, Workbook(Row("韦一", IdCardNumber(1)), Row("韦二", IdCardNumber(2))));
        var token = StagedToken().Match(html).Groups[1].Value;

        // Meanwhile 韦二 is added by hand: the file now has a person twice in the team.
        await PostMemberAsync(app, Township, team, MemberForm("韦二", IdCardNumber(2)));
        var confirmed = await ConfirmAsync(client, team, token);

        confirmed.Should().Contain("文件内容与预览时相比已有问题，未导入任何队员").And.Contain("该身份证号码的队员已在本队伍中");
        (await CountAsync(app, "teams", $"SELECT COUNT(*) AS Value FROM Members WHERE TeamId = {team}")).Should().Be(1, "韦一 was not written either");
    }

    [Fact]
    public async Task The_template_downloads_and_a_file_of_another_type_is_refused()
    {
        await using var app = await StartAsync();
        var team = await RegisterAsync(app, Township, "Township", await TownshipKeyAsync(app), "青山镇应急救援队");
        var client = await app.AsAsync(Township);

        var template = await client.GetAsync($"/teams/Members/Import?team={team}&handler=Template");
        template.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = new XLWorkbook(await template.Content.ReadAsStreamAsync()))
        {
            book.Worksheet(1).Row(1).Cells(1, Header.Length).Select(c => c.GetString()).Should().Equal(Header);
        }

        Text(await PreviewAsync(client, team, [1, 2, 3], "名单.doc")).Should().Contain("请上传 Excel（.xlsx）或 CSV 文件");
        Text(await PreviewAsync(client, team, System.Text.Encoding.UTF8.GetBytes("姓名,手机\n韦一,13900000000\n"), "名单.csv")).Should().Contain("表头缺少列：身份证号码");
        (await MembersAsync(app)).Should().Be(0);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex StagedToken();
}
