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

/// <summary>A 行政处罚案件 was opened (立案) by the county bureau or an entrusted township in the bureau's name.</summary>
public sealed record CaseOpened : IntegrationEvent
{
    public required int CaseId { get; init; }

    public required int TargetId { get; init; }

    public required string TargetName { get; init; }

    /// <summary>The entrusted township that opened it, null for the county bureau.</summary>
    public int? TownshipId { get; init; }

    /// <summary>The inspection it came from, if any.</summary>
    public int? InspectionId { get; init; }

    public required string FilingNumber { get; init; }

    public required DateOnly FiledOn { get; init; }

    /// <summary>简易程序 (decided on site at once).</summary>
    public required bool Simple { get; init; }
}

/// <summary>A 行政处罚决定 was made: a fine (元) and/or a warning.</summary>
public sealed record PenaltyDecided : IntegrationEvent
{
    public required int CaseId { get; init; }

    public required int TargetId { get; init; }

    public required string DecisionNumber { get; init; }

    public required DateOnly DecidedOn { get; init; }

    public required long Fine { get; init; }

    public required bool Warning { get; init; }
}

/// <summary>A case was closed (结案) with its approval.</summary>
public sealed record CaseClosed : IntegrationEvent
{
    public required int CaseId { get; init; }

    public required int TargetId { get; init; }

    public required DateOnly ClosedOn { get; init; }

    /// <summary>It was transferred to public security (两法衔接) before closing.</summary>
    public required bool Transferred { get; init; }
}

/// <summary>A case suspected of a crime was transferred to public security (两法衔接), with the receipt.</summary>
public sealed record CaseTransferred : IntegrationEvent
{
    public required int CaseId { get; init; }

    public required int TargetId { get; init; }

    public required string TransferNumber { get; init; }

    public required DateTime TransferredAtUtc { get; init; }

    public required string Receipt { get; init; }
}

/// <summary>A statutory clock of a case passed without its step (recorded on the case; never moved).</summary>
public sealed record CaseClockMissed : IntegrationEvent
{
    public required int CaseId { get; init; }

    /// <summary>filing, decision, publish, transfer-approval or transfer.</summary>
    public required string Clock { get; init; }

    /// <summary>The clock's name in Chinese (立案期限 …).</summary>
    public required string ClockName { get; init; }

    /// <summary>When it ran out (China time).</summary>
    public required DateTime DueLocal { get; init; }

    public int? TownshipId { get; init; }
}

/// <summary>
/// 执法+专家: an inspection (its unit) asks the expert pool for experts of one or more fields. Experts turns it into a
/// dispatch (调用通知) and answers with <c>ExpertAssistanceAnswered</c> (Experts.Contracts), one per expert's answer.
/// </summary>
public sealed record ExpertAssistanceRequested : IntegrationEvent
{
    /// <summary>The request's id in Enforcement: the reference every answer carries back.</summary>
    public required int RequestId { get; init; }

    public required int InspectionId { get; init; }

    /// <summary>The inspecting entrusted township, null for the county bureau.</summary>
    public int? TownshipId { get; init; }

    /// <summary>The asking unit (县应急管理局 or the township).</summary>
    public required string UnitName { get; init; }

    /// <summary>The inspected enterprise.</summary>
    public required string TargetName { get; init; }

    /// <summary>The fields (领域) asked for, by name as the expert pool calls them (e.g. 危险化学品).</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>How many experts are wanted.</summary>
    public required int Count { get; init; }

    /// <summary>When the experts are needed (UTC).</summary>
    public required DateTime StartsAtUtc { get; init; }

    public required string Location { get; init; }

    public required string Reason { get; init; }

    /// <summary>The account that asked.</summary>
    public required string RequestedBy { get; init; }
}

/// <summary>
/// 执法+专家: an expert who accepted an assistance request took part in the inspection; the officer recorded it. The
/// expert pool counts it as one participation (执法检查) on the expert's record, once.
/// </summary>
public sealed record ExpertParticipationRecorded : IntegrationEvent
{
    /// <summary>The assistance request (<see cref="ExpertAssistanceRequested.RequestId"/>).</summary>
    public required int RequestId { get; init; }

    public required int InspectionId { get; init; }

    /// <summary>The expert as the pool named them in its answer.</summary>
    public required int ExpertId { get; init; }

    public required string ExpertName { get; init; }

    public required DateOnly Date { get; init; }

    public required string TargetName { get; init; }

    /// <summary>What the expert did (the officer's note).</summary>
    public required string Note { get; init; }
}
