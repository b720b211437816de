namespace Emergency.Readiness.Data;

/// <summary>
/// The journal: every integration event the module received, appended before it is applied. Outbox rows of the
/// publishing modules are trimmed after delivery (Events:Retention), so this is what a rebuild replays (ADR 0007).
/// </summary>
internal sealed class ReceivedEvent
{
    /// <summary>Arrival order: the order a rebuild replays in.</summary>
    public long Seq { get; set; }

    public Guid EventId { get; set; }

    /// <summary>The event record's short name (e.g. TeamStrengthChanged).</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTime OccurredAtUtc { get; set; }

    public DateTime ReceivedAtUtc { get; set; }
}

/// <summary>Read model: a rescue team's last strength (TeamStrengthChanged).</summary>
internal sealed class TeamFact
{
    public int TeamId { get; set; }

    public int Kind { get; set; }

    public string Name { get; set; } = "";

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public int Active { get; set; }

    public int Trained { get; set; }

    public int? Minimum { get; set; }

    public bool MeetsMinimum { get; set; }
}

/// <summary>Read model: a stock row's presence (SupplyPresenceChanged), low-stock state (SupplyBelowMinimum / SupplyRestored) and expiry (SupplyExpiring).</summary>
internal sealed class StockFact
{
    public int StockId { get; set; }

    public int SiteId { get; set; }

    public string What { get; set; } = "";

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public bool Below { get; set; }

    /// <summary>In stock (quantity above 0) as last told (SupplyPresenceChanged, or the quantity of another supply event).</summary>
    public bool Present { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>Read model: a plan's state as Plans published it.</summary>
internal sealed class PlanFact
{
    public int PlanId { get; set; }

    public string Title { get; set; } = "";

    public string Type { get; set; } = "";

    /// <summary>The 专项 category's name of a special plan (as <c>PlanIssued.Category</c>), else null.</summary>
    public string? Category { get; set; }

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public int Version { get; set; }

    public DateOnly? IssuedOn { get; set; }

    /// <summary>The issued version that was filed (备案), or 0.</summary>
    public int FiledVersion { get; set; }

    /// <summary>An open revision need (PlanNeedsRevision) until the next issue.</summary>
    public string? Revision { get; set; }

    /// <summary>Evaluation lapsed on (PlanEvaluationLapsed) until the next issue.</summary>
    public DateOnly? EvaluationLapsedOn { get; set; }

    /// <summary>Drill overdue since (PlanDrillOverdue) until a drill of the plan.</summary>
    public DateOnly? DrillDueOn { get; set; }

    public DateOnly? LastDrillOn { get; set; }
}

/// <summary>Read model: a drill held (DrillCompleted), by the townships it counts for.</summary>
internal sealed class DrillFact
{
    public int DrillId { get; set; }

    public string PlanName { get; set; } = "";

    public DateOnly Date { get; set; }

    /// <summary>The township it counts for (one row per drill and township).</summary>
    public int TownshipId { get; set; }
}

/// <summary>Read model: a unit's training days of a year (TrainingDaysDelivered, TrainingShortfall, CourseCompleted).</summary>
internal sealed class TrainingFact
{
    /// <summary>"township:12:2026" / "village:34:2026".</summary>
    public string Key { get; set; } = "";

    public int UnitKind { get; set; }

    public int UnitId { get; set; }

    public int Year { get; set; }

    public double Target { get; set; }

    public double Delivered { get; set; }

    /// <summary>Found short on the county's check date (TrainingShortfall), days owed then.</summary>
    public double? OwedAtCheck { get; set; }

    public int PeoplePassed { get; set; }
}

/// <summary>Read model: a village's latest 周值班计划 (DutyPlanFiled).</summary>
internal sealed class DutyFact
{
    public int VillageId { get; set; }

    public int TownshipId { get; set; }

    public DateOnly LatestWeek { get; set; }
}

/// <summary>Read model: a grid member and the village whose grids the member covers (GridMemberAssigned / Deactivated / Reactivated).</summary>
internal sealed class GridMemberFact
{
    public int MemberId { get; set; }

    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    public string GridName { get; set; } = "";

    public bool Active { get; set; }
}

/// <summary>Read model: a hazard (Grid).</summary>
internal sealed class HazardFact
{
    public int HazardId { get; set; }

    public int TownshipId { get; set; }

    public bool Overdue { get; set; }

    public bool Closed { get; set; }
}

/// <summary>Read model: an enforcement case (Enforcement) and its missed clocks.</summary>
internal sealed class CaseFact
{
    public int CaseId { get; set; }

    public int? TownshipId { get; set; }

    public bool Open { get; set; }

    public bool Closed { get; set; }

    public int ClockMisses { get; set; }
}

/// <summary>Read model: an expert in the pool (Experts).</summary>
internal sealed class ExpertFact
{
    public int ExpertId { get; set; }

    public string Fields { get; set; } = "";

    public bool Active { get; set; }
}

/// <summary>
/// Read model: a township's (or a village's) items as last scored — one row the leader's page reads, with the items
/// as JSON (<see cref="Domain.ItemResult"/>).
/// </summary>
internal sealed class UnitScore
{
    /// <summary>"township:12" / "village:34".</summary>
    public string Key { get; set; } = "";

    public int UnitKind { get; set; }

    public int UnitId { get; set; }

    public int TownshipId { get; set; }

    public string Name { get; set; } = "";

    public string Items { get; set; } = "[]";

    /// <summary>六有 (village: 三有 and the rest) met / with data.</summary>
    public int Met { get; set; }

    public int WithData { get; set; }

    /// <summary>十个一 met / with data (townships).</summary>
    public int TenMet { get; set; }

    public int TenWithData { get; set; }

    public int OpenHazards { get; set; }

    public int OverdueHazards { get; set; }

    public int OpenCases { get; set; }

    public int ClockMisses { get; set; }

    public DateTime ScoredAtUtc { get; set; }
}

/// <summary>A township's score at the month's last snapshot (the trend).</summary>
internal sealed class MonthlySnapshot
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    /// <summary>"2026-11" (China time).</summary>
    public string Month { get; set; } = "";

    public int Met { get; set; }

    public int WithData { get; set; }

    public int TenMet { get; set; }

    public int TenWithData { get; set; }

    public DateTime TakenAtUtc { get; set; }
}

/// <summary>
/// A township's (or 园区管委会's) 应急管理办公室 as it records it: 分管领导, 第一责任人, facilities, the 基层指挥机制, and the
/// office director — a change of director waits for the county bureau's approval.
/// </summary>
internal sealed class TownshipOffice
{
    public int TownshipId { get; set; }

