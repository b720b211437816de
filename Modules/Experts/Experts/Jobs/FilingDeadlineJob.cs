using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;

namespace Emergency.Experts.Jobs;

/// <summary>
/// Daily: each department keeping a team that has not filed (备案) for this year is reminded once when the county's
/// filing deadline is within <see cref="ExpertsModule.FilingReminderLeadDays"/> days (key
/// <c>filing:{year}:department:{id}:reminder</c>), and told once that it is overdue on the day after the deadline
/// (<c>…:overdue</c>; caught up within the same lead time after a missed day). Each key commits with its notice, so neither a second run nor a restart repeats one.
/// </summary>
internal sealed class FilingDeadlineJob(ExpertsDbContext db, ICountyContext county, ICountySettings settings, TeamFilings filings, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
        var year = filings.CurrentYear;
        var today = filings.Today;
        var deadline = await filings.DeadlineAsync(year, code, cancellationToken);
        var lead = await settings.GetAsync(ExpertsModule.FilingReminderLeadDays, code, cancellationToken);
        var remind = today >= deadline.AddDays(-lead) && today <= deadline;
        // Told once from the day after the deadline; a job that was down that day still tells within the lead time,
        // but a department is not told months later (the county view and its 我的待办 keep showing it overdue).
        var overdue = today > deadline && today <= deadline.AddDays(lead);
        if (!remind && !overdue)
        {
            return;
        }

        foreach (var team in (await filings.TeamsAsync(cancellationToken)).OrderBy(t => t.DepartmentId))
        {
            if (await filings.FiledAsync(team.DepartmentId, year, cancellationToken))
            {
                continue;
            }

            if (remind)
            {
                await db.NotifyOnceAsync(ReminderKey.For("filing", year, "department", team.DepartmentId, "reminder"), filings.Reminder(team, year, deadline, now), cancellationToken);
            }
            else
            {
                await db.NotifyOnceAsync(ReminderKey.For("filing", year, "department", team.DepartmentId, "overdue"), filings.Overdue(team, year, deadline, now), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
