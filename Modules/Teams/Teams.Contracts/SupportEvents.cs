using Emergency.BuildingBlocks.Events;

namespace Emergency.Teams.Contracts;

/// <summary>A township asked the county for support (一张网): supplies of a kind or rescuers, for a place and a time.</summary>
public sealed record SupportRequested : IntegrationEvent
{
    public required int RequestId { get; init; }

    public required int TownshipId { get; init; }

    public required string TownshipName { get; init; }

    /// <summary>"Supplies" or "Rescuers".</summary>
    public required string Need { get; init; }

    /// <summary>The supply kind's name, or the kind of team wanted.</summary>
    public required string What { get; init; }

    public required int Quantity { get; init; }

    public required string Place { get; init; }

    public required DateTime NeededByUtc { get; init; }
}

/// <summary>A support request was closed by the requesting township with what was delivered.</summary>
public sealed record SupportFulfilled : IntegrationEvent
{
    public required int RequestId { get; init; }

    public required int TownshipId { get; init; }

    public required string SupplierName { get; init; }

    public int? SupplierTownshipId { get; init; }

    public int? SupplierDepartmentId { get; init; }

    public required string Delivered { get; init; }

    /// <summary>The 调拨 that moved the supplies (null for rescuers).</summary>
    public Guid? TransferId { get; init; }
}
