using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Overdue;

/// <summary>
/// Reminds the responsible department of a rectification deadline a few days ahead (setting
/// grid.deadline-reminder-days, default 2): once per hazard and deadline.
/// </summary>
internal sealed class DeadlineReminderJob(GridDbContext db, ICountyContext county, ICountyUnits units, ICountySettings settings, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
        var days = await settings.GetAsync(GridModule.DeadlineReminderDays, code, cancellationToken);
        var until = now.AddDays(days);
        var contacts = new Dictionary<int, IReadOnlyList<string>>();
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
            if (hazard.DepartmentId is not { } department ||
                !await db.TryClaimAsync($"hazard:{hazard.Id}:reminder:{deadline.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}", now, cancellationToken))
            {
                continue;
            }

            if (!contacts.TryGetValue(department, out var emails))
            {
                emails = await units.ContactEmailsAsync(code, UnitKind.Department, department, cancellationToken);
                contacts[department] = emails;
            }

            foreach (var email in emails)
            {
                db.Publish(new EmailRequested
                {
                    County = code,
                    OccurredAtUtc = now,
                    Source = GridModule.ModuleName,
                    To = email,
                    Subject = $"隐患整改期限提醒：{hazard.GridName} {hazard.Place}",
                    TextBody = $"贵单位负责整改的隐患（编号 {hazard.Id}，{hazard.GridName}，{hazard.Place}）整改期限为 {ChinaTime.Format(deadline)}，请按期完成整改并申请复查。",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
