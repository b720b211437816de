using Emergency.BuildingBlocks.Calendar;
using Emergency.BuildingBlocks.Clock;
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
/// 部门报到 escalation: a department whistled (by the sweep or by hand) that has not reported in within the
/// working days of the setting grid.report-in-working-days (default 2; the whistle's day not counted, weekends,
/// holidays and 调休 as the platform calendar says) is escalated to the county emergency bureau: a notice (in its
/// daily digest unless it chose otherwise) and an item on the county manager's 我的待办. Once per hazard and
/// whistle (the reminder key commits with the notice); a new whistle may be escalated again.
/// </summary>
internal sealed class ReportInEscalationJob(
    GridDbContext db, HazardSteps steps, ICountyContext county, ICountySettings settings, IWorkingDays workingDays, ICountyUnits units,
    GridNotices notices, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
        var days = await settings.GetAsync(GridModule.ReportInWorkingDays, code, cancellationToken);
        var waiting = await db.Hazards
            .Where(h => h.AwaitingReportIn == true && h.EscalatedAtUtc == null && h.WhistledAtUtc != null && h.DepartmentId != null)
            .OrderBy(h => h.WhistledAtUtc)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var calendar = await workingDays.CalendarAsync(cancellationToken);
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var bureau = (await units.DepartmentsAsync(code, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        foreach (var hazard in waiting)
        {
            var whistled = hazard.WhistledAtUtc!.Value;
            var lastDay = calendar.AddWorkingDays(DateOnly.FromDateTime(ChinaTime.FromUtc(whistled)), days).Date;
            if (today <= lastDay)
            {
                continue;
            }

            steps.Escalate(hazard, days);
            if (bureau is not null)
            {
                await db.NotifyOnceAsync(ReminderKey.For("hazard", hazard.Id, "report-in-escalated", whistled), notices.Escalated(hazard, bureau, days, now), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
