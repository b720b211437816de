using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Jobs;

/// <summary>
/// Daily: each active 镇企联动协议 ending within teams.agreement-expiry-lead-days (and not yet ended) is noticed to its
/// township once per agreement and end date (key <c>agreement:{id}:expiring:{end}</c>, kept in the store, so also
/// across restarts); a renewed agreement (a later end) is told again when that end nears.
/// </summary>
internal sealed class AgreementExpiryJob(TeamsDbContext db, ICountySettings settings, SupportNotices notices, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var horizon = today.AddDays(await settings.GetAsync(TeamsModule.AgreementExpiryLeadDays, cancellationToken));
        var due = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Active && a.ValidTo >= today && a.ValidTo <= horizon)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        foreach (var agreement in due)
        {
            await db.NotifyOnceAsync(ReminderKey.For("agreement", agreement.Id, "expiring", agreement.ValidTo), notices.AgreementExpiring(agreement, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
