using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Demo;

/// <summary>
/// The demo county's 装备物资: the default catalogue, the county warehouse (the emergency bureau's), 青山镇's site and
/// 河口村's micro-warehouse, each with opening stock as 入库 movements; 河口村's life jackets are below their minimum
/// and the county's first-aid kits expire within the default lead, so the stock check and 我的待办 show them.
/// </summary>
internal static class StockDemoData
{
    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var db = context.OpenStore<TeamsDbContext>();
        if (await db.Sites.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        if (!await db.SupplyKinds.AnyAsync(cancellationToken))
        {
            db.SupplyKinds.AddRange(StockLedger.DefaultKinds.Select(k => new SupplyKind { Category = k.Category, Name = k.Name, Unit = k.Unit, CreatedAtUtc = now }));
        }

        var county = Site(SiteKind.CountyWarehouse, context.EmergencyBureau, "青山县应急物资储备库", "青山县城南物流园 3 号库", "陆国庆", "13907711001", null, now);
        var township = Site(SiteKind.Township, context.Township("青山镇"), "青山镇应急物资储备点", "青山镇人民政府院内", "韦建华", "13907710101", "qingshan", now);
        var village = Site(SiteKind.Village, context.Village("河口村"), "河口村应急物资微型仓", "河口村村委会一楼", "覃德明", "13907710202", "hekou-grid", now);
        db.Sites.AddRange(county, township, village);
        await db.SaveChangesAsync(cancellationToken);
        var kinds = await db.SupplyKinds.ToDictionaryAsync(k => k.Name, cancellationToken);

        (StorageSite Site, string Kind, int Quantity, int Minimum, DateOnly? Expires)[] stock =
        [
            (county, "帐篷", 120, 50, null),
            (county, "折叠床", 300, 100, null),
            (county, "棉被", 500, 200, null),
            (county, "冲锋舟", 4, 2, today.AddMonths(5)),
            (county, "急救箱", 40, 20, today.AddDays(20)),
            (township, "救生衣", 60, 30, null),
            (township, "编织袋", 2000, 1000, null),
            (township, "抽水泵", 3, 2, today.AddMonths(3)),
            (township, "手提式干粉灭火器", 30, 20, today.AddYears(1)),
            (village, "救生衣", 6, 10, null),
            (village, "应急照明灯", 8, 4, null),
            (village, "风力灭火机", 2, 1, today.AddMonths(8)),
        ];
        foreach (var (site, name, quantity, minimum, expires) in stock)
        {
            var row = new StockItem
            {
                SiteId = site.Id, KindId = kinds[name].Id, TownshipId = site.TownshipId, VillageId = site.VillageId, DepartmentId = site.DepartmentId,
                Quantity = quantity, Minimum = minimum, ExpiresOn = expires, BelowSinceOn = quantity < minimum ? today : null, UpdatedAtUtc = now,
            };
            db.Stock.Add(row);
            await db.SaveChangesAsync(cancellationToken);

            // As any 入库 from nothing: other modules (Readiness's 物资) learn the row is in stock.
            db.Publish(StockLedger.Presence(row, site, kinds[name], quantity));
            db.Movements.Add(new StockMovement
            {
                StockId = row.Id, SiteId = site.Id, KindId = row.KindId, Kind = MovementKind.In, Quantity = quantity, Balance = quantity,
                Party = "期初库存", AtUtc = now, By = "demo",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static StorageSite Site(SiteKind kind, UnitInfo owner, string name, string address, string keeper, string mobile, string? account, DateTime now) => new()
    {
        Kind = kind,
        Name = name,
        OwnerName = owner.Name,
        TownshipId = owner.Kind switch { UnitKind.Township => owner.Id, UnitKind.Village => owner.ParentId, _ => null },
        VillageId = owner.Kind == UnitKind.Village ? owner.Id : null,
        DepartmentId = owner.Kind == UnitKind.Department ? owner.Id : null,
        Address = address,
        KeeperName = keeper,
        KeeperMobile = mobile,
        KeeperUserName = account,
        CreatedAtUtc = now,
    };
}
