using Emergency.BuildingBlocks.Events;

namespace Emergency.Teams.Contracts;

/// <summary>
/// A stock row of 应急物资 is below its minimum: published once per episode (from the day it fell below until it is
/// filled up again) by the daily stock check.
/// </summary>
public sealed record SupplyBelowMinimum : IntegrationEvent
{
    public required int StockId { get; init; }

    public required int SiteId { get; init; }

    public required string SiteName { get; init; }

    public required string KindName { get; init; }

    public required string Unit { get; init; }

    public required int Quantity { get; init; }

    public required int Minimum { get; init; }

    /// <summary>The China date the stock fell below the minimum.</summary>
    public required DateOnly BelowSince { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public int? DepartmentId { get; init; }
}

/// <summary>
/// A stock row expires (or is due for maintenance) within the county's lead (teams.supply-expiry-lead-days):
/// published once per stock row and expiry date by the daily stock check.
/// </summary>
public sealed record SupplyExpiring : IntegrationEvent
{
    public required int StockId { get; init; }

    public required int SiteId { get; init; }

    public required string SiteName { get; init; }

    public required string KindName { get; init; }

    public required string Unit { get; init; }

    public required int Quantity { get; init; }

    public required DateOnly ExpiresOn { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public int? DepartmentId { get; init; }
}

/// <summary>
/// A stock row that was below its minimum is back at or above it (filled up, counted, or its minimum lowered): the
/// low-stock episode ended. Published once per episode end by the stock ledger, in the commit of the movement.
/// </summary>
public sealed record SupplyRestored : IntegrationEvent
{
    public required int StockId { get; init; }

    public required int SiteId { get; init; }

    /// <summary>The quantity now (null from publishers before it was carried).</summary>
    public int? Quantity { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public int? DepartmentId { get; init; }
}

/// <summary>
/// A stock row of 应急物资 came into stock (from none to some) or ran out (to none): published by the stock ledger in the
/// commit of the movement or count that did it, and for each row of a demo county's opening stock. Readiness judges
/// 物资 (supplies present at a unit's sites) by it.
/// </summary>
public sealed record SupplyPresenceChanged : IntegrationEvent
{
    public required int StockId { get; init; }

    public required int SiteId { get; init; }

    public required string SiteName { get; init; }

    public required string KindName { get; init; }

    public required string Unit { get; init; }

    /// <summary>The quantity now: more than 0 when it came into stock, 0 when it ran out.</summary>
    public required int Quantity { get; init; }

    public required int Minimum { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public int? DepartmentId { get; init; }
}
