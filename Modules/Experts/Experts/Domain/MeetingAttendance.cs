using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// Records an expert's attendance at a meeting that has begun: a participation is added or taken back, the
/// meeting counts as held, and the run of unexcused absences is recomputed (opening a 取消资格研判 at the county's
/// threshold, never disqualifying by itself), all in one transaction.
/// </summary>
internal sealed class MeetingAttendance(ExpertsDbContext db, ExpertStatusChanges changes, DisqualificationReviews reviews)
{
    /// <summary>The expert, and the review opened by this absence (null when none was).</summary>
    public async Task<(Expert Expert, DisqualificationReview? Opened)> RecordAsync(
        Meeting meeting, MeetingInvitation invitation, Attendance attendance, string? reason, CancellationToken cancellationToken)
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
            changes.Participated(expert, ParticipationKind.Meeting, meeting.Id, meeting.Topic, meeting.StartsAtUtc, meeting.DepartmentId, meeting.DepartmentName, meeting.Classified);
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
        var opened = await reviews.AbsencesRecordedAsync(expert, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (expert, opened);
    }
}
