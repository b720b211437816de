using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Jobs;

/// <summary>
/// 聘期届满: reminds the expert and the county emergency bureau once when a term ends within
/// <see cref="ExpertsModule.TermExpiryLeadDays"/> days (key <c>term:{expertId}:{termEnd:yyyyMMdd}</c>, so a
/// renewed term is reminded again), and ends the membership of experts whose term has passed without renewal.
/// </summary>
internal sealed class TermExpiryReminderJob(
    ExpertsDbContext db, ICountyContext county, ICountySettings settings, ICountyUnits units, ExpertStatusChanges changes, ExpertNotices notices, TimeProvider clock) : ICountyJob
{
    public const string ExpiredReason = "聘期届满未续聘";

    private static readonly UnitInfo NoBureau = new(UnitKind.Department, 0, "");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var lead = await settings.GetAsync(ExpertsModule.TermExpiryLeadDays, cancellationToken);
        var horizon = today.AddDays(lead);
        var experts = await db.Experts
            .Where(e => e.Status == ExpertStatus.Active && e.TermEnd <= horizon)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        if (experts.Count == 0)
        {
            return;
        }

        UnitInfo? bureau = null;
        foreach (var expert in experts)
        {
            if (expert.TermEnd < today)
            {
                changes.End(expert, ExpertExitKind.TermEnded, ExpiredReason);
                continue;
            }

            var key = ReminderKey.For("term", expert.Id, expert.TermEnd);
            if (!await db.TryClaimAsync(key, now, cancellationToken))
            {
                continue;
            }

            bureau ??= (await units.DepartmentsAsync(county.Required, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau) ?? NoBureau;
            if (bureau != NoBureau)
            {
                db.Notify(notices.TermExpiryToBureau(expert, bureau, now));
            }

            if (!string.IsNullOrWhiteSpace(expert.Email))
            {
                db.Notify(notices.TermExpiryToExpert(expert, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
