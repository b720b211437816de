using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Domain;

/// <summary>A storage site as the form gives it.</summary>
internal sealed class SiteDraft
{
    public SiteKind Kind { get; set; }

    public string? OwnerKey { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }

    public string? KeeperName { get; set; }

    public string? KeeperMobile { get; set; }

    public string? KeeperUserName { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

/// <summary>An opening-stock row of an import (already matched to a site and kind).</summary>
internal sealed record OpeningStock(StorageSite Site, SupplyKind Kind, int Quantity, int Minimum, DateOnly? ExpiresOn);

/// <summary>What a stock change came to: the refusals (nothing written) or success.</summary>
internal sealed record StockResult(IReadOnlyList<FieldError> Errors)
{
    public static readonly StockResult Done = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static StockResult Refused(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>
/// The rules of 装备物资: the catalogue (seeded with seed 004's categories), storage sites, and every change of stock
/// as a movement — 入库, 出库, 调拨 (a pair in one transaction), 盘点 (to a counted quantity, with a reason). Stock never
/// goes negative: a take is a conditional UPDATE (<c>Quantity = Quantity - n WHERE Quantity &gt;= n</c>) in the
/// transaction that inserts its movement, so of two keepers taking the last items only one succeeds; the stock
/// always equals the sum of its movements. The low-stock episode (<see cref="StockItem.BelowSinceOn"/>) is kept in
/// the same statement's transaction.
/// </summary>
internal sealed class StockLedger(TeamsDbContext db, TimeProvider clock)
{
    public const int MaxQuantity = 1_000_000;

    /// <summary>A sensible default catalogue after seed 004 §17 (灭火救援、安全生产、防汛抗旱、雨雪冰冻、医疗卫生、疏散安置).</summary>
    public static readonly IReadOnlyList<(SupplyCategory Category, string Name, string Unit)> DefaultKinds =
    [
        (SupplyCategory.Firefighting, "手提式干粉灭火器", "具"),
        (SupplyCategory.Firefighting, "风力灭火机", "台"),
        (SupplyCategory.Firefighting, "灭火防护服", "套"),
        (SupplyCategory.Firefighting, "消防水带", "盘"),
        (SupplyCategory.Firefighting, "油锯", "台"),
        (SupplyCategory.WorkSafety, "安全帽", "顶"),
        (SupplyCategory.WorkSafety, "正压式空气呼吸器", "套"),
        (SupplyCategory.WorkSafety, "便携式气体检测仪", "台"),
        (SupplyCategory.WorkSafety, "警戒带", "卷"),
        (SupplyCategory.FloodDrought, "救生衣", "件"),
        (SupplyCategory.FloodDrought, "救生圈", "个"),
        (SupplyCategory.FloodDrought, "编织袋", "条"),
        (SupplyCategory.FloodDrought, "冲锋舟", "艘"),
        (SupplyCategory.FloodDrought, "抽水泵", "台"),
        (SupplyCategory.FloodDrought, "移动发电机", "台"),
        (SupplyCategory.SnowIce, "融雪剂", "吨"),
        (SupplyCategory.SnowIce, "防滑草垫", "张"),
        (SupplyCategory.SnowIce, "铁锹", "把"),
        (SupplyCategory.Medical, "急救箱", "箱"),
        (SupplyCategory.Medical, "担架", "副"),
        (SupplyCategory.Medical, "医用口罩", "盒"),
        (SupplyCategory.Evacuation, "帐篷", "顶"),
        (SupplyCategory.Evacuation, "折叠床", "张"),
        (SupplyCategory.Evacuation, "棉被", "床"),
        (SupplyCategory.Evacuation, "应急照明灯", "台"),
        (SupplyCategory.Evacuation, "饮用水", "箱"),
        (SupplyCategory.Evacuation, "方便食品", "箱"),
    ];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(clock));

    /// <summary>Seeds the default catalogue when the county has none yet (the first use of 装备物资).</summary>
    public async Task EnsureCatalogueAsync(CancellationToken cancellationToken)
    {
        if (await db.SupplyKinds.AnyAsync(cancellationToken))
        {
            return;
        }

        db.SupplyKinds.AddRange(DefaultKinds.Select(k => new SupplyKind { Category = k.Category, Name = k.Name, Unit = k.Unit, CreatedAtUtc = Now }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request seeded it at the same time (the unique category and name): theirs stands.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<(SupplyKind? Kind, StockResult Result)> SaveKindAsync(SupplyKind? kind, SupplyCategory category, string? name, string? unit, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        unit = unit?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (name.Length is 0 or > 100)
        {
            errors.Add(new FieldError("Name", "请填写品名（100 字以内）"));
        }

        if (unit.Length is 0 or > 10)
        {
            errors.Add(new FieldError("Unit", "请填写计量单位，如 件、套、台、箱、顶、袋、吨"));
        }

        if (errors.Count == 0 && await db.SupplyKinds.AnyAsync(k => k.Category == category && k.Name == name && (kind == null || k.Id != kind.Id), cancellationToken))
        {
            errors.Add(new FieldError("Name", $"该类别已有品名“{name}”"));
        }

        if (errors.Count > 0)
        {
            return (null, new StockResult(errors));
        }

        if (kind is null)
        {
            kind = new SupplyKind { CreatedAtUtc = Now };
            db.SupplyKinds.Add(kind);
        }

        kind.Category = category;
        kind.Name = name;
        kind.Unit = unit;
        await db.SaveChangesAsync(cancellationToken);
        return (kind, StockResult.Done);
    }

    public async Task<(StorageSite? Site, StockResult Result)> SaveSiteAsync(StorageSite? site, SiteDraft draft, UnitInfo owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(owner);
        var errors = new List<FieldError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add(new FieldError("Name", "请填写储备点名称（100 字以内）"));
        }

        var keeper = draft.KeeperName?.Trim() ?? "";
        if (keeper.Length is 0 or > 50)
        {
            errors.Add(new FieldError("KeeperName", "请填写保管员姓名"));
        }

        var mobile = draft.KeeperMobile?.Trim() ?? "";
        if (mobile.Length != 11 || !mobile.All(char.IsAsciiDigit) || mobile[0] != '1')
        {
            errors.Add(new FieldError("KeeperMobile", "请填写保管员的 11 位手机号码"));
        }

        Coordinates.Check(errors, draft.Latitude, draft.Longitude);

        if (errors.Count > 0)
        {
            return (null, new StockResult(errors));
        }

        if (site is null)
        {
            site = new StorageSite { CreatedAtUtc = Now };
            db.Sites.Add(site);
        }

        site.Kind = draft.Kind;
        site.Name = name;
        site.Address = draft.Address?.Trim() ?? "";
        site.KeeperName = keeper;
        site.KeeperMobile = mobile;
        site.KeeperUserName = string.IsNullOrWhiteSpace(draft.KeeperUserName) ? null : draft.KeeperUserName.Trim();
        site.Latitude = draft.Latitude;
        site.Longitude = draft.Longitude;
        site.OwnerName = owner.Name;
        site.TownshipId = owner.Kind switch { UnitKind.Township => owner.Id, UnitKind.Village => owner.ParentId, _ => null };
        site.VillageId = owner.Kind == UnitKind.Village ? owner.Id : null;
        site.DepartmentId = owner.Kind == UnitKind.Department ? owner.Id : null;
        await db.SaveChangesAsync(cancellationToken);

        // The stock rows carry the owner's columns (for the ledger's scope): they follow the site.
        await db.Stock.Where(s => s.SiteId == site.Id).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.TownshipId, site.TownshipId).SetProperty(s => s.VillageId, site.VillageId).SetProperty(s => s.DepartmentId, site.DepartmentId),
            cancellationToken);
        return (site, StockResult.Done);
    }

    /// <summary>入库: supplies received at the site (from whom, a note).</summary>
    public Task<StockResult> ReceiveAsync(StorageSite site, SupplyKind kind, int quantity, string? party, string? note, string by, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            if (Quantity(quantity) is { } refused)
            {
                return refused;
            }

            var stock = await StockRowAsync(site, kind, create: true, cancellationToken);
            await MoveAsync(stock!, MovementKind.In, quantity, null, null, party, note, by, cancellationToken);
            return StockResult.Done;
        }, cancellationToken);

    /// <summary>出库: supplies given out (to whom, for what); refused when the stock would go negative.</summary>
    public Task<StockResult> IssueAsync(StorageSite site, SupplyKind kind, int quantity, string? party, string? note, string by, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            if (Quantity(quantity) is { } refused)
            {
                return refused;
            }

            if (string.IsNullOrWhiteSpace(party))
            {
                return StockResult.Refused("Party", "请填写领用单位或人员");
            }

            var stock = await StockRowAsync(site, kind, create: false, cancellationToken);
            return await TakeAsync(stock, site, kind, quantity, cancellationToken) ?? await MoveAsync(stock!, MovementKind.Out, -quantity, null, null, party, note, by, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// 调拨: out of one site and into another, the pair in one transaction. <paramref name="alsoWithTransfer"/> (given the
    /// transfer's id) runs in the same transaction after the pair, e.g. a support request recording its delivery: both
    /// land or neither (its refusal rolls the pair back).
    /// </summary>
    public Task<StockResult> TransferAsync(StorageSite from, StorageSite to, SupplyKind kind, int quantity, string? note, string by, CancellationToken cancellationToken, Func<Guid, Task<StockResult>>? alsoWithTransfer = null) =>
        InTransactionAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(from);
            ArgumentNullException.ThrowIfNull(to);
            if (Quantity(quantity) is { } refused)
            {
                return refused;
            }

            if (from.Id == to.Id)
            {
                return StockResult.Refused("ToSiteId", "调入储备点不能与调出储备点相同");
            }

            var source = await StockRowAsync(from, kind, create: false, cancellationToken);
            if (await TakeAsync(source, from, kind, quantity, cancellationToken) is { } short_)
            {
                return short_;
            }

            var transfer = Guid.CreateVersion7();
            await MoveAsync(source!, MovementKind.TransferOut, -quantity, to.Id, transfer, to.Name, note, by, cancellationToken);
            var target = await StockRowAsync(to, kind, create: true, cancellationToken);
            await MoveAsync(target!, MovementKind.TransferIn, quantity, from.Id, transfer, from.Name, note, by, cancellationToken);
            return alsoWithTransfer is null ? StockResult.Done : await alsoWithTransfer(transfer);
        }, cancellationToken);

    /// <summary>盘点: sets the stock to the counted quantity (the difference is the movement), with a required reason.</summary>
    public async Task<StockResult> TakeStockAsync(StorageSite site, SupplyKind kind, int counted, string? reason, string by, CancellationToken cancellationToken)
    {
        if (counted < 0 || counted > MaxQuantity)
        {
            return StockResult.Refused("Quantity", "盘点数量应为 0 或正整数");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return StockResult.Refused("Note", "盘点调整须填写原因");
        }

        // The count is set only if nobody moved the stock since it was read; else read again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var seen = await db.Stock.AsNoTracking().Where(s => s.SiteId == site.Id && s.KindId == kind.Id).Select(s => (int?)s.Quantity).SingleOrDefaultAsync(cancellationToken) ?? 0;
            var result = await MaybeInTransactionAsync(async () =>
            {
                var stock = await StockRowAsync(site, kind, create: true, cancellationToken);
                var delta = counted - seen;
                var now = Now;
                var rows = await db.Stock.Where(s => s.Id == stock!.Id && s.Quantity == seen)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Quantity, counted).SetProperty(s => s.UpdatedAtUtc, now), cancellationToken);
                if (rows == 0)
                {
                    return null;
                }

                await EpisodeAsync(stock!.Id, cancellationToken);
                await PresenceAsync(stock.Id, seen, counted, cancellationToken);
                Add(stock!, MovementKind.StockTake, delta, counted, null, null, "", reason.Trim(), by);
                await db.SaveChangesAsync(cancellationToken);
                return StockResult.Done;
            }, cancellationToken);
            if (result is not null)
            {
                return result;
            }
        }

