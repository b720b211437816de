using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.Readiness.Contracts;
using Emergency.Readiness.Data;
using Emergency.Readiness.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Jobs;

/// <summary>
/// Daily: scores every township and village again (items that lapse with time: a drill older than the cadence, a
/// village duty plan grown old) and writes each township's snapshot of the month (China time), updated each day so
/// the month keeps its last standing — the leader's trend. The month's first snapshot of a township is published as
/// <see cref="ReadinessSnapshotTaken"/> once.
/// </summary>
internal sealed class SnapshotJob(ReadinessDbContext db, Scorer scorer, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await scorer.ScoreAsync(null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var month = ChinaTime.FromUtc(now).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var scores = await db.Scores.AsNoTracking().Where(s => s.UnitKind == (int)UnitLevel.Township).ToListAsync(cancellationToken);
        var snapshots = await db.Snapshots.Where(s => s.Month == month).ToDictionaryAsync(s => s.TownshipId, cancellationToken);
        foreach (var score in scores)
        {
            if (!snapshots.TryGetValue(score.UnitId, out var snapshot))
            {
                snapshot = new MonthlySnapshot { TownshipId = score.UnitId, Month = month };
                db.Snapshots.Add(snapshot);
            }

            snapshot.Met = score.Met;
            snapshot.WithData = score.WithData;
            snapshot.TenMet = score.TenMet;
            snapshot.TenWithData = score.TenWithData;
            snapshot.TakenAtUtc = now;
            if (await db.TryClaimAsync(ReminderKey.For("snapshot", score.UnitId, month), now, cancellationToken))
            {
                db.Publish(new ReadinessSnapshotTaken
                {
                    TownshipId = score.UnitId, Month = month, SixMet = score.Met, SixWithData = score.WithData, TenMet = score.TenMet, TenWithData = score.TenWithData,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
