using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.Samples.Acknowledgements.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Samples.Acknowledgements;

/// <summary>Notifies (mails) the contact of each overdue, unacknowledged bulletin: once per acknowledgement.</summary>
internal sealed class OverdueReminderJob(AcknowledgementsDbContext db, TimeProvider clock) : ICountyJob
{
    private static readonly NoticeKind Overdue = new("acknowledgements.overdue", NoticeDelivery.Each);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.Acknowledgements
            .Where(a => a.AcknowledgedAtUtc == null && a.DueAtUtc <= now)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var ack in overdue)
        {
            // The reminder key and the notice commit together: sent once, across restarts too.
            await db.NotifyOnceAsync(ReminderKey.For("ack", ack.Id, "overdue"), new Notice
            {
                Kind = Overdue,
                To = NoticeRecipient.Email(ack.ContactEmail),
                Title = $"逾期提醒：{ack.Title}",
                TextBody = $"通知“{ack.Title}”的确认期限 {ChinaTime.Format(ack.DueAtUtc)} 已过，请尽快签收。",
                AtUtc = now,
            }, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
