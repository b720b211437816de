using System.Globalization;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Settings;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// 取消资格研判 (seed 000: 连续两次无正当理由不参加专家组正常活动的，无故不接受指派任务的，违反相关规定和纪律的，
/// 取消其专家资格; 违反保密规定影响较大的，取消专家资格). Nothing disqualifies on a click: a refusal of a dispatch
/// (its reason) and the N-th consecutive unexcused absence (setting) put the expert on the bureau's list, one
/// pending review per expert and cause; the county manager confirms (the expert is disqualified through
/// <see cref="ExpertStatusChanges.End"/>: certificate revoked, events, the employer told — and the expert told) or
/// dismisses with a reason. The bureau may also disqualify by hand for 违纪 or 泄密, with a reason, recorded here
/// as a confirmed review. The caller saves.
/// </summary>
internal sealed class DisqualificationReviews(ExpertsDbContext db, ExpertStatusChanges changes, ExpertNotices notices, ICountySettings settings, TimeProvider clock)
{
    public const int MaxNote = 1000;

    public const string NoteRequired = "请填写不予取消资格的理由";

    public const string ReasonRequired = "请填写取消资格的事由";

    public const string CauseRequired = "请选择取消资格的原因（违纪或泄密）";

    public const string NoteTooLong = "不能超过 1000 个字";

    /// <summary>The Chinese name of a cause, as the lists and the to-do show it.</summary>
    public static string CauseName(DisqualificationCause cause) => cause switch
    {
        DisqualificationCause.RefusedDispatch => "谢绝调用",
        DisqualificationCause.Absences => "连续无故缺席",
        DisqualificationCause.Misconduct => "违纪",
        _ => "泄密（违反保密规定）",
    };

    /// <summary>The reason written on the expert's record and in the notices once the review is confirmed.</summary>
    public static string StatusReason(DisqualificationCause cause, string detail)
    {
        var reason = cause switch
        {
            DisqualificationCause.RefusedDispatch => "无故不接受指派任务：" + detail,
            DisqualificationCause.Absences => detail,
            DisqualificationCause.Misconduct => "违反相关规定和纪律：" + detail,
            _ => "违反保密规定：" + detail,
        };
        return reason.Length <= MaxNote ? reason : reason[..MaxNote];
    }

    /// <summary>The pending review of this expert for this cause, if any (also one added in this unit of work).</summary>
    public async Task<DisqualificationReview?> PendingAsync(int expertId, DisqualificationCause cause, CancellationToken cancellationToken) =>
        db.DisqualificationReviews.Local.FirstOrDefault(r => r.ExpertId == expertId && r.Cause == cause && r.Status == ReviewStatus.Pending)
        ?? await db.DisqualificationReviews.FirstOrDefaultAsync(r => r.ExpertId == expertId && r.Cause == cause && r.Status == ReviewStatus.Pending, cancellationToken);

    /// <summary>
    /// A refusal (by link or phone, always with a reason) opens a review, or adds to the pending one. A classified
    /// dispatch is named 涉密 only, since the detail may reach the employer.
    /// </summary>
    public async Task<DisqualificationReview> RefusedAsync(Expert expert, Dispatch dispatch, string reason, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(dispatch);
        var detail = $"谢绝调用“{(dispatch.Classified ? Confidentiality.Masked : dispatch.Title)}”，理由：{reason}";
        var pending = await PendingAsync(expert.Id, DisqualificationCause.RefusedDispatch, cancellationToken);
        if (pending is not null)
        {
            var joined = pending.Detail + "；" + detail;
            pending.Detail = joined.Length <= 2000 ? joined : joined[..2000];
            pending.ReferenceId = dispatch.Id;
            return pending;
        }

        var review = new DisqualificationReview
        {
            ExpertId = expert.Id,
            Cause = DisqualificationCause.RefusedDispatch,
            Detail = detail,
            ReferenceId = dispatch.Id,
            CreatedAtUtc = atUtc,
        };
        db.DisqualificationReviews.Add(review);
        return review;
    }