    /// <summary>分管领导.</summary>
    public string LeaderInCharge { get; set; } = "";

    /// <summary>第一责任人 (党政主要负责人).</summary>
    public string FirstResponsible { get; set; } = "";

    public string Facilities { get; set; } = "";

    /// <summary>基层指挥机制 总负责人.</summary>
    public string CommandLead { get; set; } = "";

    /// <summary>基层指挥机制 member units.</summary>
    public string MemberUnits { get; set; } = "";

    /// <summary>The office director in post (approved).</summary>
    public string Director { get; set; } = "";

    /// <summary>A director change asked for, waiting for the county bureau.</summary>
    public string? PendingDirector { get; set; }

    public string? PendingBy { get; set; }

    public DateTime? PendingAtUtc { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }

    public List<OfficeStaff> Staff { get; set; } = [];
}

/// <summary>A member of a township's 应急管理办公室 (name and post).</summary>
internal sealed class OfficeStaff
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public string Name { get; set; } = "";

    public string Post { get; set; } = "";
}

/// <summary>A village's 应急管理领导小组 and its 应急服务站.</summary>
internal sealed class VillageOrg
{
    public int VillageId { get; set; }

    public int TownshipId { get; set; }

    /// <summary>领导小组 组长.</summary>
    public string GroupLeader { get; set; } = "";

    public string GroupMembers { get; set; } = "";

    /// <summary>站点 (场地) name/address; empty: no station.</summary>
    public string Station { get; set; } = "";

    public string StationFacilities { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>An uploaded document of a township or village (a mechanism, one of the 十个一, village rules) with its date.</summary>
internal sealed class OrgDocument
{
    public int Id { get; set; }

    /// <summary>0 township, 1 village (as <see cref="Domain.UnitLevel"/>).</summary>
    public int Level { get; set; }

    public int UnitId { get; set; }

    public int TownshipId { get; set; }

    /// <summary>The document kind code (<see cref="Domain.DocumentKinds"/>).</summary>
    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }
}
