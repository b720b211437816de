using System.Globalization;
using System.Net;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;

namespace Emergency.Host.Tests.Experts;

public sealed class ProfileTests : ExpertsTest
{
    [Fact]
    public async Task A_department_opens_the_county_team_and_its_own_team_but_gets_404_for_another_departments_team()
    {
        await using var app = await StartAsync();
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var bureauId = await DepartmentIdAsync(app, "应急管理局");
        var own = await SeedExpertAsync(app, "许晴", "气象灾害", 1, weatherId, "xuqing@expert.example.cn", null, departmentName: "气象局");
        var county = await SeedExpertAsync(app, "何磊", "危险化学品", 0, bureauId, "helei@expert.example.cn", null, departmentName: "应急管理局");
        var others = await SeedExpertAsync(app, "吕强", "矿山安全", 1, bureauId, "lvqiang@expert.example.cn", null, departmentName: "应急管理局");
        var weather = await app.AsAsync(Weather);

        var page = Text(await weather.GetStringAsync($"/experts/Profile?id={own}"));
        page.Should().Contain("许晴").And.Contain("气象灾害").And.Contain("450999********").And.NotContain("45099919700101");
        (await weather.GetAsync($"/experts/Profile?id={county}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await weather.GetAsync($"/experts/Profile?id={others}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await weather.GetAsync("/experts/Profile?id=9999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.AsAsync(Bureau)).GetAsync($"/experts/Profile?id={others}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await app.AsAsync("leader")).GetAsync($"/experts/Profile?id={others}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unavailable_period_keeps_the_expert_out_of_dispatch_suggestions_until_it_is_removed()
    {
        await using var app = await StartAsync();
        var weatherId = await DepartmentIdAsync(app, "气象局");
        var expert = await SeedExpertAsync(app, "曹阳", "气象灾害", 1, weatherId, "caoyang@expert.example.cn", null, departmentName: "气象局");
        var weather = await app.AsAsync(Weather);
        var path = $"/experts/Availability?id={expert}";
        var today = InChinaTime(TimeSpan.Zero);

        var wrong = await TestApp.PostFormAsync(weather, path + "&handler=Add", new Dictionary<string, string>
        {
            ["Input.From"] = today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.To"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Reason"] = "出国交流",
        }, tokenFrom: path);
        Text(await wrong.Content.ReadAsStringAsync()).Should().Contain("结束日期不能早于开始日期");

        var added = await TestApp.PostFormAsync(weather, path + "&handler=Add", new Dictionary<string, string>
        {
            ["Input.From"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.To"] = today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Reason"] = "出国交流",
        }, tokenFrom: path);
        Text(await added.Content.ReadAsStringAsync()).Should().Contain("已登记 曹阳 的不可调用时段");
        Text(await weather.GetStringAsync($"/experts/Profile?id={expert}")).Should().Contain("出国交流");

        var field = await FieldIdAsync(app, "气象灾害");
        var start = ChinaLocal(InChinaTime(TimeSpan.FromDays(1)));
        var suggestions = $"/experts/Dispatches/Create?fieldId={field}&start={start}";
        Text(await weather.GetStringAsync(suggestions)).Should().NotContain("曹阳");

        var period = await CountAsync(app, "experts", $"SELECT Id AS Value FROM Unavailabilities WHERE ExpertId = {expert}");
        await TestApp.PostFormAsync(weather, path + $"&periodId={period}&handler=Remove", new Dictionary<string, string>(), tokenFrom: path);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Unavailabilities")).Should().Be(0);
        Text(await weather.GetStringAsync(suggestions)).Should().Contain("曹阳");

        (await (await app.AsAsync("qingshan")).GetAsync(path)).StatusCode.Should().NotBe(HttpStatusCode.OK, "a township may not edit another unit's expert");
    }
}
