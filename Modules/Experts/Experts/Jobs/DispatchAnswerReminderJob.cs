using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Jobs;

/// <summary>
/// Reminds an expert who has not answered a dispatch notice once half the time to the answer-by time has
/// passed, with the signed answer link again: once per assignment (key <c>dispatch:{assignmentId}:reminder</c>), across restarts too.
/// </summary>
internal sealed class DispatchAnswerReminderJob(ExpertsDbContext db, ICountyContext county, ExpertNotices notices, DispatchLinks links, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dispatches = await db.Dispatches
            .Include(d => d.Assignments.Where(a => a.Answer == AnswerStatus.Pending))
            .Where(d => d.AnswerByUtc > now && d.Assignments.Any(a => a.Answer == AnswerStatus.Pending))
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        foreach (var dispatch in dispatches.Where(d => now >= d.CreatedAtUtc + ((d.AnswerByUtc - d.CreatedAtUtc) / 2)))
        {
            var ids = dispatch.Assignments.Select(a => a.ExpertId).ToList();
            var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Status == ExpertStatus.Active).ToDictionaryAsync(e => e.Id, cancellationToken);
            foreach (var assignment in dispatch.Assignments)
            {
                if (!experts.TryGetValue(assignment.ExpertId, out var expert) || string.IsNullOrWhiteSpace(expert.Email))
                {
                    continue;
                }

                if (await db.TryClaimAsync(ReminderKey.For("dispatch", assignment.Id, "reminder"), now, cancellationToken))
                {
                    // The reminder carries the signed answer link again (a reissued token for the same assignment).
                    var token = links.Reissue(county.Required, assignment.Id, assignment.TokenHash);
                    db.Notify(notices.DispatchAnswerReminder(dispatch, expert, token, now));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
