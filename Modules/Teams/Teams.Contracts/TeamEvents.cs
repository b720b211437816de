using Emergency.BuildingBlocks.Events;

namespace Emergency.Teams.Contracts;

/// <summary>救援队伍类别: who owns a team and whether a minimum size applies (township and village teams).</summary>
public enum TeamKind
{
    /// <summary>乡镇综合应急救援队伍, owned by a township (minimum: teams.township-minimum).</summary>
    Township = 0,

    /// <summary>园区综合应急救援队伍, owned by an industrial park 管委会 (a township-level unit; the township minimum).</summary>
    Park = 1,

    /// <summary>村级应急救援队伍（分队）, owned by a village or community (minimum: teams.village-minimum).</summary>
    Village = 2,

    /// <summary>县级专业救援队伍, owned by a county department (消防, 森林消防, 矿山, 危化, 医疗, 市政 …).</summary>
    CountyProfessional = 3,

    /// <summary>企业专兼职救援队伍.</summary>
    Enterprise = 4,

    /// <summary>社会应急力量、志愿者队伍.</summary>
    Volunteer = 5,
}

/// <summary>
/// A rescue team's strength changed (a member joined, left or was trained): published after the save that
/// changed it. <see cref="Minimum"/> is the county's minimum for the kind (null: no minimum applies), so a
/// readiness view can tell whether a township has 队伍 (a team at minimum size).
/// </summary>
public sealed record TeamStrengthChanged : IntegrationEvent
{
    public required int TeamId { get; init; }

    public required TeamKind Kind { get; init; }

    public required string TeamName { get; init; }

    /// <summary>The owning township (also set for a village's team), or null for a department's team.</summary>
    public int? TownshipId { get; init; }

    /// <summary>The owning village, or null.</summary>
    public int? VillageId { get; init; }

    /// <summary>The owning department, or null.</summary>
    public int? DepartmentId { get; init; }

    public required int ActiveMembers { get; init; }

    public required int TrainedMembers { get; init; }

    public int? Minimum { get; init; }

    public required bool MeetsMinimum { get; init; }
}

/// <summary>
/// A person joined a rescue team (by hand or by import): published after the save that added the member, so other
/// modules (Training's known people) keep a read copy. <see cref="Source"/> is the Chinese label (民兵, 网格员 …).
/// </summary>
public sealed record TeamMemberJoined : IntegrationEvent
{
    public required int TeamId { get; init; }

    public required string TeamName { get; init; }

    public required TeamKind Kind { get; init; }

    /// <summary>The owning township (also set for a village's team), or null.</summary>
    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public int? DepartmentId { get; init; }

    public required int MemberId { get; init; }

    public required string Name { get; init; }

    /// <summary>居民身份证号码 (upper case).</summary>
    public required string IdCard { get; init; }

    public string Mobile { get; init; } = "";

    public string Source { get; init; } = "";
}

/// <summary>A member left a rescue team (离队): published after the save that recorded it.</summary>
public sealed record TeamMemberLeft : IntegrationEvent
{
    public required int TeamId { get; init; }

    public required string TeamName { get; init; }

    public required TeamKind Kind { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public int? DepartmentId { get; init; }

    public required int MemberId { get; init; }

    public required string Name { get; init; }

    public required string IdCard { get; init; }

    public string Mobile { get; init; } = "";

    public string Source { get; init; } = "";
}

/// <summary>
/// A member's name, mobile or ID card was corrected (an edit of the member that changed one of them): published after
/// the save, so other modules' read copies (Training's known people) stay current. <see cref="Active"/> says whether
/// the member is still in the team (an edit of a member who left keeps them left).
/// </summary>
public sealed record TeamMemberUpdated : IntegrationEvent
{
    public required int TeamId { get; init; }

    public required string TeamName { get; init; }

    public required TeamKind Kind { get; init; }

    public int? TownshipId { get; init; }

    public int? VillageId { get; init; }

    public int? DepartmentId { get; init; }

    public required int MemberId { get; init; }

    public required string Name { get; init; }

    public required string IdCard { get; init; }

    public string Mobile { get; init; } = "";

    public string Source { get; init; } = "";

    public required bool Active { get; init; }
}

/// <summary>
/// A village filed its weekly duty plan (周值班计划) with its township for the week starting <see cref="WeekStart"/>
/// (a Monday); published once per village and week (a plan filed again is not a new filing).
/// </summary>
public sealed record DutyPlanFiled : IntegrationEvent
{
    public required int TownshipId { get; init; }

    public required int VillageId { get; init; }

    public required string VillageName { get; init; }

    public required DateOnly WeekStart { get; init; }
}
