using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Jobs;

/// <summary>
/// Daily: each stock row below its minimum, and each row expiring (or due for maintenance) within
/// teams.supply-expiry-lead-days, is noticed to its site's owner unit and keeper account, and
/// <see cref="SupplyBelowMinimum"/> / <see cref="SupplyExpiring"/> is published — once per row and episode (keys
/// <c>stock:{id}:below:{date it fell below}</c> and <c>stock:{id}:expiring:{expiry date}</c>, kept in the store, so
/// also across restarts). A row filled up and then falling below again is a new episode.
/// </summary>
internal sealed class StockCheckJob(TeamsDbContext db, ICountySettings settings, StockNotices notices, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var lead = await settings.GetAsync(TeamsModule.SupplyExpiryLeadDays, cancellationToken);
        var horizon = today.AddDays(lead);
        var rows = await db.Stock.AsNoTracking().Include(s => s.Site).Include(s => s.Kind)
            .Where(s => s.BelowSinceOn != null || (s.ExpiresOn != null && s.ExpiresOn <= horizon && s.Quantity > 0))
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var stock in rows)
        {
            var site = stock.Site!;
            var kind = stock.Kind!;
            if (stock.BelowSinceOn is { } since)
            {
                foreach (var to in StockNotices.Recipients(site))
                {
                    await db.NotifyOnceAsync(ReminderKey.For("stock", stock.Id, "below", since, to.Key), notices.BelowMinimum(stock, site, kind, to, now), cancellationToken);
                }

                if (await db.TryClaimAsync(ReminderKey.For("stock", stock.Id, "below", since, "event"), now, cancellationToken))
                {
                    db.Publish(new SupplyBelowMinimum
                    {
                        StockId = stock.Id, SiteId = site.Id, SiteName = site.Name, KindName = kind.Name, Unit = kind.Unit, Quantity = stock.Quantity,
                        Minimum = stock.Minimum, BelowSince = since, TownshipId = site.TownshipId, VillageId = site.VillageId, DepartmentId = site.DepartmentId,
                    });
                }
            }

            if (stock.ExpiresOn is { } expires && expires <= horizon && stock.Quantity > 0)
            {
                foreach (var to in StockNotices.Recipients(site))
                {
                    await db.NotifyOnceAsync(ReminderKey.For("stock", stock.Id, "expiring", expires, to.Key), notices.Expiring(stock, site, kind, to, now), cancellationToken);
                }

                if (await db.TryClaimAsync(ReminderKey.For("stock", stock.Id, "expiring", expires, "event"), now, cancellationToken))
                {
                    db.Publish(new SupplyExpiring
                    {
                        StockId = stock.Id, SiteId = site.Id, SiteName = site.Name, KindName = kind.Name, Unit = kind.Unit, Quantity = stock.Quantity,
                        ExpiresOn = expires, TownshipId = site.TownshipId, VillageId = site.VillageId, DepartmentId = site.DepartmentId,
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
