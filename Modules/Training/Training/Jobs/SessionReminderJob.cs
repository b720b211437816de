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
/// Reminds everyone concerned with a scheduled session (invitees with an email, target units)
/// <see cref="TrainingModule.ReminderLeadDaysFirst"/> and <see cref="TrainingModule.ReminderLeadDaysSecond"/> days
/// before it, with its <c>.ics</c>. Send-once key <c>session:{id}:v:{version}:lead:{days}:{recipient}</c>, claimed in
/// the same commit as the notice, so a restart never repeats one. Rules:
/// <list type="bullet">
/// <item>a lead time already past when the current schedule was set (scheduled or moved late) is not sent: the update said it all;</item>
/// <item>a run that finds several lead times due (the host was down, or the clock moved past both) sends only the nearest one, once;</item>
/// <item>only the current version of a scheduled session is reminded: a moved session's old version and a cancelled session never are.</item>
/// </list>
/// What stays at-least-once: the mail store's hand-off to the SMTP server (a crash after the server accepted a mail and
/// before the mail row was marked sent resends that one mail).
/// </summary>
internal sealed class SessionReminderJob(TrainingDbContext db, ICountySettings settings, TrainingNotices notices, ICountyContext county, TimeProvider clock) : ICountyJob
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
        var longest = leads.Max();
        var horizon = now.AddDays(longest);
        var sessions = await db.Sessions
            .Include(s => s.Targets)
            .Include(s => s.Invitees)
            .AsSplitQuery()
            .Where(s => s.Status == SessionStatus.Scheduled && s.StartsAtUtc > now && s.StartsAtUtc <= horizon)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            if (Due(session, leads, now) is not { } lead)
            {
                continue;
            }

            foreach (var to in TrainingNotices.Recipients(session))
            {
                await db.NotifyOnceAsync(
                    ReminderKey.For("session", session.Id, "v", session.Version, "lead", lead, to.Key),
                    notices.Reminder(session, to, lead, code, now),
                    cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The nearest lead time (days) due now for the session's current schedule, or null.</summary>
    public static int? Due(TrainingSession session, IEnumerable<int> leads, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(session);
        var due = leads.Distinct()
            .Where(days => days > 0 && nowUtc >= session.StartsAtUtc.AddDays(-days) && session.VersionAtUtc < session.StartsAtUtc.AddDays(-days))
            .Order()
            .ToList();
        return due.Count == 0 ? null : due[0];
    }
}
