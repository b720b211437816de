using System.Net;
using Emergency.TestSupport;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;
using static Emergency.Host.Tests.Experts.JudgementSteps;

namespace Emergency.Host.Tests.Experts;

/// <summary>调用 by phone: the organiser records an answer taken by phone (who, when); experts without email are listed to be called.</summary>
public sealed class PhoneAnswerTests : ExpertsTest
{
    private static string ToCallSection(string html)
    {
        var start = html.IndexOf("data-testid=\"to-call\"", StringComparison.Ordinal);
        return start < 0 ? "" : Text(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Experts_without_email_are_listed_to_be_called_until_their_answer_is_recorded()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var noEmail = await SeedExpertAsync(app, "周涛", "危险化学品", 0, null, null, null);
        var withEmail = await SeedExpertAsync(app, "林森", "危险化学品", 0, null, "linsen@expert.example.cn", null);
        var dispatch = await DispatchAsync(this, app, "化工园区泄漏处置", "危险化学品", [noEmail, withEmail], TimeSpan.FromHours(4));
        (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20))).Single().To.Mailboxes.Single().Address.Should().Be("linsen@expert.example.cn");

        var bureau = await app.AsAsync(Bureau);
        var list = ToCallSection(await bureau.GetStringAsync($"/experts/Dispatches/Details?id={dispatch}"));
        list.Should().Contain("待电话联系").And.Contain("周涛").And.Contain("13800000000").And.NotContain("林森");
        ToCallSection(await (await app.AsAsync(Weather)).GetStringAsync($"/experts/Dispatches/Details?id={dispatch}")).Should().BeEmpty("only the organiser calls");

        Text(await (await PhoneAsync(bureau, app, dispatch, noEmail, accept: true, "", InChinaTime(TimeSpan.Zero))).Content.ReadAsStringAsync()).Should().Contain("已登记 周涛 的电话答复");
        ToCallSection(await bureau.GetStringAsync($"/experts/Dispatches/Details?id={dispatch}")).Should().BeEmpty("the call was made and recorded");
    }

    [Fact]
    public async Task The_organiser_records_a_phone_answer_with_who_took_it_and_when()
    {
        await using var app = await StartAsync();
        var accepts = await SeedExpertAsync(app, "张雨", "气象灾害", 0, null, null, null);
        var declines = await SeedExpertAsync(app, "李风", "气象灾害", 0, null, null, null);
        var dispatch = await DispatchAsync(this, app, "台风防御会商", "气象灾害", [accepts, declines], TimeSpan.FromHours(4));
        Clock.Advance(TimeSpan.FromMinutes(20));
        var bureau = await SignInAsync(app, Bureau);
        var calledAt = InChinaTime(TimeSpan.FromMinutes(-10));

        Text(await (await PhoneAsync(bureau, app, dispatch, accepts, accept: null, "", calledAt)).Content.ReadAsStringAsync()).Should().Contain("请选择专家的答复");
        Text(await (await PhoneAsync(bureau, app, dispatch, accepts, accept: true, "", calledAt)).Content.ReadAsStringAsync())
            .Should().Contain("已登记 张雨 的电话答复：接受调用");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM DispatchAssignments WHERE ExpertId = {accepts} AND Answer = 1 AND AnswerSource = 1 AND AnswerTakenBy = 'yjj'")).Should().Be(1);
        var at = calledAt.AddHours(-8).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM DispatchAssignments WHERE ExpertId = {accepts} AND AnsweredAtUtc = '{at}'")).Should().Be(1, "the time of the call is kept");
        (await CountAsync(app, "experts", $"SELECT ParticipationCount AS Value FROM Experts WHERE Id = {accepts}")).Should().Be(1);
        Text(await (await PhoneAsync(bureau, app, dispatch, accepts, accept: false, "改主意", calledAt)).Content.ReadAsStringAsync()).Should().Contain("张雨 已答复，不能重复登记");

        Text(await (await PhoneAsync(bureau, app, dispatch, declines, accept: false, "", calledAt)).Content.ReadAsStringAsync()).Should().Contain("谢绝调用须填写理由");
        (await CountAsync(app, "experts", $"SELECT Answer AS Value FROM DispatchAssignments WHERE ExpertId = {declines}")).Should().Be(0);
        Text(await (await PhoneAsync(bureau, app, dispatch, declines, accept: false, "人在外地", calledAt)).Content.ReadAsStringAsync())
            .Should().Contain("已登记 李风 的电话答复：谢绝调用，谢绝理由已提交县应急管理局研判");
        (await CountAsync(app, "experts", $"SELECT COUNT(*) AS Value FROM DisqualificationReviews WHERE ExpertId = {declines} AND Status = 0 AND Detail LIKE '%人在外地%'")).Should().Be(1);
        (await StatusAsync(app, declines)).Should().Be(0);

        Text(await bureau.GetStringAsync($"/experts/Dispatches/Details?id={dispatch}")).Should().Contain("电话答复，经办： yjj");
    }

    [Fact]
    public async Task A_call_time_in_the_future_is_refused_and_only_the_organiser_records()
    {
        await using var app = await StartAsync();
        var expert = await SeedExpertAsync(app, "黄河", "水旱灾害", 0, null, null, null);
        var dispatch = await DispatchAsync(this, app, "堤防抢险", "水旱灾害", [expert], TimeSpan.FromHours(4));
        var bureau = await app.AsAsync(Bureau);

        Text(await (await PhoneAsync(bureau, app, dispatch, expert, accept: true, "", InChinaTime(TimeSpan.FromMinutes(30)))).Content.ReadAsStringAsync())
            .Should().Contain("通话时间不能晚于当前时间");
        Text(await (await PhoneAsync(bureau, app, dispatch, expert, accept: true, "", InChinaTime(TimeSpan.FromHours(-2)))).Content.ReadAsStringAsync())
            .Should().Contain("通话时间不能早于调用通知发出时间");
        (await PhoneAsync(await app.AsAsync(Weather), app, dispatch, expert, accept: true, "", InChinaTime(TimeSpan.Zero))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync(app, "experts", $"SELECT Answer AS Value FROM DispatchAssignments WHERE ExpertId = {expert}")).Should().Be(0);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Participations")).Should().Be(0);
    }
}
