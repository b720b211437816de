using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// 取消会商: the organiser calls off a planned meeting before it starts, with a reason. The meeting is marked
/// <see cref="MeetingStatus.Cancelled"/> (no attendance afterwards, no reminders), and every invited expert
/// with an email is told once (key <c>meeting:{id}:cancelled:expert:{eid}</c>), all in one SaveChanges.
/// Who the organiser is stays with the page (the same rule as recording attendance).
/// </summary>
internal sealed class MeetingCancellation(ExpertsDbContext db, ExpertNotices notices, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public const string StartedMessage = "会商已开始或已召开，不能取消";

    public const string AlreadyCancelledMessage = "该会商已取消";

    public const string ReasonRequiredMessage = "请填写取消原因";

    public const string ReasonTooLongMessage = "取消原因不能超过 500 个字";

    public const string NoAttendanceMessage = "会商已取消，不能登记出席情况";

    public const string NoReportMessage = "会商已取消，不能填写报告";

    /// <summary>Why the meeting cannot be cancelled now (Chinese), or null when it can.</summary>
    public static string? Refusal(Meeting meeting, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.Status switch
        {
            MeetingStatus.Cancelled => AlreadyCancelledMessage,
            MeetingStatus.Held => StartedMessage,
            _ when meeting.StartsAtUtc <= nowUtc => StartedMessage,
            _ => null,
        };
    }

    /// <summary>What is wrong with the reason (Chinese), or null.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? ReasonRequiredMessage
        : reason.Trim().Length > MaxReasonLength ? ReasonTooLongMessage
        : null;

    /// <summary>
    /// Cancels the meeting and notifies the invited; returns the refusal (nothing written) or null and the number of experts told.
    /// </summary>
    public async Task<(string? Problem, int Told)> CancelAsync(int meetingId, string? reason, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = await db.Meetings.Include(m => m.Invitations).SingleAsync(m => m.Id == meetingId, cancellationToken);
        if (Refusal(meeting, now) is { } refused)
        {
            return (refused, 0);
        }

        if (ReasonProblem(reason) is { } problem)
        {
            return (problem, 0);
        }

        meeting.Status = MeetingStatus.Cancelled;
        meeting.CancelReason = reason!.Trim();
        meeting.CancelledAtUtc = now;
        meeting.CancelledBy = by;
        var ids = meeting.Invitations.Select(i => i.ExpertId).ToList();
        var experts = await db.Experts.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.Email != null && e.Email != "")
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var expert in experts)
        {
            if (await db.NotifyOnceAsync(ReminderKey.For("meeting", meeting.Id, "cancelled", "expert", expert.Id), notices.Cancellation(meeting, expert, now), cancellationToken))
            {
                told++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (null, told);
    }
}
