using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// An expert's answer to a dispatch notice: accepting adds the participation; declining without a reason
/// disqualifies (拒绝调用且无正当理由). The answer is taken once, by a conditional update, so two answers
/// racing cannot both win; the answer and its effects commit together.
/// </summary>
internal static class DispatchAnswers
{
    /// <summary>The message for the expert, or null when the notice was already answered (nothing written).</summary>
    public static async Task<string?> AnswerAsync(
        ExpertsDbContext db, ExpertStatusChanges changes, DispatchAssignment assignment, Dispatch dispatch, Expert expert,
        bool accept, string reason, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(expert);
        var answer = accept ? AnswerStatus.Accepted : AnswerStatus.Declined;
        string? declineReason = accept || reason.Length == 0 ? null : reason;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.DispatchAssignments
            .Where(a => a.Id == assignment.Id && a.Answer == AnswerStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Answer, answer).SetProperty(a => a.AnsweredAtUtc, nowUtc).SetProperty(a => a.DeclineReason, declineReason), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        string message;
        if (accept)
        {
            changes.Participated(expert, ParticipationKind.Dispatch, dispatch.Id, dispatch.Title, dispatch.StartsAtUtc, dispatch.DepartmentId, dispatch.DepartmentName, dispatch.Classified);
            message = "已接受调用，请按时到现场指挥部报到。";
        }
        else if (reason.Length == 0)
        {
            changes.End(expert, ExpertExitKind.Disqualified, ExpertStatusChanges.RefusedDispatchReason);
            message = $"已谢绝调用。因未说明正当理由，按规定取消专家资格（{ExpertStatusChanges.RefusedDispatchReason}）。";
        }
        else
        {
            message = "已谢绝调用，组织单位已收到您的答复。";
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return message;
    }
}
