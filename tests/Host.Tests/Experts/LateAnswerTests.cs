using Emergency.TestSupport;
using FluentAssertions;
using Xunit;
using static Emergency.Host.Tests.Experts.ExpertSeed;
using static Emergency.Host.Tests.Experts.JudgementSteps;

namespace Emergency.Host.Tests.Experts;

/// <summary>Answers after the dispatch's answer-by time are refused with a message: by link, and a phone call after it.</summary>
public sealed class LateAnswerTests : ExpertsTest
{
    [Fact]
    public async Task A_link_answer_after_the_answer_by_time_is_refused()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var expert = await SeedExpertAsync(app, "郑河", "水旱灾害", 0, null, "zhenghe@expert.example.cn", null);
        await DispatchAsync(this, app, "汛情会商", "水旱灾害", [expert], TimeSpan.FromHours(4));
        var link = LinkIn((await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)))[0]);
        (await app.NewClient().GetStringAsync(new Uri(link).PathAndQuery)).Should().Contain("decline-form", "before the deadline the form is there");

        Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        var html = await app.NewClient().GetStringAsync(new Uri(link).PathAndQuery);
        Text(html).Should().Contain("已超过答复截止时间").And.Contain("不能再通过链接答复");
        html.Should().NotContain("accept-form").And.NotContain("decline-form", "no form is offered after the deadline");
        (await AnswerByLinkAsync(app, link, accept: true)).Should().Contain("已超过答复截止时间");
        (await AnswerByLinkAsync(app, link, accept: false, reason: "来不及")).Should().Contain("已超过答复截止时间");
        (await CountAsync(app, "experts", $"SELECT Answer AS Value FROM DispatchAssignments WHERE ExpertId = {expert}")).Should().Be(0);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM Participations")).Should().Be(0);
        (await CountAsync(app, "experts", "SELECT COUNT(*) AS Value FROM DisqualificationReviews")).Should().Be(0);
    }

    [Fact]
    public async Task A_phone_call_after_the_answer_by_time_is_refused_one_before_it_is_recorded_later()
    {
        await using var app = await StartAsync();
        var late = await SeedExpertAsync(app, "罗江", "水旱灾害", 0, null, null, null);
        var onTime = await SeedExpertAsync(app, "邓川", "水旱灾害", 0, null, null, null);
        var dispatch = await DispatchAsync(this, app, "山洪风险处置", "水旱灾害", [late, onTime], TimeSpan.FromHours(4));
        Clock.Advance(TimeSpan.FromHours(5));
        var bureau = await SignInAsync(app, Bureau);

        Text(await (await PhoneAsync(bureau, app, dispatch, late, accept: true, "", InChinaTime(TimeSpan.FromMinutes(-30)))).Content.ReadAsStringAsync())
            .Should().Contain("通话时间晚于答复截止时间").And.Contain("逾期答复不予登记");
        (await CountAsync(app, "experts", $"SELECT Answer AS Value FROM DispatchAssignments WHERE ExpertId = {late}")).Should().Be(0);

        Text(await (await PhoneAsync(bureau, app, dispatch, onTime, accept: true, "", InChinaTime(TimeSpan.FromHours(-2)))).Content.ReadAsStringAsync())
            .Should().Contain("已登记 邓川 的电话答复：接受调用", "a call taken before the deadline may be recorded afterwards");
        (await CountAsync(app, "experts", $"SELECT Answer AS Value FROM DispatchAssignments WHERE ExpertId = {onTime}")).Should().Be(1);
    }
}
