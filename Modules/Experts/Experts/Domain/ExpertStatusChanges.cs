using System.Globalization;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// The one code path by which an expert leaves the pool (自愿退出, 取消资格, 解聘, 聘期届满) and by which
/// attendance feeds the disqualification rule (seed 000: 连续 2 次无故缺席 → 取消资格; 拒绝调用 → 取消资格).
/// Leaving revokes the certificate (a non-active status is a revoked certificate), tells the employer and
/// publishes <see cref="ExpertExited"/> (and <see cref="ExpertDisqualified"/>) in the caller's SaveChanges.
/// </summary>
internal sealed class ExpertStatusChanges(ExpertsDbContext db, ICountyContext county, ICountySettings settings, ExpertNotices notices, TimeProvider clock)
{
    public const string RefusedDispatchReason = "拒绝调用且无正当理由";

    public static string AbsencesReason(int count) => string.Create(CultureInfo.InvariantCulture, $"连续 {count} 次无故缺席专家活动");

    /// <summary>Ends the expert's membership; does nothing when the expert already left. The caller saves.</summary>
    public bool End(Expert expert, ExpertExitKind kind, string reason)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (expert.Status != ExpertStatus.Active)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        expert.Status = kind switch
        {
            ExpertExitKind.Voluntary => ExpertStatus.Exited,
            ExpertExitKind.Disqualified => ExpertStatus.Disqualified,
            ExpertExitKind.Dismissed => ExpertStatus.Dismissed,
            _ => ExpertStatus.Expired,
        };
        expert.StatusReason = reason;
        expert.StatusChangedAtUtc = now;
        if (kind == ExpertExitKind.Disqualified)
        {
            db.Publish(new ExpertDisqualified { County = county.Required, OccurredAtUtc = now, ExpertId = expert.Id, Name = expert.Name, Reason = reason });
        }

        db.Publish(new ExpertExited { County = county.Required, OccurredAtUtc = now, ExpertId = expert.Id, Name = expert.Name, Kind = kind, Reason = reason });
        if (!string.IsNullOrWhiteSpace(expert.EmployerEmail))
        {
            db.Notify(notices.StatusChangeToEmployer(expert, kind, reason, now));
        }

        return true;
    }

    /// <summary>
    /// Recomputes the expert's run of unexcused absences from the recorded meeting attendance (latest first),
    /// so changing an attendance never counts twice, and disqualifies at the county's threshold. Saved attendance only.
    /// </summary>
    public async Task RecomputeAbsencesAsync(Expert expert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var recorded = await (
                from i in db.MeetingInvitations
                join m in db.Meetings on i.MeetingId equals m.Id
                where i.ExpertId == expert.Id && i.Attendance != Attendance.Unrecorded
                orderby m.StartsAtUtc descending, m.Id descending
                select i.Attendance)
            .ToListAsync(cancellationToken);
        expert.ConsecutiveUnexcusedAbsences = recorded.TakeWhile(a => a == Attendance.Unexcused).Count();
        var threshold = await settings.GetAsync(ExpertsModule.AbsencesBeforeDisqualification, cancellationToken);
        if (expert.ConsecutiveUnexcusedAbsences >= threshold)
        {
            End(expert, ExpertExitKind.Disqualified, AbsencesReason(threshold));
        }
    }

    /// <summary>
    /// Records an expert's attendance at a meeting that has begun: a participation is added or taken back,
    /// the meeting counts as held, and the run of unexcused absences is recomputed (disqualifying at the
    /// county's threshold), all in one transaction. Returns the expert.
    /// </summary>
    public async Task<Expert> RecordAttendanceAsync(Meeting meeting, MeetingInvitation invitation, Attendance attendance, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(invitation);
        var expert = await db.Experts.SingleAsync(e => e.Id == invitation.ExpertId, cancellationToken);
        var before = invitation.Attendance;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        invitation.Attendance = attendance;
        invitation.ExcuseReason = attendance == Attendance.Excused ? reason : null;
        if (before != Attendance.Present && attendance == Attendance.Present)
        {
            Participated(expert, ParticipationKind.Meeting, meeting.Id, meeting.Topic, meeting.StartsAtUtc, meeting.DepartmentId, meeting.DepartmentName, meeting.Classified);
        }
        else if (before == Attendance.Present && attendance != Attendance.Present)
        {
            var recorded = await db.Participations
                .Where(p => p.ExpertId == expert.Id && p.Kind == ParticipationKind.Meeting && p.ReferenceId == meeting.Id)
                .ToListAsync(cancellationToken);
            db.Participations.RemoveRange(recorded);
            expert.ParticipationCount = Math.Max(0, expert.ParticipationCount - recorded.Count);
        }

        var held = await db.Meetings.SingleAsync(m => m.Id == meeting.Id, cancellationToken);
        held.Status = MeetingStatus.Held;
        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAbsencesAsync(expert, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expert;
    }

    /// <summary>One participation (a dispatch accepted, a meeting attended) on the expert's record, counted once.</summary>
    public void Participated(
        Expert expert, ParticipationKind kind, int referenceId, string title, DateTime atUtc, int departmentId, string departmentName, bool classified)
    {
        ArgumentNullException.ThrowIfNull(expert);
        db.Participations.Add(new Participation
        {
            ExpertId = expert.Id,
            Kind = kind,
            ReferenceId = referenceId,
            Title = title,
            AtUtc = atUtc,
            DepartmentId = departmentId,
            DepartmentName = departmentName,
            Classified = classified,
        });
        expert.ParticipationCount++;
    }
}
