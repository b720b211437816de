using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Contracts;
using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>What is recorded after a drill (演练记录), as posted; problems one a line.</summary>
internal sealed record DrillRecord(string? Account, IReadOnlyList<string> Problems, string? Improvements, string? EvaluationReport);

/// <summary>
/// The rules and state changes of a drill (演练): planning (not in the past, the end after the start), cancelling
/// with a reason before it starts (participating units get the cancellation with its <c>.ics</c>), recording what
/// happened after the start (account, photos, problems found, improvements, the evaluation report) and closing,
/// which needs the evaluation report (演练评估报告) and publishes <see cref="DrillCompleted"/>. Each change is one SaveChanges.
/// </summary>
internal sealed class Drills(TrainingDbContext db, TrainingNotices notices, TimeProvider clock)
{
    public const int MaxPhotos = 12;

    public const int MaxProblems = 50;

    /// <summary>The problems of a drill's schedule (China times), empty when it may be kept.</summary>
    public static List<Problem> CheckSchedule(DateTime? startsAt, DateTime? endsAt, DateTime nowUtc, string prefix)
    {
        var problems = new List<Problem>();
        if (startsAt is { } start && ChinaTime.ToUtc(start) <= nowUtc)
        {
            problems.Add(new(prefix + "StartsAt", "演练时间已过，不能计划过去的演练"));
        }

        if (startsAt is { } s && endsAt is { } e && e <= s)
        {
            problems.Add(new(prefix + "EndsAt", "结束时间必须晚于开始时间"));
        }

        return problems;
    }

    public async Task<Drill> PlanAsync(Drill drill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        var now = clock.GetUtcNow().UtcDateTime;
        drill.Status = DrillStatus.Planned;
        drill.CreatedAtUtc = now;
        drill.VersionAtUtc = now;
        drill.Version = 0;
        db.Drills.Add(drill);
        await db.SaveChangesAsync(cancellationToken);
        return drill;
    }

    /// <summary>Why the drill can no longer change (Chinese), or null.</summary>
    public static string? NotOpen(Drill drill) => drill.Status switch
    {
        DrillStatus.Cancelled => "该演练已取消",
        DrillStatus.Closed => "该演练已结束",
        _ => null,
    };

    /// <summary>Cancels a drill that has not started, with a reason; each participating unit gets the cancellation once.</summary>
    public async Task<IReadOnlyList<Problem>> CancelAsync(Drill drill, string? reason, string county, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        var now = clock.GetUtcNow().UtcDateTime;
        if (NotOpen(drill) is { } closed)
        {
            return [new("", closed)];
        }

        if (drill.StartsAtUtc <= now)
        {
            return [new("", "演练已开始，不能取消")];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return [new("Cancel.Reason", "请填写取消原因")];
        }

        if (reason.Trim().Length > 500)
        {
            return [new("Cancel.Reason", "取消原因不能超过 500 个字")];
        }

        drill.Status = DrillStatus.Cancelled;
        drill.CancelReason = reason.Trim();
        drill.CancelledAtUtc = now;
        foreach (var to in TrainingNotices.Recipients(drill))
        {
            await db.NotifyOnceAsync(ReminderKey.For("drill", drill.Id, "cancelled", to.Key), notices.DrillCancelled(drill, to, county, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>The problems of a record as posted (lengths), empty when it may be kept.</summary>
    public static List<Problem> CheckRecord(DrillRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<Problem>();
        if ((record.Account?.Trim().Length ?? 0) > 4000)
        {
            problems.Add(new("Record.Account", "演练实施情况不能超过 4000 个字"));
        }

        if (record.Problems.Count > MaxProblems)
        {
            problems.Add(new("Record.Problems", $"发现的问题最多 {MaxProblems} 条"));
        }

        if (record.Problems.Any(p => p.Length > 500))
        {
            problems.Add(new("Record.Problems", "每条问题不能超过 500 个字"));
        }

        if ((record.Improvements?.Trim().Length ?? 0) > 4000)
        {
            problems.Add(new("Record.Improvements", "改进措施不能超过 4000 个字"));
        }

        if ((record.EvaluationReport?.Trim().Length ?? 0) > 8000)
        {
            problems.Add(new("Record.EvaluationReport", "演练评估报告不能超过 8000 个字"));
        }

        return problems;
    }

    /// <summary>Why the drill cannot be recorded now (Chinese), or null: open and started.</summary>
    public string? NotRecordable(Drill drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        if (NotOpen(drill) is { } closed)
        {
            return closed;
        }

        return drill.StartsAtUtc > clock.GetUtcNow().UtcDateTime ? "演练开始后才能登记演练情况" : null;
    }

    /// <summary>
    /// Keeps the record (and the photos and the report's file already saved by the caller) and, when
    /// <paramref name="close"/>, closes the drill: refused beside the field without its evaluation report.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> RecordAsync(Drill drill, DrillRecord record, IReadOnlyList<DrillPhoto> photos, (string Name, string ContentType, string Original)? reportFile, bool close, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(photos);
        if (NotRecordable(drill) is { } why)
        {
            return [new("", why)];
        }

        var problems = CheckRecord(record);
        if (close && string.IsNullOrWhiteSpace(record.EvaluationReport))
        {
            problems.Add(new("Record.EvaluationReport", "请填写演练评估报告，没有评估报告的演练不能结束"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        drill.Account = record.Account?.Trim() ?? "";
        drill.Improvements = record.Improvements?.Trim() ?? "";
        drill.EvaluationReport = record.EvaluationReport?.Trim() ?? "";
        db.DrillProblems.RemoveRange(drill.Problems);
        drill.Problems.Clear();
        drill.Problems.AddRange(record.Problems.Select(p => new DrillProblem { Text = p }));
        drill.Photos.AddRange(photos);
        if (reportFile is { } file)
        {
            drill.EvaluationFileName = file.Name;
            drill.EvaluationContentType = file.ContentType;
            drill.EvaluationOriginalName = file.Original;
        }

        if (close)
        {
            drill.Status = DrillStatus.Closed;
            drill.ClosedAtUtc = now;
            db.Publish(new DrillCompleted
            {
                DrillId = drill.Id,
                PlanName = drill.PlanName,
                PlanId = drill.PlanId,
                Date = DateOnly.FromDateTime(ChinaTime.FromUtc(drill.StartsAtUtc)),
                Kind = drill.Kind,
                ProblemsFound = drill.Problems.Count,
                TownshipIds = drill.Units.Where(u => u.TownshipId != 0).Select(u => u.TownshipId).Distinct().Order().ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>The problems one a line, blank lines dropped.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The drill with its units, problems and photos, if the user may see it.</summary>
    public Task<Drill?> FindAsync(IQueryable<Drill> visible, int id, CancellationToken cancellationToken) =>
        visible.Include(d => d.Units).Include(d => d.Problems).Include(d => d.Photos).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>The participating units from the organiser's options.</summary>
    public static List<DrillUnit> Units(IEnumerable<UnitInfo> chosen) =>
        chosen.Select(u => new DrillUnit
        {
            UnitKind = u.Kind,
            UnitId = u.Id,
            UnitName = u.Name,
            TownshipId = u.Kind switch { UnitKind.Township => u.Id, UnitKind.Village => u.ParentId ?? 0, _ => 0 },
        }).ToList();
}
