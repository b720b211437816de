using Emergency.BuildingBlocks.Clock;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>What became of an answer.</summary>
internal enum AnswerOutcome
{
    Answered = 0,
    AlreadyAnswered = 1, // nothing written
    Refused = 2, // late, a call time in the future, the expert no longer in the pool: nothing written
    ReasonMissing = 3, // a refusal needs its reason: nothing written
}

internal sealed record DispatchAnswer(AnswerOutcome Outcome, string Message);

/// <summary>
/// An expert's answer to a dispatch notice, through the signed link or taken by the organiser on the phone (who
/// took it, the time of the call). Accepting adds the participation; declining needs a reason and opens a
/// 取消资格研判 for the bureau (never a disqualification by itself). An answer given after the answer-by time
/// (for the phone: a call after it) is refused. The answer is taken once, by a conditional update, so two
/// answers racing cannot both win; the answer and its effects commit together.
/// </summary>
internal sealed class DispatchAnswers(ExpertsDbContext db, ExpertStatusChanges changes, DisqualificationReviews reviews)
{
    public const string ReasonRequired = "谢绝调用须填写理由";

    public const int MaxReason = 500;

    /// <summary>Why an answer given at <paramref name="answeredAtUtc"/> cannot count, or null.</summary>
    public static string? Refusal(Dispatch dispatch, AnswerSource source, DateTime answeredAtUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        if (source == AnswerSource.Phone)
        {
            if (answeredAtUtc > nowUtc)
            {
                return "通话时间不能晚于当前时间";
            }

            if (answeredAtUtc < dispatch.CreatedAtUtc)
            {
                return "通话时间不能早于调用通知发出时间（" + ChinaTime.Format(dispatch.CreatedAtUtc) + "）";
            }

            if (answeredAtUtc > dispatch.AnswerByUtc)
            {
                return "通话时间晚于答复截止时间（" + ChinaTime.Format(dispatch.AnswerByUtc) + "），逾期答复不予登记";
            }

            return null;
        }

        return answeredAtUtc > dispatch.AnswerByUtc
            ? "已超过答复截止时间（" + ChinaTime.Format(dispatch.AnswerByUtc) + "），不能再通过链接答复。如有需要，请直接与组织单位（" + dispatch.DepartmentName + "）联系。"
            : null;
    }

    /// <param name="answeredAtUtc">When the expert answered: now for the link, the time of the call for the phone.</param>
    /// <param name="takenBy">The account that took a phone answer; null for the link.</param>
    public async Task<DispatchAnswer> AnswerAsync(
        DispatchAssignment assignment, Dispatch dispatch, Expert expert, bool accept, string reason,
        AnswerSource source, DateTime answeredAtUtc, string? takenBy, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(expert);
        reason = reason?.Trim() ?? "";
        if (expert.Status != ExpertStatus.Active)
        {
            return new(AnswerOutcome.Refused, "该专家已不在专家库中，不能答复调用");
        }

        if (Refusal(dispatch, source, answeredAtUtc, nowUtc) is { } refused)
        {
            return new(AnswerOutcome.Refused, refused);
        }

        if (!accept && reason.Length == 0)
        {
            return new(AnswerOutcome.ReasonMissing, ReasonRequired);
        }

        if (!accept && reason.Length > MaxReason)
        {
            return new(AnswerOutcome.ReasonMissing, "谢绝理由不能超过 500 个字");
        }

        var answer = accept ? AnswerStatus.Accepted : AnswerStatus.Declined;
        string? declineReason = accept ? null : reason;
        var by = source == AnswerSource.Phone ? takenBy : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.DispatchAssignments
            .Where(a => a.Id == assignment.Id && a.Answer == AnswerStatus.Pending)
            .ExecuteUpdateAsync(
                u => u.SetProperty(a => a.Answer, answer).SetProperty(a => a.AnsweredAtUtc, answeredAtUtc).SetProperty(a => a.DeclineReason, declineReason)
                    .SetProperty(a => a.AnswerSource, source).SetProperty(a => a.AnswerTakenBy, by),
                cancellationToken);
        if (taken == 0)
        {
            return new(AnswerOutcome.AlreadyAnswered, "该调用通知已答复");
        }

        string message;
        if (accept)
        {
            // An assistance dispatch (执法+专家) is counted when the asking officer records the expert's participation.
            if (dispatch.AssistanceRequestId is null)
            {
                changes.Participated(expert, ParticipationKind.Dispatch, dispatch.Id, dispatch.Title, dispatch.StartsAtUtc, dispatch.DepartmentId, dispatch.DepartmentName, dispatch.Classified);
            }

            message = "已接受调用，请按时到现场指挥部报到。";
        }
        else
        {
            await reviews.RefusedAsync(expert, dispatch, reason, nowUtc, cancellationToken);
            message = "已谢绝调用，组织单位已收到您的答复。谢绝理由将由县应急管理局研判，无正当理由的将按规定取消专家资格。";
        }

        if (dispatch.AssistanceRequestId is { } requestId
            && await db.AssistanceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken) is { } request)
        {
            db.Publish(new ExpertAssistanceAnswered
            {
                OccurredAtUtc = nowUtc,
                RequestId = request.ReferenceId,
                InspectionId = request.InspectionId,
                DispatchId = dispatch.Id,
                ExpertId = expert.Id,
                ExpertName = expert.Name,
                Employer = expert.Employer,
                Accepted = accept,
                DeclineReason = declineReason ?? "",
                AnsweredAtUtc = answeredAtUtc,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(AnswerOutcome.Answered, message);
    }
}
