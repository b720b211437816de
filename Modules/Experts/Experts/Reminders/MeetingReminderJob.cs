using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Reminders;

/// <summary>
/// Reminds invited experts of a planned meeting <see cref="ExpertsModule.ReminderLeadDaysFirst"/> and
/// <see cref="ExpertsModule.ReminderLeadDaysSecond"/> days before it, each once per expert
/// (key <c>meeting:{id}:expert:{eid}:lead:{days}</c>). A lead time that had already passed when the meeting
/// was created is skipped (the invitation said it all); a late run sends only the nearest lead time.
/// </summary>
internal sealed class MeetingReminderJob(ExpertsDbContext db, ICountyContext county, ICountySettings settings, TimeProvider clock) : ICountyJob
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
                var key = string.Create(CultureInfo.InvariantCulture, $"meeting:{meeting.Id}:expert:{expert.Id}:lead:{lead}");
                if (await db.TryClaimAsync(key, now, cancellationToken))
                {
                    db.Publish(new EmailRequested
                    {
                        County = county.Required,
                        OccurredAtUtc = now,
                        Source = ExpertsModule.ModuleName,
                        To = expert.Email!,
                        ToName = expert.Name,
                        Subject = meeting.Classified ? "会商提醒（涉密）" : $"会商提醒：{meeting.Topic}",
                        TextBody = meeting.Classified
                            ? $"{expert.Name} 专家：\n\n您有一项涉密会商将于 {ChinaTime.Format(meeting.StartsAtUtc)} 举行，请与组织单位（{meeting.DepartmentName}）联系。"
                            : $"{expert.Name} 专家：\n\n{meeting.DepartmentName}组织的会商“{meeting.Topic}”将于 {ChinaTime.Format(meeting.StartsAtUtc)} 在 {meeting.Place} 举行，请准时参加；如不能参加，请提前向组织单位请假。",
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
