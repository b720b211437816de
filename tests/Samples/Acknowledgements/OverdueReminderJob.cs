using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Samples.Acknowledgements.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Samples.Acknowledgements;

/// <summary>Emails the contact of each overdue, unacknowledged bulletin: once per acknowledgement.</summary>
internal sealed class OverdueReminderJob(AcknowledgementsDbContext db, ICountyContext county, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.Acknowledgements
            .Where(a => a.AcknowledgedAtUtc == null && a.DueAtUtc <= now)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var ack in overdue)
        {
            // The reminder key and the email request commit together: sent once, across restarts too.
            if (await db.TryClaimAsync($"ack:{ack.Id}:overdue", now, cancellationToken))
            {
                db.Publish(new EmailRequested
                {
                    County = county.Required,
                    OccurredAtUtc = now,
                    Source = "acknowledgements",
                    To = ack.ContactEmail,
                    Subject = $"逾期提醒：{ack.Title}",
                    TextBody = $"通知“{ack.Title}”的确认期限 {ChinaTime.Format(ack.DueAtUtc)} 已过，请尽快签收。",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
