using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Overdue;

/// <summary>
/// 乡镇吹哨、部门报到: finds the open hazards whose deadline has passed and that are not yet marked,
/// marks them overdue, puts them on the responsible department's 报到 list and emails the department,
/// once per hazard and deadline (also across restarts: the reminder key commits with the email).
/// The query reads only the (Overdue = 0, State, DeadlineUtc ≤ now) range of its index, so a sweep with
/// nothing new is one index probe; many newly overdue rows are written in short batches.
/// </summary>
internal sealed class OverdueSweepJob(GridDbContext db, HazardSteps steps, ICountyContext county, ICountyUnits units, TimeProvider clock) : ICountyJob
{
    public const int BatchSize = 100;

    /// <summary>How many hazards this run marked overdue.</summary>
    public int Marked { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
        var contacts = new Dictionary<int, IReadOnlyList<string>>();
        while (true)
        {
            var batch = await db.Hazards
                .Where(h => h.Overdue == false
                    && (h.State == HazardState.Assigned || h.State == HazardState.Rectifying || h.State == HazardState.AwaitingReinspection)
                    && h.DeadlineUtc <= now)
                .OrderBy(h => h.DeadlineUtc)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            // Reads first (reminder keys, contacts); the write transaction is the one SaveChanges opens.
            foreach (var hazard in batch)
            {
                var deadline = hazard.DeadlineUtc!.Value;
                steps.Whistle(hazard);
                if (hazard.DepartmentId is not { } department ||
                    !await db.TryClaimAsync($"hazard:{hazard.Id}:overdue:{deadline.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}", now, cancellationToken))
                {
                    continue;
                }

                db.Publish(new HazardOverdue
                {
                    County = code,
                    OccurredAtUtc = now,
                    HazardId = hazard.Id,
                    TownshipId = hazard.TownshipId,
                    DepartmentId = department,
                    DeadlineUtc = deadline,
                    Level = hazard.Level,
                });
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
                        Subject = $"隐患整改逾期，请报到：{hazard.GridName} {hazard.Place}",
                        TextBody = $"贵单位负责整改的隐患（编号 {hazard.Id}，{hazard.GridName}，{hazard.Place}）整改期限 {ChinaTime.Format(deadline)} 已过，仍未销号。" +
                            "乡镇已吹哨，请登录平台在“网格 → 部门报到”中报到并说明整改情况。",
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            Marked += batch.Count;
        }
    }
}
