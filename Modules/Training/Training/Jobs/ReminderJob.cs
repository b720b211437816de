using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Jobs;

/// <summary>
/// Reminds everyone concerned with a scheduled item — a session (invitees with an email, target units) or a planned
/// drill (participating units) — <see cref="TrainingModule.ReminderLeadDaysFirst"/> and
/// <see cref="TrainingModule.ReminderLeadDaysSecond"/> days before it, with its <c>.ics</c>. Send-once key
/// <c>{session|drill}:{id}:v:{version}:lead:{days}:{recipient}</c>, claimed in the same commit as the notice, so a
/// restart never repeats one. Rules (the same for sessions and drills, through <see cref="ICalendarItem"/>):
/// <list type="bullet">
/// <item>a lead time already past when the current schedule was set (scheduled or moved late) is not sent: the update said it all;</item>
/// <item>a run that finds several lead times due (the host was down, or the clock moved past both) sends only the nearest one, once;</item>
/// <item>only the current version of a scheduled item is reminded: a moved session's old version and a cancelled one never are.</item>
/// </list>
/// What stays at-least-once: the mail store's hand-off to the SMTP server (a crash after the server accepted a mail and
/// before the mail row was marked sent resends that one mail).
/// </summary>
internal sealed class ReminderJob(TrainingDbContext db, ICountySettings settings, TrainingNotices notices, ICountyContext county, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
        int[] leads =
        [
            await settings.GetAsync(TrainingModule.ReminderLeadDaysFirst, code, cancellationToken),
            await settings.GetAsync(TrainingModule.ReminderLeadDaysSecond, code, cancellationToken),
        ];
        var horizon = now.AddDays(leads.Max());
        var sessions = await db.Sessions
            .Include(s => s.Targets)
            .Include(s => s.Invitees)
            .AsSplitQuery()
            .AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.StartsAtUtc > now && s.StartsAtUtc <= horizon)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var drills = await db.Drills
            .Include(d => d.Units)
            .AsNoTracking()
            .Where(d => d.Status == DrillStatus.Planned && d.StartsAtUtc > now && d.StartsAtUtc <= horizon)
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var items = sessions
            .Select(s => new Due(s, TrainingNotices.Recipients(s), (to, lead) => notices.Reminder(s, to, lead, code, now)))
            .Concat(drills.Select(d => new Due(d, TrainingNotices.Recipients(d), (to, lead) => notices.DrillReminder(d, to, lead, code, now))));
        foreach (var due in items)
        {
            if (Lead(due.Item, leads, now) is not { } lead)
            {
                continue;
            }

            // The keys this item's reminder at this lead already claimed, read once rather than once per recipient.
            var claimed = await db.ClaimedAsync(ReminderKey.For(due.Item.CalendarKey, due.Item.Id, "v", due.Item.Version, "lead", lead).Value, cancellationToken);
            foreach (var to in due.Recipients)
            {
                var key = ReminderKey.For(due.Item.CalendarKey, due.Item.Id, "v", due.Item.Version, "lead", lead, to.Key);
                if (!claimed.Contains(key.Value))
                {
                    db.NotifyOnce(key, due.Notice(to, lead), claimed);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The nearest lead time (days) due now for the item's current schedule, or null.</summary>
    public static int? Lead(ICalendarItem item, IEnumerable<int> leads, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        var due = leads.Distinct()
            .Where(days => days > 0 && nowUtc >= item.StartsAtUtc.AddDays(-days) && item.VersionAtUtc < item.StartsAtUtc.AddDays(-days))
            .Order()
            .ToList();
        return due.Count == 0 ? null : due[0];
    }

    /// <summary>An item to remind, who is told of it, and its reminder for a recipient and lead time.</summary>
    private sealed record Due(ICalendarItem Item, IReadOnlyList<NoticeRecipient> Recipients, Func<NoticeRecipient, int, Notice> Notice);
}
