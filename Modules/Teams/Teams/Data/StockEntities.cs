namespace Emergency.Teams.Data;

/// <summary>物资类别 (seed 004 §17: 灭火救援、安全生产、防汛抗旱、雨雪冰冻、医疗卫生、疏散安置).</summary>
internal enum SupplyCategory
{
    Firefighting = 0, // 灭火救援
    WorkSafety = 1, // 安全生产
    FloodDrought = 2, // 防汛抗旱
    SnowIce = 3, // 雨雪冰冻
    Medical = 4, // 医疗卫生
    Evacuation = 5, // 疏散安置
}

/// <summary>储备点类别.</summary>
internal enum SiteKind
{
    CountyWarehouse = 0, // 县级仓库
    Township = 1, // 乡镇储备点
    Village = 2, // 村级微型仓/救援站/救援箱
    Enterprise = 3, // 企业储备
    Social = 4, // 社会储备
}

/// <summary>
/// 物资变动: every change of a stock row is one. <see cref="StockMovement.Quantity"/> is signed (out negative), so the
/// stock always equals the sum of its movements. A transfer is a pair (out at the source, in at the target) sharing a
/// <see cref="StockMovement.TransferId"/>.
/// </summary>
internal enum MovementKind
{
    In = 0, // 入库
    Out = 1, // 出库
    TransferOut = 2, // 调出
    TransferIn = 3, // 调入
    StockTake = 4, // 盘点
}

/// <summary>物资品类: a kind of supply in the county's catalogue (category, name, unit of count).</summary>
internal sealed class SupplyKind
{
    public int Id { get; set; }

    public SupplyCategory Category { get; set; }

    public string Name { get; set; } = "";

    /// <summary>计量单位 (件、套、台、箱、顶、袋、吨 …).</summary>
    public string Unit { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// 储备点: where supplies are kept, owned by a unit in the same columns as a team (a village's site also carries its
/// township), with its keeper (保管员) who is told of low or expiring stock.
/// </summary>
internal sealed class StorageSite
{
    public int Id { get; set; }

    public SiteKind Kind { get; set; }

    public string Name { get; set; } = "";

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public int? DepartmentId { get; set; }

    public string OwnerName { get; set; } = "";

    public string Address { get; set; } = "";

    public string KeeperName { get; set; } = "";

    public string KeeperMobile { get; set; } = "";

    /// <summary>The keeper's account (user name), told of low or expiring stock besides the owner unit; optional.</summary>
    public string? KeeperUserName { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// 库存: one kind at one site. <see cref="Quantity"/> is a whole number (supplies are counted in whole 件/套/箱/袋; a
/// bulk good is entered in its whole unit, e.g. 吨) and is changed only by <c>StockLedger</c>, with a conditional
/// UPDATE so it never goes below zero. The owner columns are the site's (copied for filtering).
/// </summary>
internal sealed class StockItem
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public int KindId { get; set; }

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public int? DepartmentId { get; set; }

    public int Quantity { get; set; }

    /// <summary>最低库存 (0: none).</summary>
    public int Minimum { get; set; }

    /// <summary>有效期或下次维护保养日期.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The China date the stock fell below its minimum (null while at or above it): the low-stock episode.</summary>
    public DateOnly? BelowSinceOn { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public StorageSite? Site { get; set; }

    public SupplyKind? Kind { get; set; }
}

/// <summary>One change of a stock row (see <see cref="MovementKind"/>).</summary>
internal sealed class StockMovement
{
    public int Id { get; set; }

    public int StockId { get; set; }

    public int SiteId { get; set; }

    public int KindId { get; set; }

    public MovementKind Kind { get; set; }

    /// <summary>Signed change: positive in, negative out.</summary>
    public int Quantity { get; set; }

    /// <summary>The stock after this movement.</summary>
    public int Balance { get; set; }

    /// <summary>The other site of a transfer.</summary>
    public int? OtherSiteId { get; set; }

    public Guid? TransferId { get; set; }

    /// <summary>领用单位/人 (出库), 来源 (入库).</summary>
    public string Party { get; set; } = "";

    /// <summary>用途 (出库), 说明, or the 盘点 reason.</summary>
    public string Note { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";
}
