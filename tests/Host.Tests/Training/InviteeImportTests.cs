using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Training;

public sealed partial class InviteeImportTests : TrainingTest
{
    private static async Task<string> PreviewAsync(HttpClient client, int session, string csv)
    {
        var path = $"/training/Sessions/Import?id={session}";
        var page = await client.GetStringAsync(path);
        using var form = new MultipartFormDataContent { { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "invitees.csv");
        return await (await client.PostAsync(path + "&handler=Preview", form)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_invitee_list_shows_each_rows_problems_before_writing_and_a_clean_one_is_imported_once()
    {
        await using var app = await StartAsync();
        var bureau = await app.AsAsync(Bureau);
        var id = await ScheduleAsync(app, bureau, "安全生产执法培训", TimeSpan.FromDays(8), [await TownshipIdAsync(app, "青山镇")]);

        var badHtml = await PreviewAsync(bureau, id, "姓名,单位,邮箱,手机,身份证号\n韦志刚,青山镇,wei@example.cn,13800000000,11010519491231002X\n,青山镇,bad-address,123,\n");
        Text(badHtml).Should().Contain("请填写姓名").And.Contain("邮箱格式不正确").And.Contain("手机号应为 11 位数字");
        badHtml.Should().NotContain("confirm-form", "a file with any problem cannot be confirmed");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Invitees")).Should().Be(0);

        var missing = Text(await PreviewAsync(bureau, id, "姓名,单位\n韦志刚,青山镇\n"));
        missing.Should().Contain("表头缺少列");

        var clean = await PreviewAsync(bureau, id, "姓名,单位,邮箱,手机,身份证号\n韦志刚,青山镇,wei@example.cn,13800000000,11010519491231002X\n蒙秀英,青山镇,,,\n");
        clean.Should().Contain("confirm-form");
        var staged = StagedPattern().Match(clean).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["staged"] = staged };
        var confirmed = await TestApp.PostFormAsync(bureau, $"/training/Sessions/Import?id={id}&handler=Confirm", fields);
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("已导入受邀人员 2 名").And.Contain("蒙秀英");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Invitees WHERE SessionId = {id} AND IdCard = '11010519491231002X' AND Email = 'wei@example.cn'")).Should().Be(1);

        var again = await TestApp.PostFormAsync(bureau, $"/training/Sessions/Import?id={id}&handler=Confirm", fields);
        Text(await again.Content.ReadAsStringAsync()).Should().Contain("导入文件已失效");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM Invitees")).Should().Be(2);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"staged\" value=\"([0-9a-f]+)\"")]
    private static partial Regex StagedPattern();
}
