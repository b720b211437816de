using Emergency.BuildingBlocks.Events;

namespace Emergency.Readiness.Contracts;

/// <summary>
/// A township's readiness as first snapshotted in a month (六有 met / items with data; 十个一 likewise): published once
/// per township and month by Readiness' daily snapshot job, for whoever follows the county's standing.
/// </summary>
public sealed record ReadinessSnapshotTaken : IntegrationEvent
{
    public required int TownshipId { get; init; }

    public required string Month { get; init; }

    public required int SixMet { get; init; }

    public required int SixWithData { get; init; }

    public required int TenMet { get; init; }

    public required int TenWithData { get; init; }
}
