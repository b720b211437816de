using Emergency.BuildingBlocks.Events;

namespace Emergency.Experts.Contracts;

/// <summary>The team an expert belongs to: the county government's (核心力量) or a department's (补充).</summary>
public enum ExpertTeamLevel
{
    /// <summary>县政府专家队伍.</summary>
    County = 0,

    /// <summary>部门专家队伍.</summary>
    Department = 1,
}

/// <summary>An expert was admitted by the county emergency committee (or filed by a department) and holds a certificate.</summary>
public sealed record ExpertAdmitted : IntegrationEvent
{
    public required int ExpertId { get; init; }

    public required string Name { get; init; }

    public required ExpertTeamLevel Level { get; init; }

    /// <summary>The department whose team it is; null for the county-government team.</summary>
    public int? DepartmentId { get; init; }

    public required IReadOnlyList<string> Fields { get; init; }

    public required string CertificateNumber { get; init; }

    public required DateOnly TermEnd { get; init; }

    /// <summary>工作单位 as entered in the expert's record; empty in events written before it was carried.</summary>
    public string Employer { get; init; } = "";
}

/// <summary>The bureau changed an expert's employer (工作单位): applied by the county manager or confirmed from a department's filing.</summary>
public sealed record ExpertEmployerChanged : IntegrationEvent
{
    public required int ExpertId { get; init; }

    public required string Name { get; init; }

    /// <summary>The new 工作单位.</summary>
    public required string Employer { get; init; }
}

/// <summary>An expert was sent a dispatch notice (调用通知) for an incident or task.</summary>
public sealed record ExpertDispatched : IntegrationEvent
{
    public required int DispatchId { get; init; }

    public required int ExpertId { get; init; }

    public required string ExpertName { get; init; }

    /// <summary>The incident or task; "涉密" when the dispatch is classified.</summary>
    public required string Title { get; init; }

    public required int DepartmentId { get; init; }

    public required bool CrossDepartment { get; init; }
}

/// <summary>An expert lost the qualification (absences, a refused assignment, misconduct); the certificate is revoked.</summary>
public sealed record ExpertDisqualified : IntegrationEvent
{
    public required int ExpertId { get; init; }

    public required string Name { get; init; }

    public required string Reason { get; init; }
}

/// <summary>How an expert left the pool.</summary>
public enum ExpertExitKind
{
    /// <summary>自愿退出 (application approved).</summary>
    Voluntary = 0,

    /// <summary>取消资格.</summary>
    Disqualified = 1,

    /// <summary>解聘 by decision.</summary>
    Dismissed = 2,

    /// <summary>聘期届满未续聘.</summary>
    TermEnded = 3,
}

/// <summary>An expert left the pool for any reason (published with <see cref="ExpertDisqualified"/> when disqualified).</summary>
public sealed record ExpertExited : IntegrationEvent
{
    public required int ExpertId { get; init; }

    public required string Name { get; init; }

    public required ExpertExitKind Kind { get; init; }

    public required string Reason { get; init; }
}

/// <summary>
/// An expert answered a dispatch made for another module's assistance request (执法+专家: Enforcement's
/// <c>ExpertAssistanceRequested</c>): accepted or declined, by link or by phone. Published once per answer.
/// </summary>
public sealed record ExpertAssistanceAnswered : IntegrationEvent
{
    /// <summary>The asking module's request id (the reference it sent).</summary>
    public required int RequestId { get; init; }

    /// <summary>The inspection the request was made for.</summary>
    public required int InspectionId { get; init; }

    public required int DispatchId { get; init; }

    public required int ExpertId { get; init; }

    public required string ExpertName { get; init; }

    /// <summary>工作单位.</summary>
    public required string Employer { get; init; }

    public required bool Accepted { get; init; }

    /// <summary>The reason of a refusal; empty when accepted.</summary>
    public string DeclineReason { get; init; } = "";

    public required DateTime AnsweredAtUtc { get; init; }
}
