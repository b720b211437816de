using Emergency.BuildingBlocks.Events;

namespace Emergency.Plans.Contracts;

/// <summary>A plan's version was issued (签发) and is now in force: readiness (六有 有预案) and drills follow it.</summary>
public sealed record PlanIssued : IntegrationEvent
{
    public required int PlanId { get; init; }

    public required string Title { get; init; }

    /// <summary>The plan type's name (e.g. "TownshipGeneral"), as the Plans module calls it.</summary>
    public required string Type { get; init; }

    /// <summary>The 专项 category's name for a special plan, else null.</summary>
    public string? Category { get; init; }

    public int? DepartmentId { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    /// <summary>The version number (1, 2, …).</summary>
    public required int Version { get; init; }

    /// <summary>The signing date (China).</summary>
    public required DateOnly IssuedOn { get; init; }

    public string DocumentNumber { get; init; } = "";
}

/// <summary>A plan's issued version was filed (备案): registered by the receiver, or deemed filed after its silence.</summary>
public sealed record PlanFiled : IntegrationEvent
{
    public required int PlanId { get; init; }

    public required string Title { get; init; }

    public required int Version { get; init; }

    public int? DepartmentId { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    /// <summary>True when deemed filed (视为备案) after the receiver's silence, false when registered (登记).</summary>
    public required bool Deemed { get; init; }

    public required DateOnly FiledOn { get; init; }
}

/// <summary>A revision trigger (修订情形) was raised on a plan: the plan needs to be reviewed for revision.</summary>
public sealed record PlanNeedsRevision : IntegrationEvent
{
    public required int PlanId { get; init; }

    public required string Title { get; init; }

    /// <summary>The trigger kind's name (HigherChanged, Command, Risk, Resource, DrillProblems, Other).</summary>
    public required string Kind { get; init; }

    public string Note { get; init; } = "";

    public int? DepartmentId { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }
}

/// <summary>
/// A plan in force was not drilled by its due date (演练周期 of its type, from the last drill or the issue): published
/// once per plan and due date by the daily drill sweep.
/// </summary>
public sealed record PlanDrillOverdue : IntegrationEvent
{
    public required int PlanId { get; init; }

    public required string Title { get; init; }

    /// <summary>The plan type's name (e.g. "TownshipGeneral"), as in <see cref="PlanIssued.Type"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The owner unit's name (县人民政府, the department, township or village).</summary>
    public required string OwnerName { get; init; }

    public int? DepartmentId { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    /// <summary>The date the drill was due (China).</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The last drill, null when never drilled (the cadence then runs from the issue).</summary>
    public DateOnly? LastDrillOn { get; init; }
}

/// <summary>
/// A plan in force passed its evaluation (评估) due date without an evaluation recorded (plans.evaluation-years from its
/// issue or last evaluation): published once per plan and due date by the daily evaluation sweep. A later issue
/// (<see cref="PlanIssued"/>) starts a new period.
/// </summary>
public sealed record PlanEvaluationLapsed : IntegrationEvent
{
    public required int PlanId { get; init; }

    public required string Title { get; init; }

    public int? DepartmentId { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public required DateOnly DueOn { get; init; }
}

/// <summary>An evaluation (评估) of a plan in force was recorded: a new evaluation period starts from its date.</summary>
public sealed record PlanEvaluated : IntegrationEvent
{
    public required int PlanId { get; init; }

    public required string Title { get; init; }

    public int? DepartmentId { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public required DateOnly EvaluatedOn { get; init; }
}
