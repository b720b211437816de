using Emergency.BuildingBlocks.Email.Data;
using Emergency.TestSupport;
using FluentAssertions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Emergency.Host.Tests;

public sealed class MailAndReminderTests : PlatformTest
{
    private const string ReminderJob = "acknowledgements:overdue-reminders";

    private static Dictionary<string, string?> Smtp(SmtpTestServer smtp, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task An_overdue_acknowledgement_is_reminded_by_email_over_SMTP_exactly_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        await IssueBulletinAsync(app, "汛期值守安排", "zhangsan@qingshan.gov.cn", InChinaTime(TimeSpan.FromHours(1)));
        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "汛期值守安排"), n => n > 0);

        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.Trigger(ReminderJob);
        await Task.Delay(2000);
        smtp.Messages().Should().BeEmpty("nothing is overdue yet");

        Clock.Advance(TimeSpan.FromHours(2));
        jobs.Trigger(ReminderJob);
        var mails = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        mails[0].Subject.Should().Be("逾期提醒：汛期值守安排");
        mails[0].To.Mailboxes.Single().Address.Should().Be("zhangsan@qingshan.gov.cn");
        mails[0].TextBody.Should().Contain("请尽快签收");

        jobs.Trigger(ReminderJob);
        jobs.Trigger(ReminderJob);
        await Task.Delay(3000);
        smtp.Messages().Should().HaveCount(1, "each reminder goes out once");
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_the_app_was_down_is_sent_once_after_start()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using (var before = await StartAsync(Smtp(smtp)))
        {
            await IssueBulletinAsync(before, "危化品检查通知", "lisi@qingshan.gov.cn", InChinaTime(TimeSpan.FromHours(3)));
            await Eventually.WaitAsync(() => AcknowledgementsAsync(before, "危化品检查通知"), n => n > 0);
        }

        Clock.Advance(TimeSpan.FromDays(1));
        await using (var after = await StartAsync(Smtp(smtp)))
        {
            var mails = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
            mails.Single().Subject.Should().Be("逾期提醒：危化品检查通知");
        }

        await using var third = await StartAsync(Smtp(smtp));
        third.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReminderJob);
        await Task.Delay(3000);
        smtp.Messages().Should().HaveCount(1, "a restart neither loses nor repeats a reminder");
    }

    [Fact]
    public async Task A_queue_longer_than_one_batch_goes_out_in_one_wake_up_without_waiting_for_the_next_poll()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp, ("Mail:PollInterval", "01:00:00")));
        // 119 mails already queued (as after a burst of reminders), then one more request wakes the sender once.
        await using (var mail = app.OpenMail())
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 119; i++)
            {
                mail.Messages.Add(new MailMessage
                {
                    Id = Guid.CreateVersion7(),
                    County = TestApp.County,
                    Source = "test",
                    To = $"burst{i}@qingshan.gov.cn",
                    Subject = "演练提醒 " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    TextBody = "明天 9:00 演练",
                    CreatedAtUtc = now.AddSeconds(i),
                    Status = MailStatus.Pending,
                });
            }

            await mail.SaveChangesAsync();
        }

        await using (var store = app.OpenStore("grid"))
        {
            store.Publish(new Emergency.BuildingBlocks.Email.EmailRequested { To = "wake@qingshan.gov.cn", Subject = "演练提醒 唤醒", TextBody = "明天 9:00 演练" });
            await store.SaveChangesAsync();
        }

        var received = await smtp.WaitForMessagesAsync(120, TimeSpan.FromSeconds(90));
        received.Should().HaveCount(120, "the sender keeps taking batches while mail is due instead of waiting an hour for the next poll");
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        await using var check = app.OpenMail();
        (await check.Messages.CountAsync(m => m.Status == MailStatus.Sent)).Should().Be(120);
    }

    [Fact]
    public async Task A_refused_recipient_is_marked_failed_at_once_and_shown_to_the_admin()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp));
        await IssueBulletinAsync(app, "拒收测试", "reject-nobody@qingshan.gov.cn", InChinaTime(TimeSpan.FromHours(1)));
        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "拒收测试"), n => n > 0);
        Clock.Advance(TimeSpan.FromHours(2));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReminderJob);

        var mail = await Eventually.WaitAsync(async () =>
        {
            await using var db = app.OpenMail();
            return await db.Messages.AsNoTracking().SingleOrDefaultAsync();
        }, m => m is { Status: MailStatus.Failed });

        mail!.Status.Should().Be(MailStatus.Failed);
        mail.Attempts.Should().Be(1, "a permanent failure is not retried");
        mail.LastError.Should().Contain("550");
        var page = await (await app.AsAsync("admin")).GetStringAsync("/admin/mail?status=Failed");
        page.Should().Contain("reject-nobody@qingshan.gov.cn").And.Contain("发送失败");
    }

    [Fact]
    public async Task A_temporary_failure_is_retried_with_backoff_until_it_gives_up()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await StartAsync(Smtp(smtp, ("Mail:MaxAttempts", "3")));
        await IssueBulletinAsync(app, "暂时失败测试", "tempfail-box@qingshan.gov.cn", InChinaTime(TimeSpan.FromHours(1)));
        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "暂时失败测试"), n => n > 0);
        Clock.Advance(TimeSpan.FromHours(2));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReminderJob);

        var first = await Eventually.WaitAsync(async () =>
        {
            await using var db = app.OpenMail();
            return await db.Messages.AsNoTracking().SingleOrDefaultAsync();
        }, m => m is { Attempts: >= 1 });
        first!.Status.Should().Be(MailStatus.Pending);
        first.NextAttemptAtUtc.Should().BeAfter(Clock.GetUtcNow().UtcDateTime);

        // Retries fall due as time passes.
        for (var i = 0; i < 4; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(10));
            await Task.Delay(1500);
        }

        await using var mail = app.OpenMail();
        var last = await mail.Messages.AsNoTracking().SingleAsync();
        last.Attempts.Should().Be(3);
        last.Status.Should().Be(MailStatus.Failed);
        last.LastError.Should().Contain("451");
    }

    [Fact]
    public async Task Without_SMTP_the_mail_is_written_as_an_eml_file_in_the_data_folder()
    {
        await using var app = await StartAsync();
        await IssueBulletinAsync(app, "本地邮件测试", "wangwu@qingshan.gov.cn", InChinaTime(TimeSpan.FromHours(1)));
        await Eventually.WaitAsync(() => AcknowledgementsAsync(app, "本地邮件测试"), n => n > 0);
        Clock.Advance(TimeSpan.FromHours(2));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReminderJob);

        var folder = Path.Combine(DataRoot, "mail");
        var files = await Eventually.WaitAsync(
            () => Task.FromResult(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []), f => f.Length > 0);

        files.Should().ContainSingle();
        var message = await MimeKit.MimeMessage.LoadAsync(files[0]);
        message.Subject.Should().Be("逾期提醒：本地邮件测试");
    }
}
