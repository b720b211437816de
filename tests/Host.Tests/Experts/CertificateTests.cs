using System.Globalization;
using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class CertificateTests : ExpertsTest
{
    private static async Task NumberAsync(TestApp app, int expert, string number)
    {
        await using var db = app.OpenStore("experts", TestApp.County);
        await db.Database.ExecuteSqlRawAsync("UPDATE Experts SET CertificateNumber = {0} WHERE Id = {1}", number, expert);
    }

    [Fact]
    public async Task The_certificate_of_a_county_team_expert_prints_county_fields_number_term_and_issuer()
    {
        await using var app = await StartAsync();
        var bureauId = await DepartmentIdAsync(app, "应急管理局");
        var expert = await SeedExpertAsync(app, "邱岚", "地震灾害", 0, bureauId, "qiulan@expert.example.cn", null,
            new DateOnly(2025, 3, 1), new DateOnly(2028, 2, 29), departmentName: "应急管理局");
        await NumberAsync(app, expert, "450999-ZJ-2025-0007");
        var bureau = await app.AsAsync(Bureau);

        var profile = await bureau.GetStringAsync($"/experts/Profile?id={expert}");
        profile.Should().Contain($"/experts/Certificate?id={expert}", "the profile links to the certificate");

        var html = await bureau.GetStringAsync($"/experts/Certificate?id={expert}");
        var text = Text(html);
        text.Should().Contain("青山县应急管理专家聘任证书")
            .And.Contain("兹聘任 邱岚 同志为青山县应急管理专家（县级专家队伍），聘期自 2025年3月1日 至 2028年2月29日")
            .And.Contain("自然灾害类 · 地震灾害")
            .And.Contain("450999-ZJ-2025-0007")
            .And.Contain("青山县突发事件应急委员会")
            .And.Contain("（青山县应急管理局代章）")
            .And.Contain("打印证书")
            .And.NotContain("已撤销");
        html.Should().Contain("data-print").And.Contain("handler=Css").And.NotContain("<nav", "a bare print page");
        var script = await bureau.GetStringAsync("/_content/Experts/print.js");
        script.Should().Contain("window.print()");
    }

    [Fact]
    public async Task After_an_exit_the_certificate_is_marked_revoked_with_date_and_reason()
    {
        await using var app = await StartAsync();
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "钱霖", "气象灾害", 1, weatherId, "qianlin@expert.example.cn", null, departmentName: "气象局");
        var weather = await app.AsAsync(Weather);
        Text(await weather.GetStringAsync($"/experts/Certificate?id={expert}")).Should().Contain("青山县气象局").And.NotContain("已撤销");

        await TestApp.PostFormAsync(weather, "/experts/Exits?handler=Apply",
            new Dictionary<string, string> { ["Input.ExpertId"] = expert.ToString(CultureInfo.InvariantCulture), ["Input.Reason"] = "调往外省工作" }, tokenFrom: "/experts/Exits");
        var request = await CountAsync(app, "experts", $"SELECT Id AS Value FROM ExitRequests WHERE ExpertId = {expert}");
        var decided = await TestApp.PostFormAsync(weather, $"/experts/Exits?handler=Decide&requestId={request}&approve=true", new Dictionary<string, string>(), tokenFrom: "/experts/Exits");
        Text(await decided.Content.ReadAsStringAsync()).Should().Contain("证书已注销");

        var today = InChinaTime(TimeSpan.Zero).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var html = await weather.GetStringAsync($"/experts/Certificate?id={expert}");
        html.Should().Contain("data-testid=\"revoked-mark\"");
        Text(html).Should().Contain("已撤销").And.Contain($"本证书已于 {today} 撤销，原因：调往外省工作").And.Contain("钱霖");
    }

    [Fact]
    public async Task A_department_gets_404_for_the_certificate_of_another_departments_team_expert()
    {
        await using var app = await StartAsync();
        var bureauId = await DepartmentIdAsync(app, "应急管理局");
        var others = await SeedExpertAsync(app, "孔涛", "矿山安全", 1, bureauId, "kongtao@expert.example.cn", null, departmentName: "应急管理局");
        var county = await SeedExpertAsync(app, "柳青", "危险化学品", 0, bureauId, "liuqing@expert.example.cn", null, departmentName: "应急管理局");
        var weather = await app.AsAsync(Weather);

        (await weather.GetAsync($"/experts/Certificate?id={others}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await weather.GetAsync("/experts/Certificate?id=9999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await weather.GetAsync($"/experts/Certificate?id={county}")).StatusCode.Should().Be(HttpStatusCode.OK, "every department opens the county team");
        (await (await app.AsAsync(Bureau)).GetAsync($"/experts/Certificate?id={others}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await app.AsAsync("leader")).GetAsync($"/experts/Certificate?id={others}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