    /// <summary>
    /// Recomputes the expert's run of unexcused absences from the saved attendance (latest first), so changing an
    /// attendance never counts twice. At the county's threshold a review is opened, once per latest absent meeting
    /// (a dismissed review is not reopened by recording the same meeting again; a later absence opens a new one);
    /// a pending review is withdrawn when a corrected attendance breaks the run. Returns the review opened, or null.
    /// </summary>
    public async Task<DisqualificationReview?> AbsencesRecordedAsync(Expert expert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var recorded = await (
                from i in db.MeetingInvitations
                join m in db.Meetings on i.MeetingId equals m.Id
                where i.ExpertId == expert.Id && i.Attendance != Attendance.Unrecorded
                orderby m.StartsAtUtc descending, m.Id descending
                select new { i.Attendance, MeetingId = m.Id })
            .ToListAsync(cancellationToken);
        var run = recorded.TakeWhile(a => a.Attendance == Attendance.Unexcused).ToList();
        expert.ConsecutiveUnexcusedAbsences = run.Count;
        var threshold = await settings.GetAsync(ExpertsModule.AbsencesBeforeDisqualification, cancellationToken);
        var pending = await PendingAsync(expert.Id, DisqualificationCause.Absences, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (run.Count < threshold)
        {
            if (pending is not null)
            {
                pending.Status = ReviewStatus.Withdrawn;
                pending.DecidedAtUtc = now;
                pending.DecisionNote = string.Create(CultureInfo.InvariantCulture, $"出席情况已更正，连续无故缺席不足 {threshold} 次");
            }

            return null;
        }

        var latest = run[0].MeetingId;
        var detail = ExpertStatusChanges.AbsencesReason(run.Count);
        if (pending is not null)
        {
            pending.Detail = detail;
            pending.ReferenceId = latest;
            return null;
        }

        if (expert.Status != ExpertStatus.Active
            || await db.DisqualificationReviews.AnyAsync(
                r => r.ExpertId == expert.Id && r.Cause == DisqualificationCause.Absences && r.ReferenceId == latest && r.Status != ReviewStatus.Withdrawn, cancellationToken))
        {
            return null;
        }

        var review = new DisqualificationReview { ExpertId = expert.Id, Cause = DisqualificationCause.Absences, Detail = detail, ReferenceId = latest, CreatedAtUtc = now };
        db.DisqualificationReviews.Add(review);
        return review;
    }

    /// <summary>Why a review cannot be decided now, or null.</summary>
    public static string? Refusal(DisqualificationReview review, Expert expert)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(expert);
        if (review.Status != ReviewStatus.Pending)
        {
            return "该研判已处理";
        }

        return expert.Status != ExpertStatus.Active ? "该专家已不在库，无需研判" : null;
    }

    /// <summary>确认取消资格: the expert is disqualified with the review's reason; other pending reviews of the expert close.</summary>
    public async Task ConfirmAsync(DisqualificationReview review, Expert expert, string? note, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        Decide(review, ReviewStatus.Confirmed, note, user);
        await DisqualifyAsync(expert, StatusReason(review.Cause, review.Detail), review.Id, cancellationToken);
    }

    /// <summary>不予取消: the expert stays; the reason is required (checked by the caller through <see cref="NoteRequired"/>).</summary>
    public void Dismiss(DisqualificationReview review, string note, string user) => Decide(review, ReviewStatus.Dismissed, note, user);

    /// <summary>取消资格 by hand for 违纪 or 泄密, with a reason: recorded as a confirmed review, same outcome as a confirmation.</summary>
    public async Task<DisqualificationReview> DisqualifyByHandAsync(Expert expert, DisqualificationCause cause, string reason, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (cause is not (DisqualificationCause.Misconduct or DisqualificationCause.Confidentiality))
        {
            throw new ArgumentOutOfRangeException(nameof(cause), cause, CauseRequired);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var review = new DisqualificationReview
        {
            ExpertId = expert.Id,
            Cause = cause,
            Detail = reason,
            Status = ReviewStatus.Confirmed,
            CreatedAtUtc = now,
            CreatedBy = user,
            DecidedAtUtc = now,
            DecidedBy = user,
        };
        db.DisqualificationReviews.Add(review);
        await DisqualifyAsync(expert, StatusReason(cause, reason), null, cancellationToken);
        return review;
    }

    private void Decide(DisqualificationReview review, ReviewStatus status, string? note, string user)
    {
        review.Status = status;
        review.DecidedBy = user;
        review.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        review.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private async Task DisqualifyAsync(Expert expert, string reason, int? decided, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!changes.End(expert, ExpertExitKind.Disqualified, reason))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(expert.Email))
        {
            db.Notify(notices.DisqualifiedToExpert(expert, reason, now));
        }

        var others = await db.DisqualificationReviews
            .Where(r => r.ExpertId == expert.Id && r.Status == ReviewStatus.Pending && r.Id != decided)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.Status = ReviewStatus.Withdrawn;
            other.DecidedAtUtc = now;
            other.DecisionNote = "专家已被取消资格";
        }
    }
}
