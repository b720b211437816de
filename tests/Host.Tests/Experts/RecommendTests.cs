using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.RecommendationSteps;

namespace Emergency.Host.Tests.Experts;

public sealed class RecommendTests : ExpertsTest
{
    private static string BesideField(string html, string field) =>
        Regex.Match(html, $"data-valmsg-for=\"Input.{field}\"[^>]*>([^<]*)<").Groups[1].Value;

    [Fact]
    public async Task The_fourth_recommendation_from_one_unit_is_refused_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "上限测试", InChinaTime(TimeSpan.FromDays(10)));
        var field = await FieldIdAsync(app, "气象灾害");
        for (var i = 1; i <= 3; i++)
        {
            Text(await RecommendAsync(app, Weather, round, Form($"专家{i}", IdCard(Born, i), field))).Should().Contain($"已推荐：专家{i}");
        }

        var fourth = Text(await RecommendAsync(app, Weather, round, Form("专家4", IdCard(Born, 4), field)));
        fourth.Should().Contain("本单位在本轮已推荐 3 名专家，已达上限 3 名");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(3);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM Recommendations WHERE IdCardNumber = '{IdCard(Born, 4)}'")).Should().Be(0);

        // Another unit has its own cap; a withdrawn one frees the place.
        Text(await RecommendAsync(app, "qingshan", round, Form("镇推荐", IdCard(Born, 5), field))).Should().Contain("已推荐：镇推荐");
        var weather = await app.AsAsync(Weather);
        var first = await RecommendationIdAsync(app, IdCard(Born, 1));
        await TestApp.PostFormAsync(weather, $"/experts/Recommend?handler=Withdraw&id={first}", new Dictionary<string, string>(), tokenFrom: "/experts/Recommend");
        Text(await RecommendAsync(app, Weather, round, Form("专家4", IdCard(Born, 4), field))).Should().Contain("已推荐：专家4");
    }

    [Fact]
    public async Task A_late_entry_after_the_deadline_is_refused_with_the_deadline()
    {
        await using var app = await StartAsync();
        var deadline = InChinaTime(TimeSpan.FromDays(2));
        var round = await OpenRoundAsync(app, "截止测试", deadline);
        var form = Form("迟到者", IdCard(Born, 31), await FieldIdAsync(app, "气象灾害"));

        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var page = Text(await RecommendAsync(app, Weather, round, form));
        page.Should().Contain("推荐已于 2026-11-25 10:00 截止，不再接收推荐");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(0);
    }

    [Fact]
    public async Task A_bad_ID_card_checksum_a_birth_date_that_does_not_match_and_a_bad_mobile_are_shown_beside_their_fields()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "校验测试", InChinaTime(TimeSpan.FromDays(10)));
        var field = await FieldIdAsync(app, "气象灾害");
        var good = IdCard(Born, 41);
        var badChecksum = good[..17] + (good[17] == '0' ? '1' : '0');

        var checksum = await RecommendAsync(app, Weather, round, Form("校验位", badChecksum, field));
        BesideField(checksum, "IdCardNumber").Should().Be("身份证号码校验位不正确，请核对");

        var birth = await RecommendAsync(app, Weather, round, Form("生日", good, field, birth: Born.AddDays(1)));
        BesideField(birth, "IdCardNumber").Should().Be("出生日期与身份证号码不一致");

        var mobileForm = Form("手机", good, field);
        mobileForm["Input.Mobile"] = "2390771000";
        var mobile = await RecommendAsync(app, Weather, round, mobileForm);
        BesideField(mobile, "Mobile").Should().Be("手机号码应为以 1 开头的 11 位数字");
        BesideField(mobile, "IdCardNumber").Should().BeEmpty();

        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(0);
    }

    [Fact]
    public async Task The_same_ID_card_twice_in_a_round_is_refused()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "重复测试", InChinaTime(TimeSpan.FromDays(10)));
        var field = await FieldIdAsync(app, "气象灾害");
        await RecommendAsync(app, Weather, round, Form("王重复", IdCard(Born, 51), field));
        var again = await RecommendAsync(app, "qingshan", round, Form("王重复", IdCard(Born, 51), field));
        BesideField(again, "IdCardNumber").Should().Be("该身份证号码在本轮已被推荐，不能重复推荐");
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations")).Should().Be(1);
    }

    [Fact]
    public async Task A_unit_cannot_see_print_or_withdraw_another_units_recommendation_and_the_bureau_prints_it_without_the_navigation()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "打印测试", InChinaTime(TimeSpan.FromDays(10)));
        await RecommendAsync(app, "qingshan", round, Form("赵乡镇", IdCard(Born, 61), await FieldIdAsync(app, "地质灾害")));
        var id = await RecommendationIdAsync(app, IdCard(Born, 61));

        var qingshan = await app.AsAsync("qingshan");
        Text(await qingshan.GetStringAsync("/experts/Recommend")).Should().Contain("赵乡镇");
        var own = await qingshan.GetStringAsync($"/experts/Recommend/Print?id={id}");
        Text(own).Should().Contain("青山县应急管理专家推荐表").And.Contain("赵乡镇").And.Contain(IdCard(Born, 61)).And.Contain("同意推荐").And.Contain("盖章");

        var weather = await app.AsAsync(Weather);
        Text(await weather.GetStringAsync("/experts/Recommend")).Should().NotContain("赵乡镇");
        (await weather.GetAsync($"/experts/Recommend/Print?id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TestApp.PostFormAsync(weather, $"/experts/Recommend?handler=Withdraw&id={id}", new Dictionary<string, string>(), tokenFrom: "/experts/Recommend"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Recommendations WHERE Status = 0")).Should().Be(1);

        var printed = await (await app.AsAsync(Bureau)).GetStringAsync($"/experts/Recommend/Print?id={id}");
        printed.Should().Contain("href=\"/experts/Recommend/Print?handler=Css\"").And.NotContain("experts-tabs").And.NotContain("<nav");
        printed.Should().NotContain("<style").And.NotContain("<script");
        var css = await (await app.AsAsync(Bureau)).GetAsync("/experts/Recommend/Print?handler=Css");
        css.StatusCode.Should().Be(HttpStatusCode.OK, "the print stylesheet is a same-origin file, as the CSP requires");
        (await css.Content.ReadAsStringAsync()).Should().Contain("size: A4");
    }

    [Fact]
    public async Task A_unit_sends_in_its_recommendations_and_the_county_sees_it()
    {
        await using var app = await StartAsync();
        var round = await OpenRoundAsync(app, "报送测试", InChinaTime(TimeSpan.FromDays(10)));
        await RecommendAsync(app, Weather, round, Form("钱报送", IdCard(Born, 71), await FieldIdAsync(app, "气象灾害")));
        var weather = await app.AsAsync(Weather);
        var sent = await TestApp.PostFormAsync(weather, $"/experts/Recommend?handler=Submit&round={round}", new Dictionary<string, string>(), tokenFrom: "/experts/Recommend");
        Text(await sent.Content.ReadAsStringAsync()).Should().Contain("已报送本单位推荐");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM RoundUnits WHERE RoundId = {round} AND UnitName = '气象局' AND SubmittedAtUtc IS NOT NULL")).Should().Be(1);
        Text(await (await app.AsAsync(Bureau)).GetStringAsync("/experts/Rounds")).Should().Contain("气象局 1 / 3 2026-11-23 10:00");
    }
}
