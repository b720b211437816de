using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// Sends a dispatch notice (调用通知): the dispatch, one assignment per expert with its own signed answer
/// link (made once the assignment has its id), the notice mailed to each expert and
/// <see cref="ExpertDispatched"/> for each, all in one commit.
/// </summary>
internal sealed class Dispatching(ExpertsDbContext db, DispatchLinks links, ExpertNotices notices, ICountyContext county)
{
    /// <param name="assistanceId">执法+专家: the assistance request the dispatch answers; it is taken by a conditional update in the
    /// same commit, so two organisers cannot both dispatch it (false: someone else did, nothing written).</param>
    public async Task<bool> SendAsync(Dispatch dispatch, IReadOnlyList<Expert> experts, int? assistanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(experts);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Dispatches.Add(dispatch);
        foreach (var expert in experts)
        {
            dispatch.Assignments.Add(new DispatchAssignment
            {
                ExpertId = expert.Id,
                CrossDepartment = expert.DepartmentId != dispatch.DepartmentId,
                TokenHash = Guid.NewGuid().ToString("N"), // replaced below once the id is known
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (assistanceId is { } requestId)
        {
            var dispatchId = dispatch.Id;
            var taken = await db.AssistanceRequests.Where(r => r.Id == requestId && r.DispatchId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.DispatchId, dispatchId), cancellationToken);
            if (taken == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return false;
            }
        }

        foreach (var assignment in dispatch.Assignments)
        {
            var expert = experts.Single(e => e.Id == assignment.ExpertId);
            var (token, hash) = links.Create(county.Required, assignment.Id);
            assignment.TokenHash = hash;
            if (!string.IsNullOrWhiteSpace(expert.Email))
            {
                db.Notify(notices.DispatchNotice(dispatch, expert, token, dispatch.CreatedAtUtc));
            }

            db.Publish(new ExpertDispatched
            {
                OccurredAtUtc = dispatch.CreatedAtUtc,
                DispatchId = dispatch.Id,
                ExpertId = expert.Id,
                ExpertName = expert.Name,
                Title = dispatch.Classified ? Confidentiality.Masked : dispatch.Title,
                DepartmentId = dispatch.DepartmentId,
                CrossDepartment = assignment.CrossDepartment,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
