using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

public sealed partial class TargetImportTests : EnforcementTest
{
    private const string Header = "企业名称,统一社会信用代码,地址,乡镇,行业,风险等级,标准化等级,信用等级,重点/一般,管辖,联系电话\n";

    private static async Task<string> PreviewAsync(HttpClient client, string csv)
    {
        const string path = "/enforcement/Targets/Import";
        var page = await client.GetStringAsync(path);
        using var form = new MultipartFormDataContent { { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "targets.csv");
        return await (await client.PostAsync(path + "?handler=Preview", form)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_import_previews_each_rows_problems_writes_nothing_when_any_row_fails_and_a_clean_file_once()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var qingshan = await TownshipIdAsync(app, "青山镇");
        await AddTargetAsync(app, bureau, "已在库企业", CodeNo(50), qingshan);

        var bad = await PreviewAsync(bureau, Header +
            $"青山县宏达化工有限公司,{CodeNo(1)},青山工业园区纬三路8号,青山工业园区管委会,危险化学品,D,三级,一般,重点,县应急管理局,\n" +
            $"坏代码企业,{CodeNo(2)[..17]}Z,青山镇,青山镇,工贸,C,小微企业,良好,一般,乡镇,\n" +
            $"重复企业,{CodeNo(50)},青山镇,青山镇,工贸,E,小微企业,良好,一般,乡镇,12345\n" +
            $"文件内重复,{CodeNo(1)},青山镇,青山镇,工贸,C,小微企业,良好,一般,乡镇,\n" +
            $"乡镇不对,{CodeNo(3)},青山镇,火星乡,工贸,C,小微企业,良好,一般,乡镇,\n");
        var text = Text(bad);
        text.Should().Contain("统一社会信用代码应为 18 位数字或大写字母")
            .And.Contain("该统一社会信用代码已在本县名录库中")
            .And.Contain("请选择风险等级")
            .And.Contain("手机号码应为以 1 开头的 11 位数字")
            .And.Contain("请选择您负责的乡镇（街道）")
            .And.Contain("与第 2 行的统一社会信用代码重复");
        bad.Should().NotContain("confirm-form", "a file with any problem cannot be confirmed");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Targets")).Should().Be(1, "a failed import writes nothing");

        Text(await PreviewAsync(bureau, "企业名称,统一社会信用代码\n某企业,x\n")).Should().Contain("表头缺少列");

        var clean = await PreviewAsync(bureau, Header +
            $"青山县宏达化工有限公司,{CodeNo(1)},青山工业园区纬三路8号,青山工业园区管委会,危险化学品,D,三级,一般,重点,县应急管理局,13800000000\n" +
            $"青山镇河口竹木加工厂,{CodeNo(2).ToLowerInvariant()},青山镇河口村,青山镇,工贸,B类,小微企业,良好,一般,乡镇,\n");
        clean.Should().Contain("confirm-form");
        var fields = new Dictionary<string, string> { ["staged"] = StagedPattern().Match(clean).Groups[1].Value };
        var confirmed = await TestApp.PostFormAsync(bureau, "/enforcement/Targets/Import?handler=Confirm", fields);
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("已导入企业 2 家").And.Contain("青山镇河口竹木加工厂");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Targets WHERE CreditCode = '{CodeNo(2)}' AND JurisdictionTownshipId = {qingshan} AND Risk = 1")).Should().Be(1);
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Targets WHERE CreditCode = '{CodeNo(1)}' AND IsKey = 1 AND JurisdictionTownshipId IS NULL")).Should().Be(1);

        var again = await TestApp.PostFormAsync(bureau, "/enforcement/Targets/Import?handler=Confirm", fields);
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("导入文件已失效");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Targets")).Should().Be(3);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"staged\" value=\"([0-9a-f]+)\"")]
    private static partial Regex StagedPattern();
}
