using Emergency.Grid.Contracts;

namespace Emergency.Grid.Data;

/// <summary>What a grid covers: a villagers' group (村民小组) or a block of 300–500 households in a community.</summary>
internal enum GridKind
{
    VillagersGroup = 0, // 村民小组
    CommunityBlock = 1, // 社区网格
}

/// <summary>An emergency-management grid (应急管理网格) of a village or community.</summary>
internal sealed class GridArea
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    /// <summary>网格编码, unique in the county.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public GridKind Kind { get; set; }

    public int Households { get; set; }

    public int Population { get; set; }

    /// <summary>风险防范重点.</summary>
    public string KeyRisks { get; set; } = "";

    /// <summary>撤离路线.</summary>
    public string EvacuationRoute { get; set; } = "";

    /// <summary>避难场所.</summary>
    public string Shelter { get; set; } = "";

    /// <summary>应急电话 (one per line).</summary>
    public string EmergencyNumbers { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public List<GridMemberGrid> Members { get; set; } = [];
}

/// <summary>一岗五责: the five information duties of a grid member.</summary>
[Flags]
internal enum GridDuties
{
    None = 0,
    Fire = 1, // 火灾
    EarthquakeGeology = 2, // 地震地质灾害
    FloodDrought = 4, // 防汛抗旱
    DisasterReduction = 8, // 防减救灾
    WorkSafety = 16, // 安全生产
}

/// <summary>The existing roles a grid member absorbs (网格资源整合).</summary>
[Flags]
internal enum GridRoles
{
    None = 0,
    GeoMonitor = 1, // 群测群防员
    ReservoirSafety = 2, // 水库安全管理员
    ForestRanger = 4, // 护林员
    DisasterInformant = 8, // 灾情信息员
    WorkSafetyManager = 16, // 安全生产管理员
    WeatherInformant = 32, // 气象信息员
    EarthquakeObserver = 64, // 地震宏观观测员
}

/// <summary>A grid member (网格员); may sign in as a village account (<see cref="UserName"/>).</summary>
internal sealed partial class GridMember
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    public string Name { get; set; } = "";

    public string Mobile { get; set; } = "";

    public GridDuties Duties { get; set; }

    public GridRoles Roles { get; set; }

    /// <summary>The platform account the member signs in with, if any.</summary>
    public string? UserName { get; set; }

    public bool Active { get; set; } = true;

    public List<GridMemberGrid> Grids { get; set; } = [];
}

internal sealed class GridMemberGrid
{
    public int MemberId { get; set; }

    public int GridId { get; set; }

    public GridMember? Member { get; set; }

    public GridArea? Grid { get; set; }
}

/// <summary>村（社区）应急服务站.</summary>
internal sealed class ServiceStation
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string Phone { get; set; } = "";

    public List<StationStaff> Staff { get; set; } = [];
}

internal sealed class StationStaff
{
    public int Id { get; set; }

    public int StationId { get; set; }

    public string Name { get; set; } = "";

    public string Mobile { get; set; } = "";

    /// <summary>站长, 应急管理员, 网格员 …</summary>
    public string Post { get; set; } = "";
}

/// <summary>The rectification states of a hazard; <see cref="Domain.HazardWorkflow"/> says which step may follow which.</summary>
internal enum HazardState
{
    Reported = 0, // 已上报
    Assigned = 1, // 已交办
    Rectifying = 2, // 整改中
    AwaitingReinspection = 3, // 待复查
    Closed = 4, // 已销号
    Rejected = 5, // 不予认定
}

/// <summary>Who rectifies a hazard: a county department (交办), or, for a 一般隐患, on the spot or the village or owner (township re-inspects).</summary>
internal enum HazardRectifier
{
    Department = 0, // 交办部门 (or not yet decided while reported)
    OnTheSpot = 1, // 现场整改 (the reporting grid member or the township)
    Village = 2, // 交村整改
    Owner = 3, // 交业主整改 (the owning enterprise or person: a name and a mobile, no account)
}

/// <summary>What a hazard photo shows: the hazard as reported, or the on-the-spot fix.</summary>
internal enum PhotoPurpose
{
    Report = 0,
    Fix = 1, // 整改照片
}

/// <summary>挂牌督办 level of a 重大隐患.</summary>
internal enum SupervisionLevel
{
    None = 0,
    County = 1, // 县级
    City = 2, // 市级
    Province = 3, // 省级
}

