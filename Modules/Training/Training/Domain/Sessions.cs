using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Contracts;
using Emergency.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Domain;

/// <summary>What a problem is about: the form field it is shown beside ("" for the whole form) and the Chinese message.</summary>
internal sealed record Problem(string Field, string Message);

/// <summary>One line of the sign-in sheet as posted.</summary>
internal sealed record SheetLine(int InviteeId, Attendance Attendance, int? Score, bool Passed);

/// <summary>
/// The rules and state changes of a training session: scheduling (not in the past, the end after the start, days
/// from hours), moving (a new schedule version: the update goes out at once with its <c>.ics</c>, and the old
/// version's reminders are never sent), cancelling with a reason (a cancellation <c>.ics</c>), the sign-in sheet and
/// closing (each present attendee published as <see cref="CourseCompleted"/>). Each change is one SaveChanges.
/// </summary>
internal sealed class Sessions(TrainingDbContext db, TrainingNotices notices, DaysOwed owed, ICountyContext county, TimeProvider clock)
{
    public const int MaxDays = 30;

    /// <summary>
    /// The days a session counts for each target unit: the days entered, else its hours over 8 hours a day,
    /// rounded to the nearest half day and at least half a day.
    /// </summary>
    public static double DaysFor(double hours, double? entered) =>
        entered is { } days ? days : Math.Max(0.5, Math.Round(hours / 8 * 2, MidpointRounding.AwayFromZero) / 2);

    /// <summary>The problems of a schedule (China times), empty when it may be kept.</summary>
    public static List<Problem> CheckSchedule(DateTime? startsAt, DateTime? endsAt, DateTime nowUtc, string prefix)
    {
        var problems = new List<Problem>();
        if (startsAt is { } start && ChinaTime.ToUtc(start) <= nowUtc)
        {
            problems.Add(new(prefix + "StartsAt", "培训开始时间已过，不能安排过去的培训"));
        }

        if (startsAt is { } s && endsAt is { } e && e <= s)
        {
            problems.Add(new(prefix + "EndsAt", "结束时间必须晚于开始时间"));
        }

        return problems;
    }

    /// <summary>Checks the hours and days (half days, 0.5 to <see cref="MaxDays"/>).</summary>
    public static List<Problem> CheckLength(double? hours, double? days, string prefix)
    {
        var problems = new List<Problem>();
        if (hours is { } h && (h <= 0 || h > 8 * MaxDays))
        {
            problems.Add(new(prefix + "Hours", $"学时应大于 0 且不超过 {8 * MaxDays}"));
        }

        if (days is { } d && (d < 0.5 || d > MaxDays || Math.Abs((d * 2) - Math.Round(d * 2)) > 1e-9))
        {
            problems.Add(new(prefix + "Days", $"培训天数以半天计，应在 0.5 到 {MaxDays} 之间"));
        }

        return problems;
    }

