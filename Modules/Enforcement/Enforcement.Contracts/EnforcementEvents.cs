using Emergency.BuildingBlocks.Events;

namespace Emergency.Enforcement.Contracts;

/// <summary>
/// A 双随机 draw was completed and published (一公开): the targets drawn from the 执法对象名录库 and, for each, the
/// certified officers drawn to inspect it. Annual plans and inspections pick it up later.
/// </summary>
public sealed record DrawCompleted : IntegrationEvent
{
    public required int DrawId { get; init; }

    /// <summary>The draw's date (China time).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The entrusted township that drew (委托执法), null for the county bureau.</summary>
    public int? TownshipId { get; init; }

    /// <summary>The unit that drew (县应急管理局 or the township).</summary>
    public required string UnitName { get; init; }

    /// <summary>The targets drawn, in draw order, each with its officers.</summary>
    public required IReadOnlyList<DrawnTarget> Targets { get; init; }

    /// <summary>The algorithm version the draw ran with (its record re-runs to the same result).</summary>
    public required string Algorithm { get; init; }
}

/// <summary>One target of a draw with the officers drawn for it.</summary>
public sealed record DrawnTarget(int TargetId, string TargetName, IReadOnlyList<int> OfficerIds);

/// <summary>
/// A 现场检查 was recorded: with no finding it is closed; with findings a 责令限期整改 deadline was set and the 复查 is due
/// on <see cref="RecheckDue"/> (working days after the deadline). Case handling (立案) picks it up later.
/// </summary>
public sealed record InspectionCompleted : IntegrationEvent
{
    public required int InspectionId { get; init; }

    public required int TargetId { get; init; }

    public required string TargetName { get; init; }

    /// <summary>The inspecting entrusted township, null for the county bureau.</summary>
    public int? TownshipId { get; init; }

    public required DateOnly Date { get; init; }

    public required bool HasFindings { get; init; }

    public DateOnly? Deadline { get; init; }

    public DateOnly? RecheckDue { get; init; }

    public string? OrderNumber { get; init; }
}
