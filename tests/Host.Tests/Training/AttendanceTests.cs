using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Emergency.Host.Tests.Training;

public sealed class AttendanceTests : TrainingTest
{
    private static Dictionary<string, string> Sheet(params (int Invitee, string Attendance, string Score, bool Passed)[] lines)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            fields[$"Sheet[{i}].InviteeId"] = Invariant(lines[i].Invitee);
            fields[$"Sheet[{i}].Attendance"] = lines[i].Attendance;
            fields[$"Sheet[{i}].Score"] = lines[i].Score;
            if (lines[i].Passed)
            {
                fields[$"Sheet[{i}].Passed"] = "true";
            }
        }

        return fields;
    }

    private static Task<int> InviteeAsync(TestApp app, int session, string name) =>
        CountAsync(app, $"SELECT Id AS Value FROM Invitees WHERE SessionId = {session} AND Name = '{name}'");

    [Fact]
    public async Task The_sign_in_sheet_is_recorded_after_the_start_and_closing_publishes_a_course_completed_per_present_attendee()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var id = await ScheduleAsync(app, bureau, "地质灾害群测群防培训", TimeSpan.FromDays(2), [qingshan]);
        var path = $"/training/Sessions/Details?id={id}";

        var bad = await TestApp.PostFormAsync(bureau, path + "&handler=Invite", new Dictionary<string, string>
        {
            ["Person.Name"] = "错误",
            ["Person.UnitName"] = "青山镇",
            ["Person.Email"] = "not-an-address",
            ["Person.IdCard"] = "110105194912310021",
        });
        Text(await bad.Content.ReadAsStringAsync()).Should().Contain("邮箱格式不正确").And.Contain("身份证号码校验位不正确");
        await InviteAsync(bureau, id, "韦志刚", "青山镇", "weizhigang@example.cn", "11010519491231002X");
        await InviteAsync(bureau, id, "蒙秀英", "青山镇");
        await InviteAsync(bureau, id, "黄德明", "青山镇");
        var (wei, meng, huang) = (await InviteeAsync(app, id, "韦志刚"), await InviteeAsync(app, id, "蒙秀英"), await InviteeAsync(app, id, "黄德明"));

        var early = await TestApp.PostFormAsync(bureau, path + "&handler=Sheet", Sheet((wei, "Present", "90", true)));
        Text(await early.Content.ReadAsStringAsync()).Should().Contain("培训开始后才能登记出席情况");

        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);
        Text(await bureau.GetStringAsync(path)).Should().Contain("保存签到表");
        var outOfRange = await TestApp.PostFormAsync(bureau, path + "&handler=Sheet", Sheet((wei, "Present", "120", true)));
        Text(await outOfRange.Content.ReadAsStringAsync()).Should().Contain("韦志刚：成绩应在 0 到 100 之间");
        (await TestApp.PostFormAsync(bureau, path + "&handler=Sheet", Sheet((wei, "Present", "92", true), (meng, "Present", "55", false)))).EnsureSuccessStatusCode();

        var notYet = Text(await (await TestApp.PostFormAsync(bureau, path + "&handler=Close", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        notYet.Should().Contain("请先登记每名受邀人员的出席情况：黄德明");
        (await CountAsync(app, $"SELECT Status AS Value FROM Sessions WHERE Id = {id}")).Should().Be(0);

        (await TestApp.PostFormAsync(bureau, path + "&handler=Sheet", Sheet((wei, "Present", "92", true), (meng, "Present", "55", false), (huang, "Absent", "80", true)))).EnsureSuccessStatusCode();
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM Invitees WHERE Id = {huang} AND Attendance = 3 AND Score IS NULL AND Passed = 0")).Should().Be(1, "an absent person has no score");
        var closed = Text(await (await TestApp.PostFormAsync(bureau, path + "&handler=Close", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        closed.Should().Contain("培训已结束，出席 2 人").And.Contain("已结束");

        await using var store = app.OpenStore("training");
        var payloads = await store.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains("CourseCompleted")).Select(m => m.Payload).ToListAsync();
        var events = payloads.Select(p => JsonDocument.Parse(p).RootElement).ToList();
        events.Should().HaveCount(2);
        events.Should().ContainSingle(e => e.GetProperty("personName").GetString() == "韦志刚" && e.GetProperty("idCard").GetString() == "11010519491231002X"
            && e.GetProperty("passed").GetBoolean() && e.GetProperty("hours").GetDouble() == 8 && e.GetProperty("sessionId").GetInt32() == id);
        events.Should().ContainSingle(e => e.GetProperty("personName").GetString() == "蒙秀英" && !e.GetProperty("passed").GetBoolean() && e.GetProperty("unitId").GetInt32() == qingshan);

        var again = Text(await (await TestApp.PostFormAsync(bureau, path + "&handler=Close", new Dictionary<string, string>(), "/Account/ChangePassword")).Content.ReadAsStringAsync());
        again.Should().Contain("该培训已结束");
        (await store.OutboxMessages.CountAsync(m => m.Type.Contains("CourseCompleted"))).Should().Be(2, "closing twice publishes nothing more");
    }

    [Fact]
    public async Task The_printable_record_shows_time_place_content_trainer_attendees_and_results_with_a_print_button()
    {
        await using var app = await StartAsync();
        var qingshan = await TownshipIdAsync(app, "青山镇");
        var bureau = await app.AsAsync(Bureau);
        var id = await ScheduleAsync(app, bureau, "森林防灭火培训", TimeSpan.FromDays(1), [qingshan]);
        await InviteAsync(bureau, id, "韦志刚", "青山镇");
        await InviteAsync(bureau, id, "蒙秀英", "青山镇");
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        bureau = await SignInAsync(app, Bureau);
        var (wei, meng) = (await InviteeAsync(app, id, "韦志刚"), await InviteeAsync(app, id, "蒙秀英"));
        await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={id}&handler=Sheet", Sheet((wei, "Present", "88", true), (meng, "Excused", "", false)));
        await TestApp.PostFormAsync(bureau, $"/training/Sessions/Details?id={id}&handler=Close", new Dictionary<string, string>());

        var html = await bureau.GetStringAsync($"/training/Sessions/Record?id={id}");
        html.Should().Contain("data-print").And.Contain("/_content/Training/print.js").And.NotContain("<script>");
        var text = Text(html);
        text.Should().Contain("安全生产教育和培训记录").And.Contain("森林防灭火培训").And.Contain("县应急指挥中心三楼会议室")
            .And.Contain("李建平").And.Contain("防汛应急预案要点").And.Contain("受邀 2 人，出席 1 人，考核合格 1 人")
            .And.Contain("韦志刚").And.Contain("88").And.Contain("请假");
        (await bureau.GetAsync("/_content/Training/print.js")).IsSuccessStatusCode.Should().BeTrue();
    }
}