    public async Task<TrainingSession> ScheduleAsync(TrainingSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = clock.GetUtcNow().UtcDateTime;
        session.Status = SessionStatus.Scheduled;
        session.CreatedAtUtc = now;
        session.VersionAtUtc = now;
        session.Version = 0;
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Why the session's schedule or sheet can no longer change (Chinese), or null.</summary>
    public static string? NotOpen(TrainingSession session) => session.Status switch
    {
        SessionStatus.Cancelled => "该培训已取消",
        SessionStatus.Closed => "该培训已结束",
        _ => null,
    };

    /// <summary>Moves the session to a new time and/or place: a new version, the update mailed at once to everyone concerned.</summary>
    public async Task<IReadOnlyList<Problem>> MoveAsync(TrainingSession session, DateTime? startsAt, DateTime? endsAt, string place, string county, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = clock.GetUtcNow().UtcDateTime;
        if (NotOpen(session) is { } closed)
        {
            return [new("", closed)];
        }

        if (session.StartsAtUtc <= now)
        {
            return [new("", "培训已开始，不能调整时间地点")];
        }

        var problems = CheckSchedule(startsAt, endsAt, now, "Move.");
        var newStart = ChinaTime.ToUtc(startsAt!.Value);
        var newEnd = ChinaTime.ToUtc(endsAt!.Value);
        if (problems.Count == 0 && newStart == session.StartsAtUtc && newEnd == session.EndsAtUtc && place == session.Place)
        {
            problems.Add(new("", "时间和地点均未改变"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        session.StartsAtUtc = newStart;
        session.EndsAtUtc = newEnd;
        session.Place = place;
        session.Version++;
        session.VersionAtUtc = now;
        foreach (var to in TrainingNotices.Recipients(session))
        {
            await db.NotifyOnceAsync(ReminderKey.For("session", session.Id, "v", session.Version, "update", to.Key), notices.Updated(session, to, county, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Cancels a session that has not started, with a reason; everyone concerned gets the cancellation once.</summary>
    public async Task<IReadOnlyList<Problem>> CancelAsync(TrainingSession session, string? reason, string county, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = clock.GetUtcNow().UtcDateTime;
        if (NotOpen(session) is { } closed)
        {
            return [new("", closed)];
        }

        if (session.StartsAtUtc <= now)
        {
            return [new("", "培训已开始，不能取消")];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return [new("Cancel.Reason", "请填写取消原因")];
        }

        if (reason.Trim().Length > 500)
        {
            return [new("Cancel.Reason", "取消原因不能超过 500 个字")];
        }

        session.Status = SessionStatus.Cancelled;
        session.CancelReason = reason.Trim();
        session.CancelledAtUtc = now;
        foreach (var to in TrainingNotices.Recipients(session))
        {
            await db.NotifyOnceAsync(ReminderKey.For("session", session.Id, "cancelled", to.Key), notices.Cancelled(session, to, county, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Records the sign-in sheet (after the start, before closing); a score is 0–100.</summary>
    public async Task<IReadOnlyList<Problem>> RecordAsync(TrainingSession session, IReadOnlyList<SheetLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(lines);
        if (NotOpen(session) is { } closed)
        {
            return [new("", closed)];
        }

        if (session.StartsAtUtc > clock.GetUtcNow().UtcDateTime)
        {
            return [new("", "培训开始后才能登记出席情况")];
        }

        var problems = lines
            .Where(l => l.Score is < 0 or > 100)
            .Select(l => new Problem("Sheet", $"{session.Invitees.FirstOrDefault(i => i.Id == l.InviteeId)?.Name}：成绩应在 0 到 100 之间"))
            .ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var line in lines)
        {
            if (session.Invitees.FirstOrDefault(i => i.Id == line.InviteeId) is not { } invitee)
            {
                continue;
            }

            invitee.Attendance = line.Attendance;
            invitee.Score = line.Attendance == Attendance.Present ? line.Score : null;
            invitee.Passed = line.Attendance == Attendance.Present && line.Passed;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Closes the session once every invitee's attendance is recorded; publishes one <see cref="CourseCompleted"/> per present attendee.</summary>
    public async Task<IReadOnlyList<Problem>> CloseAsync(TrainingSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = clock.GetUtcNow().UtcDateTime;
        if (NotOpen(session) is { } closed)
        {
            return [new("", closed)];
        }

        if (session.StartsAtUtc > now)
        {
            return [new("", "培训尚未开始，不能结束")];
        }

        var missing = session.Invitees.Where(i => i.Attendance == Attendance.Unrecorded).Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            return [new("", "请先登记每名受邀人员的出席情况：" + string.Join("、", missing))];
        }

        session.Status = SessionStatus.Closed;
        session.ClosedAtUtc = now;
        foreach (var attendee in session.Invitees.Where(i => i.Attendance == Attendance.Present).OrderBy(i => i.Id))
        {
            var unit = session.Targets.FirstOrDefault(t => t.UnitName == attendee.UnitName);
            db.Publish(new CourseCompleted
            {
                SessionId = session.Id,
                SessionTitle = session.Title,
                Date = DateOnly.FromDateTime(ChinaTime.FromUtc(session.StartsAtUtc)),
                PersonName = attendee.Name,
                IdCard = attendee.IdCard,
                UnitKind = unit?.UnitKind,
                UnitId = unit?.UnitId,
                UnitName = attendee.UnitName,
                Hours = session.Hours,
                Passed = attendee.Passed,
            });
        }

        // Each target unit's days delivered this year, this session included (the store still has it open).
        var year = ChinaTime.FromUtc(session.StartsAtUtc).Year;
        var targets = session.Targets.Where(t => t.UnitKind is UnitKind.Township or UnitKind.Village).ToList();
        if (targets.Count > 0)
        {
            var sums = (await owed.ForYearAsync(county.Required, year, true, null, null, cancellationToken)).ToDictionary(u => (u.Kind, u.Id));
            foreach (var target in targets.DistinctBy(t => (t.UnitKind, t.UnitId)))
            {
                if (sums.TryGetValue((target.UnitKind, target.UnitId), out var unit))
                {
                    db.Publish(new TrainingDaysDelivered
                    {
                        UnitKind = unit.Kind, UnitId = unit.Id, UnitName = unit.Name, TownshipId = unit.TownshipId, Year = year, Target = unit.Target, Delivered = unit.Delivered + session.Days,
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Adds invitees to a session that is still open (by hand or from an import).</summary>
    public async Task<IReadOnlyList<Problem>> AddInviteesAsync(TrainingSession session, IReadOnlyList<Invitee> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(people);
        if (NotOpen(session) is { } closed)
        {
            return [new("", closed)];
        }

        if (Duplicates(session, people) is { Count: > 0 } twice)
        {
            return twice;
        }

        session.Invitees.AddRange(people);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// The same person may be invited once: an ID card already on the list (or twice among the new people), or the
    /// same known person picked twice, is refused with the person's name.
    /// </summary>
    public static List<Problem> Duplicates(TrainingSession session, IReadOnlyList<Invitee> people)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(people);
        var problems = new List<Problem>();
        var seen = session.Invitees.ToList();
        foreach (var person in people)
        {
            if (seen.FirstOrDefault(i => (person.IdCard.Length > 0 && i.IdCard == person.IdCard) || (person.KnownPersonId is { } known && i.KnownPersonId == known)) is { } already)
            {
                problems.Add(new("", $"{person.Name}已在受邀名单中（{(person.KnownPersonId is not null && already.KnownPersonId == person.KnownPersonId ? "同一人员" : "身份证号码相同")}），不能重复邀请"));
            }

            seen.Add(person);
        }

        return problems;
    }

    /// <summary>The session with its targets and invitees, if the user may see it.</summary>
    public Task<TrainingSession?> FindAsync(IQueryable<TrainingSession> visible, int id, CancellationToken cancellationToken) =>
        visible.Include(s => s.Targets).Include(s => s.Invitees).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>The target units of a session from the organiser's options (unknown ids are refused by the caller).</summary>
    public static List<SessionTarget> Targets(IEnumerable<UnitInfo> chosen) =>
        chosen.Select(u => new SessionTarget { UnitKind = u.Kind, UnitId = u.Id, UnitName = u.Name, TownshipId = u.Kind == UnitKind.Township ? u.Id : u.ParentId ?? 0 }).ToList();
}
