using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Jobs;

/// <summary>
/// Reminds the responsible department of a rectification deadline a few days ahead (setting
/// grid.deadline-reminder-days, default 2): once per hazard and deadline, in the department's daily digest
/// unless it chose one mail per notice.
/// </summary>
internal sealed class DeadlineReminderJob(GridDbContext db, ICountyContext county, ICountySettings settings, GridNotices notices, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
        var days = await settings.GetAsync(GridModule.DeadlineReminderDays, code, cancellationToken);
        var until = now.AddDays(days);
        var due = await db.Hazards
            .Where(h => h.Overdue == false
                && (h.State == HazardState.Assigned || h.State == HazardState.Rectifying || h.State == HazardState.AwaitingReinspection)
                && h.DeadlineUtc > now && h.DeadlineUtc <= until
                && (h.RemindedForDeadlineUtc == null || h.RemindedForDeadlineUtc != h.DeadlineUtc))
            .OrderBy(h => h.DeadlineUtc)
            .ToListAsync(cancellationToken);
        foreach (var hazard in due)
        {
            var deadline = hazard.DeadlineUtc!.Value;
            hazard.RemindedForDeadlineUtc = deadline;
            if (hazard.DepartmentId is { } department)
            {
                await db.NotifyOnceAsync(ReminderKey.For("hazard", hazard.Id, "reminder", deadline), notices.DeadlineReminder(hazard, department, deadline, now), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