        return StockResult.Refused("", "库存正在变动，请稍后重新盘点");
    }

    /// <summary>Sets a stock row's minimum and expiry (or maintenance) date; the low-stock episode follows.</summary>
    public async Task<StockResult> SetLimitsAsync(StockItem stock, int minimum, DateOnly? expiresOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stock);
        if (minimum < 0 || minimum > MaxQuantity)
        {
            return StockResult.Refused("Minimum", "最低库存应为 0 或正整数");
        }

        var now = Now;
        await db.Stock.Where(s => s.Id == stock.Id).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.Minimum, minimum).SetProperty(s => s.ExpiresOn, expiresOn).SetProperty(s => s.UpdatedAtUtc, now), cancellationToken);
        await EpisodeAsync(stock.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return StockResult.Done;
    }

    /// <summary>Opening stock of an import: each row an 入库 with its minimum and expiry, all in one transaction.</summary>
    public Task<StockResult> ReceiveOpeningAsync(IReadOnlyList<OpeningStock> rows, string by, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(rows);
            foreach (var row in rows)
            {
                var stock = await StockRowAsync(row.Site, row.Kind, create: true, cancellationToken);
                var now = Now;
                await db.Stock.Where(s => s.Id == stock!.Id).ExecuteUpdateAsync(
                    u => u.SetProperty(s => s.Minimum, row.Minimum).SetProperty(s => s.ExpiresOn, row.ExpiresOn).SetProperty(s => s.UpdatedAtUtc, now), cancellationToken);
                await MoveAsync(stock!, MovementKind.In, row.Quantity, null, null, "期初库存导入", "", by, cancellationToken);
            }

            return StockResult.Done;
        }, cancellationToken);

    private static StockResult? Quantity(int quantity) =>
        quantity is <= 0 or > MaxQuantity ? StockResult.Refused("Quantity", "数量应为正整数") : null;

    /// <summary>Takes <paramref name="quantity"/> if there is as much: null when taken, else the refusal with what there is.</summary>
    private async Task<StockResult?> TakeAsync(StockItem? stock, StorageSite site, SupplyKind kind, int quantity, CancellationToken cancellationToken)
    {
        var now = Now;
        var rows = stock is null ? 0 : await db.Stock.Where(s => s.Id == stock.Id && s.Quantity >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Quantity, s => s.Quantity - quantity).SetProperty(s => s.UpdatedAtUtc, now), cancellationToken);
        if (rows == 1)
        {
            return null;
        }

        var has = stock is null ? 0 : await db.Stock.AsNoTracking().Where(s => s.Id == stock.Id).Select(s => s.Quantity).SingleAsync(cancellationToken);
        return StockResult.Refused("Quantity", $"库存不足：{site.Name}的{kind.Name}现有 {has} {kind.Unit}，不能出库 {quantity} {kind.Unit}");
    }

    /// <summary>Records a movement; for an increase it also adds to the stock (a decrease was taken by <see cref="TakeAsync"/>).</summary>
    private async Task<StockResult> MoveAsync(StockItem stock, MovementKind kind, int delta, int? otherSite, Guid? transfer, string? party, string? note, string by, CancellationToken cancellationToken)
    {
        if (delta > 0)
        {
            var now = Now;
            await db.Stock.Where(s => s.Id == stock.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Quantity, s => s.Quantity + delta).SetProperty(s => s.UpdatedAtUtc, now), cancellationToken);
        }

        await EpisodeAsync(stock.Id, cancellationToken);
        var balance = await db.Stock.AsNoTracking().Where(s => s.Id == stock.Id).Select(s => s.Quantity).SingleAsync(cancellationToken);
        await PresenceAsync(stock.Id, balance - delta, balance, cancellationToken);
        Add(stock, kind, delta, balance, otherSite, transfer, party, note, by);
        await db.SaveChangesAsync(cancellationToken);
        return StockResult.Done;
    }

    private void Add(StockItem stock, MovementKind kind, int delta, int balance, int? otherSite, Guid? transfer, string? party, string? note, string by) =>
        db.Movements.Add(new StockMovement
        {
            StockId = stock.Id,
            SiteId = stock.SiteId,
            KindId = stock.KindId,
            Kind = kind,
            Quantity = delta,
            Balance = balance,
            OtherSiteId = otherSite,
            TransferId = transfer,
            Party = Trim(party, 100),
            Note = Trim(note, 500),
            AtUtc = Now,
            By = by,
        });

    /// <summary>Starts the low-stock episode on the day the stock falls below its minimum, ends it when filled up.</summary>
    private async Task EpisodeAsync(int stockId, CancellationToken cancellationToken)
    {
        var today = Today;
        await db.Stock.Where(s => s.Id == stockId && s.Minimum > 0 && s.Quantity < s.Minimum && s.BelowSinceOn == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BelowSinceOn, today), cancellationToken);
        var restored = await db.Stock.Where(s => s.Id == stockId && (s.Minimum == 0 || s.Quantity >= s.Minimum) && s.BelowSinceOn != null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BelowSinceOn, (DateOnly?)null), cancellationToken);
        if (restored == 1)
        {
            // The episode ended: published in the commit that follows (Readiness flips 物资 back).
            var row = await db.Stock.AsNoTracking().Where(s => s.Id == stockId)
                .Select(s => new { s.SiteId, s.Quantity, s.TownshipId, s.VillageId, s.DepartmentId }).SingleAsync(cancellationToken);
            db.Publish(new Contracts.SupplyRestored { StockId = stockId, SiteId = row.SiteId, Quantity = row.Quantity, TownshipId = row.TownshipId, VillageId = row.VillageId, DepartmentId = row.DepartmentId });
        }
    }

    /// <summary>Publishes <see cref="Contracts.SupplyPresenceChanged"/> when the row came into stock or ran out (in the commit that follows).</summary>
    private async Task PresenceAsync(int stockId, int before, int after, CancellationToken cancellationToken)
    {
        if ((before > 0) == (after > 0))
        {
            return;
        }

        var stock = await db.Stock.AsNoTracking().Include(s => s.Site).Include(s => s.Kind).SingleAsync(s => s.Id == stockId, cancellationToken);
        db.Publish(Presence(stock, stock.Site!, stock.Kind!, after));
    }

    /// <summary>The row's presence as other modules read it (also the demo county's opening stock).</summary>
    public static Contracts.SupplyPresenceChanged Presence(StockItem stock, StorageSite site, SupplyKind kind, int quantity) => new()
    {
        StockId = stock.Id, SiteId = site.Id, SiteName = site.Name, KindName = kind.Name, Unit = kind.Unit, Quantity = quantity, Minimum = stock.Minimum,
        TownshipId = site.TownshipId, VillageId = site.VillageId, DepartmentId = site.DepartmentId,
    };

    /// <summary>The site's row of the kind (created empty when <paramref name="create"/>), or null.</summary>
    private async Task<StockItem?> StockRowAsync(StorageSite site, SupplyKind kind, bool create, CancellationToken cancellationToken)
    {
        var stock = await db.Stock.AsNoTracking().SingleOrDefaultAsync(s => s.SiteId == site.Id && s.KindId == kind.Id, cancellationToken);
        if (stock is not null || !create)
        {
            return stock;
        }

        stock = new StockItem
        {
            SiteId = site.Id, KindId = kind.Id, TownshipId = site.TownshipId, VillageId = site.VillageId, DepartmentId = site.DepartmentId, UpdatedAtUtc = Now,
        };
        db.Stock.Add(stock);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(stock).State = EntityState.Detached;
        return stock;
    }

    /// <summary>Runs the change in one transaction: committed when it succeeds, rolled back (nothing written) when refused.</summary>
    private async Task<StockResult> InTransactionAsync(Func<Task<StockResult>> change, CancellationToken cancellationToken) =>
        (await MaybeInTransactionAsync(async () => await change(), cancellationToken))!;

    private async Task<StockResult?> MaybeInTransactionAsync(Func<Task<StockResult?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await change();
        if (result is { Succeeded: true })
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private static string Trim(string? text, int max)
    {
        var t = text?.Trim() ?? "";
        return t.Length > max ? t[..max] : t;
    }
}
