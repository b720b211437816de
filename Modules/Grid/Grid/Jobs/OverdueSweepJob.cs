using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Jobs;

/// <summary>
/// 乡镇吹哨、部门报到: finds the open hazards whose deadline has passed and that are not yet marked,
/// marks them overdue, puts them on the responsible department's 报到 list and notifies the department
/// (站内通知, and by default one daily digest mail listing them), once per hazard and deadline (also across
/// restarts: the reminder key commits with the notice).
/// The query reads only the (Overdue = 0, State, DeadlineUtc ≤ now) range of its index, so a sweep with
/// nothing new is one index probe; many newly overdue rows are written in short batches.
/// </summary>
internal sealed class OverdueSweepJob(GridDbContext db, HazardSteps steps, ICountyContext county, GridNotices notices, TimeProvider clock) : ICountyJob
{
    /// <summary>Hazards per write transaction: 50 keeps the write lock under 100 ms while 10,000 fall overdue at once (bench, issue #16).</summary>
    public const int BatchSize = 50;

    /// <summary>
    /// After a full batch the sweep waits twice as long as its write took before the next one. SQLite does not queue
    /// writers: one that finds the lock taken sleeps (up to 100 ms a try) and tries again, so a sweep writing batch
    /// after batch kept a user's save waiting 630 ms though no batch held the lock 100 ms (bench, issue #16).
    /// </summary>
    public const int PauseFactor = 2;

    /// <summary>How many hazards this run marked overdue.</summary>
    public int Marked { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = county.Required;
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

            // Reads first (reminder keys); the write transaction is the one SaveChanges opens.
            foreach (var hazard in batch)
            {
                var deadline = hazard.DeadlineUtc!.Value;
                steps.Whistle(hazard);
                if (hazard.DepartmentId is not { } department ||
                    !await db.TryClaimAsync(ReminderKey.For("hazard", hazard.Id, "overdue", deadline), now, cancellationToken))
                {
                    continue;
                }

                db.Publish(HazardEvents.Overdue(hazard, department, deadline) with { County = code, OccurredAtUtc = now });
                db.Notify(notices.Overdue(hazard, department, deadline, now));
            }

            var writing = System.Diagnostics.Stopwatch.StartNew();
            await db.SaveChangesAsync(cancellationToken);
            var wrote = writing.Elapsed;
            db.ChangeTracker.Clear();
            Marked += batch.Count;
            if (batch.Count == BatchSize)
            {
                await Task.Delay(wrote * PauseFactor, cancellationToken);
            }
        }
    }
}
