using Emergency.TestSupport;
using FluentAssertions;
using MimeKit;
using Xunit;

namespace Emergency.Host.Tests.Training;

/// <summary>
/// Reminders before a session: each lead time once per recipient (the invitee's address and the target township's
/// account), with an .ics, across triggers and restarts; a moved session's old schedule and a cancelled session
/// are never reminded.
/// </summary>
public sealed class SessionReminderTests : TrainingTest
{
    private const string Invitee = "weizhigang@example.cn";

    private const string TownshipMail = "qingshan@qingshan.example.cn";

    private static string Ics(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => (a.FileName ?? "").EndsWith(".ics", StringComparison.Ordinal));
        part.ContentType!.MimeType.Should().Be("text/calendar");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private async Task<int> SessionWithInviteeAsync(TestApp app, string title, TimeSpan startsIn)
    {
        var bureau = await app.AsAsync(Bureau);
        var id = await ScheduleAsync(app, bureau, title, startsIn, [await TownshipIdAsync(app, "青山镇")]);
        await InviteAsync(bureau, id, "韦志刚", "青山镇", Invitee);
        return id;
    }

    private static async Task NothingMoreAsync(SmtpTestServer smtp, int expected, string because)
    {
        await Task.Delay(2500);
        smtp.Messages().Should().HaveCount(expected, because);
    }

    [Fact]
    public async Task Each_lead_time_is_sent_once_with_an_ics_across_triggers_and_a_restart()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        int id;
        await using (var app = await StartAsync(Smtp(smtp)))
        {
            id = await SessionWithInviteeAsync(app, "防汛业务培训", TimeSpan.FromDays(10));
            Trigger(app, "reminders");
            await NothingMoreAsync(smtp, 0, "no lead time is due ten days ahead");

            Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
            Trigger(app, "reminders");
            var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
            mails.SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).Should().BeEquivalentTo(Invitee, TownshipMail);
            mails.Should().OnlyContain(m => m.Subject == "培训提醒（7 天后）：防汛业务培训");
            mails[0].TextBody.Should().Contain("县应急指挥中心三楼会议室").And.Contain("李建平");
            var ics = Ics(mails[0]);
            ics.Should().Contain("METHOD:REQUEST").And.Contain("SEQUENCE:0").And.Contain($"UID:training-session-{id}@").And.Contain("SUMMARY:防汛业务培训");

            Trigger(app, "reminders");
            await NothingMoreAsync(smtp, 2, "a second run sends nothing again");
        }

        await using (var restarted = await StartAsync(Smtp(smtp)))
        {
            Trigger(restarted, "reminders");
            await NothingMoreAsync(smtp, 2, "a restart does not repeat a reminder");

            Clock.Advance(TimeSpan.FromDays(6));
            Trigger(restarted, "reminders");
            var mails = await smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
            mails.Count(m => m.Subject == "培训提醒（1 天后）：防汛业务培训").Should().Be(2);
            Trigger(restarted, "reminders");
            await NothingMoreAsync(smtp, 4, "each lead time once");
            (await CountAsync(restarted, $"SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'session:{id}:v:0:lead:%'")).Should().Be(4);
        }
    }

    [Fact]
    public async Task With_the_clock_moved_past_both_lead_times_while_down_only_the_nearest_is_sent_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        int id;
        await using (var app = await StartAsync(Smtp(smtp)))
        {
            id = await SessionWithInviteeAsync(app, "应急救援技能培训", TimeSpan.FromDays(10));
        }

        Clock.Advance(TimeSpan.FromDays(9) + TimeSpan.FromHours(12));
        await using var restarted = await StartAsync(Smtp(smtp));
        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        mails.Should().OnlyContain(m => m.Subject == "培训提醒（1 天后）：应急救援技能培训");
        Trigger(restarted, "reminders");
        await NothingMoreAsync(smtp, 2, "the 7-day reminder is not sent late, the 1-day one once");
        (await CountAsync(restarted, $"SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'session:{id}:v:0:lead:7:%'")).Should().Be(0);
    }

    [Fact]
    public async Task A_moved_session_sends_an_update_at_once_and_is_reminded_on_its_new_schedule_never_on_the_old()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var id = await SessionWithInviteeAsync(app, "危化品事故处置培训", TimeSpan.FromDays(10));
        var newStart = InChinaTime(TimeSpan.FromDays(15));
        var moved = await TestApp.PostFormAsync(await app.AsAsync(Bureau), $"/training/Sessions/Details?id={id}&handler=Move", new Dictionary<string, string>
        {
            ["Move.StartsAt"] = ChinaLocal(newStart),
            ["Move.EndsAt"] = ChinaLocal(newStart.AddHours(8)),
            ["Move.Place"] = "青山镇政府二楼会议室",
        });
        Text(await moved.Content.ReadAsStringAsync()).Should().Contain("已调整培训时间地点");

        var updates = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        updates.Should().OnlyContain(m => m.Subject == "培训时间地点变更：危化品事故处置培训");
        updates[0].TextBody.Should().Contain("青山镇政府二楼会议室");
        Ics(updates[0]).Should().Contain("METHOD:REQUEST").And.Contain("SEQUENCE:1").And.Contain("LOCATION:青山镇政府二楼会议室");

        Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        Trigger(app, "reminders");
        await NothingMoreAsync(smtp, 2, "the old schedule's 7-day reminder is never sent");

        Clock.Advance(TimeSpan.FromDays(5));
        Trigger(app, "reminders");
        var mails = await smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
        var reminders = mails.Where(m => m.Subject == "培训提醒（7 天后）：危化品事故处置培训").ToList();
        reminders.Should().HaveCount(2);
        reminders[0].TextBody.Should().Contain("青山镇政府二楼会议室");
        Ics(reminders[0]).Should().Contain("SEQUENCE:1");
        (await CountAsync(app, $"SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE 'session:{id}:v:0:lead:%'")).Should().Be(0);
    }

    [Fact]
    public async Task A_cancelled_session_sends_a_cancellation_and_no_reminder()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        var id = await SessionWithInviteeAsync(app, "森林防灭火培训", TimeSpan.FromDays(10));
        var response = await TestApp.PostFormAsync(await app.AsAsync(Bureau), $"/training/Sessions/Details?id={id}&handler=Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "上级统一组织，本次取消" });
        Text(await response.Content.ReadAsStringAsync()).Should().Contain("已取消培训");

        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        mails.Should().OnlyContain(m => m.Subject == "培训取消：森林防灭火培训");
        mails[0].TextBody.Should().Contain("已取消，请勿前往").And.Contain("取消原因：上级统一组织，本次取消");
        Ics(mails[0]).Should().Contain("METHOD:CANCEL").And.Contain("STATUS:CANCELLED").And.Contain("SEQUENCE:1").And.Contain($"UID:training-session-{id}@");

        Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        Trigger(app, "reminders");
        Clock.Advance(TimeSpan.FromDays(6));
        Trigger(app, "reminders");
        await NothingMoreAsync(smtp, 2, "a cancelled session is never reminded");
        (await CountAsync(app, "SELECT COUNT(*) AS Value FROM SentReminders WHERE Key LIKE '%:lead:%'")).Should().Be(0);
    }
}
