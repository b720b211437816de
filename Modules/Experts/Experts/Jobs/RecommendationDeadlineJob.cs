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
/// Daily: reminds each invited unit that has not sent in its recommendations (报送) as the deadline nears,
/// at the county's first and second lead times, each once (the reminder key commits with the notice); and closes the rounds whose deadline has passed.
/// </summary>
internal sealed class RecommendationDeadlineJob(ExpertsDbContext db, ICountyContext county, ICountySettings settings, ExpertNotices notices, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
        var first = await settings.GetAsync(ExpertsModule.ReminderLeadDaysFirst, code, cancellationToken);
        var second = await settings.GetAsync(ExpertsModule.ReminderLeadDaysSecond, code, cancellationToken);
        var leads = new[] { first, second }.Distinct().OrderByDescending(d => d).ToList();

        var open = await db.Rounds.Include(r => r.Units).Where(r => r.Status == RoundStatus.Open).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var round in open)
        {
            if (now >= round.DeadlineUtc)
            {
                round.Status = RoundStatus.Closed;
                continue;
            }

            foreach (var unit in round.Units.Where(u => u.SubmittedAtUtc == null).OrderBy(u => u.Id))
            {
                // Only the nearest lead time that has come: a unit reminded late is not sent both at once.
                var due = leads.Where(d => now >= round.DeadlineUtc.AddDays(-d)).OrderBy(d => d).Take(1);
                foreach (var days in due)
                {
                    if (UnitKeys.Parse(unit.UnitKey) is { } parsed)
                    {
                        await db.NotifyOnceAsync(
                            ReminderKey.For("round", round.Id, "unit", unit.UnitKey, "lead", days),
                            notices.RoundDeadlineReminder(round, parsed.Kind, parsed.Id, unit.UnitName, now),
                            cancellationToken);
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
