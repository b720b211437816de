using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Jobs;

/// <summary>
/// Reminds invited experts of a planned meeting <see cref="ExpertsModule.ReminderLeadDaysFirst"/> and
/// <see cref="ExpertsModule.ReminderLeadDaysSecond"/> days before it, each once per expert
/// (key <c>meeting:{id}:expert:{eid}:lead:{days}</c>). A lead time that had already passed when the meeting
/// was created is skipped (the invitation said it all); a late run sends only the nearest lead time.
/// </summary>
internal sealed class MeetingReminderJob(ExpertsDbContext db, ICountySettings settings, ExpertNotices notices, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        int[] leads =
        [
            await settings.GetAsync(ExpertsModule.ReminderLeadDaysFirst, cancellationToken),
            await settings.GetAsync(ExpertsModule.ReminderLeadDaysSecond, cancellationToken),
        ];
        var meetings = await db.Meetings
            .Include(m => m.Invitations)
            .Where(m => m.Status == MeetingStatus.Planned && m.StartsAtUtc > now)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            var due = leads.Distinct()
                .Where(days => days > 0 && now >= meeting.StartsAtUtc.AddDays(-days) && meeting.CreatedAtUtc < meeting.StartsAtUtc.AddDays(-days))
                .Order()
                .Take(1)
                .ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var lead = due[0];
            var ids = meeting.Invitations.Select(i => i.ExpertId).ToList();
            var experts = await db.Experts.AsNoTracking()
                .Where(e => ids.Contains(e.Id) && e.Status == ExpertStatus.Active && e.Email != null)
                .OrderBy(e => e.Id)
                .ToListAsync(cancellationToken);
            foreach (var expert in experts)
            {
                await db.NotifyOnceAsync(ReminderKey.For("meeting", meeting.Id, "expert", expert.Id, "lead", lead), notices.Reminder(meeting, expert, now), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