/// <summary>A hazard (隐患) reported in a grid and followed to its closing.</summary>
internal sealed class Hazard : ILedgerKeys
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int VillageId { get; set; }

    public int GridId { get; set; }

    public string GridName { get; set; } = "";

    public HazardCategory Category { get; set; }

    /// <summary>The level now: the reporter's suggestion until the township confirms or changes it.</summary>
    public HazardLevel Level { get; set; }

    /// <summary>The level the reporter suggested (kept when the township changes it).</summary>
    public HazardLevel ReportedLevel { get; set; }

    /// <summary>Who confirmed the level (the township or county by hand, or implicitly by assigning or fixing it); null while unconfirmed.</summary>
    public string? LevelConfirmedBy { get; set; }

    public DateTime? LevelConfirmedAtUtc { get; set; }

    /// <summary>Who rectifies it; <see cref="ResponsibleName"/> names the village or owner when not a department.</summary>
    public HazardRectifier Rectifier { get; set; }

    /// <summary>交村/交业主整改: the village's name or the owner's (enterprise or person).</summary>
    public string? ResponsibleName { get; set; }

    /// <summary>交业主整改: the owner's mobile.</summary>
    public string? ResponsibleMobile { get; set; }

    public string Description { get; set; } = "";

    public string Place { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public HazardState State { get; set; }

    public int? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    /// <summary>整改期限 (UTC).</summary>
    public DateTime? DeadlineUtc { get; set; }

    /// <summary>Past its deadline and still open; cleared by an extension, closing or rejection.</summary>
    public bool Overdue { get; set; }

    /// <summary>The deadline a reminder was last sent for (two days ahead).</summary>
    public DateTime? RemindedForDeadlineUtc { get; set; }

    public SupervisionLevel Supervision { get; set; }

    /// <summary>乡镇吹哨: the department must report in (报到) while this is true.</summary>
    public bool AwaitingReportIn { get; set; }

    public DateTime? WhistledAtUtc { get; set; }

    public DateTime? ReportedInAtUtc { get; set; }

    public string? ReportInResponse { get; set; }

    /// <summary>The department did not report in within the working days of the setting: escalated to the county bureau (once per whistle).</summary>
    public DateTime? EscalatedAtUtc { get; set; }

    public string? RectificationNote { get; set; }

    public string? RejectReason { get; set; }

    public string ReportedBy { get; set; } = "";

    public string ReporterName { get; set; } = "";

    public DateTime ReportedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public HazardPlan? Plan { get; set; }

    public List<HazardPhoto> Photos { get; set; } = [];

    /// <summary>
    /// 交办: the department answers for it by the deadline. A fresh assignment is neither overdue nor
    /// waited for by the whistle. A 重大隐患 is assigned only once its 治理方案 exists (checked by the caller).
    /// </summary>
    public void Assign(int departmentId, string departmentName, DateTime deadlineUtc)
    {
        Rectifier = HazardRectifier.Department;
        ResponsibleName = null;
        ResponsibleMobile = null;
        DepartmentId = departmentId;
        DepartmentName = departmentName;
        DeadlineUtc = deadlineUtc;
        RemindedForDeadlineUtc = null;
        Overdue = false;
        AwaitingReportIn = false;
    }

    /// <summary>
    /// 退回: the department gives the hazard back before starting it; no department, deadline, reminder or
    /// whistle is left, and the township assigns it again.
    /// </summary>
    public void Return()
    {
        DepartmentId = null;
        DepartmentName = null;
        DeadlineUtc = null;
        RemindedForDeadlineUtc = null;
        Overdue = false;
        AwaitingReportIn = false;
    }

    /// <summary>A later deadline (an approved extension): no longer overdue.</summary>
    public void ExtendDeadline(DateTime deadlineUtc)
    {
        DeadlineUtc = deadlineUtc;
        Overdue = false;
    }

    /// <summary>
    /// 乡镇吹哨: past its deadline; the department must report in (报到) again. A whistle by hand still awaiting its
    /// 报到 stands (its escalation clock keeps running).
    /// </summary>
    public void Whistle(DateTime nowUtc)
    {
        Overdue = true;
        if (!AwaitingReportIn)
        {
            WhistleByHand(nowUtc);
        }
    }

    /// <summary>乡镇吹哨 by hand (before the deadline too): the department must report in (报到); a new whistle may be escalated again.</summary>
    public void WhistleByHand(DateTime nowUtc)
    {
        AwaitingReportIn = true;
        WhistledAtUtc = nowUtc;
        ReportedInAtUtc = null;
        ReportInResponse = null;
        EscalatedAtUtc = null;
    }

    /// <summary>The level confirmed (or changed) by <paramref name="by"/>.</summary>
    public void ConfirmLevel(HazardLevel level, string by, DateTime nowUtc)
    {
        Level = level;
        LevelConfirmedBy = by;
        LevelConfirmedAtUtc = nowUtc;
    }

    /// <summary>交村/交业主整改: the village or owner rectifies by the deadline; no department answers for it.</summary>
    public void HandOver(HazardRectifier rectifier, string name, string? mobile, DateTime deadlineUtc)
    {
        Rectifier = rectifier;
        ResponsibleName = name;
        ResponsibleMobile = mobile;
        DepartmentId = null;
        DepartmentName = null;
        DeadlineUtc = deadlineUtc;
        RemindedForDeadlineUtc = null;
        Overdue = false;
        AwaitingReportIn = false;
    }

    /// <summary>部门报到: the department answered the whistle; it leaves the 报到 list.</summary>
    public void ReportIn(string response, DateTime nowUtc)
    {
        AwaitingReportIn = false;
        ReportedInAtUtc = nowUtc;
        ReportInResponse = response;
    }

    /// <summary>Takes the next state of the workflow. A closed or rejected hazard is no longer overdue, nor waited for.</summary>
    public void Enter(HazardState next, DateTime nowUtc)
    {
        State = next;
        if (next is HazardState.Closed or HazardState.Rejected)
        {
            Overdue = false;
            AwaitingReportIn = false;
        }

        if (next == HazardState.Closed)
        {
            ClosedAtUtc = nowUtc;
        }
    }
}

/// <summary>治理方案 of a 重大隐患: required before it may be assigned.</summary>
internal sealed class HazardPlan
{
    public int HazardId { get; set; }

    public string Targets { get; set; } = "";

    public string Measures { get; set; } = "";

    /// <summary>经费（万元）.</summary>
    public decimal Funds { get; set; }

    public string ResponsiblePerson { get; set; } = "";

    public DateTime DeadlineUtc { get; set; }

    public string SafetyMeasures { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class HazardPhoto
{
    public int Id { get; set; }

    public int HazardId { get; set; }

    /// <summary>Name under the county's grid files folder (see IModuleFiles).</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public PhotoPurpose Purpose { get; set; }
}

/// <summary>Every step of a hazard: who, when, what.</summary>
internal sealed class HazardHistory
{
    public long Id { get; set; }

    public int HazardId { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    public string Action { get; set; } = "";

    public HazardState? FromState { get; set; }

    public HazardState? ToState { get; set; }

    public string? Note { get; set; }
}

internal enum ExtensionStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

/// <summary>An extension request (延期申请) made before the deadline.</summary>
internal sealed class ExtensionRequest
{
    public int Id { get; set; }

    public int HazardId { get; set; }

    public DateTime RequestedDeadlineUtc { get; set; }

    public string Reason { get; set; } = "";

    public ExtensionStatus Status { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecisionNote { get; set; }
}

internal enum DisasterStatus
{
    Reported = 0, // 待核实
    Verified = 1, // 已核实
}

/// <summary>灾情报送 (its 续报/核报 and the extra figures: NetworkEntities.cs).</summary>
internal sealed partial class DisasterReport
{
    public int Id { get; set; }

    public int TownshipId { get; set; }

    public int? VillageId { get; set; }

    public string DisasterType { get; set; } = "";

    public DateTime HappenedAtUtc { get; set; }

    public string Place { get; set; } = "";

    public int AffectedPeople { get; set; }

    public int Dead { get; set; }

    public int Injured { get; set; }

    public int Missing { get; set; }

    public int HousesDamaged { get; set; }

    /// <summary>直接经济损失（万元）.</summary>
    public decimal DirectLoss { get; set; }

    public DisasterStatus Status { get; set; }

    public string ReportedBy { get; set; } = "";

    public DateTime ReportedAtUtc { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTime? VerifiedAtUtc { get; set; }
}
