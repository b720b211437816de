using Emergency.Teams.Contracts;

namespace Emergency.Teams.Data;

/// <summary>队伍状态.</summary>
internal enum TeamStatus
{
    Forming = 0, // 组建中
    Active = 1, // 在编
    Disbanded = 2, // 停用
}

/// <summary>队员来源 (seed 002: 警务、医务、民兵、森林消防、消防站、物业管理、企事业单位及志愿者).</summary>
internal enum MemberSource
{
    Police = 0, // 公安
    Medical = 1, // 医务
    Militia = 2, // 民兵
    Reserve = 3, // 预备役
    ForestFire = 4, // 森林消防
    FireStation = 5, // 消防站
    Property = 6, // 物业
    Enterprise = 7, // 企事业
    Volunteer = 8, // 志愿者
    GridMember = 9, // 网格员
    Other = 10, // 其他
}

/// <summary>队员保险.</summary>
internal enum InsuranceKind
{
    None = 0, // 未参保
    WorkInjury = 1, // 工伤保险
    Accident = 2, // 人身意外伤害保险
}

/// <summary>
/// An emergency rescue team (应急救援队伍) of the county: its kind, its owner unit (a township, a village or a
/// department, in the unit columns the scope filters on), leader, service area, tasks and response procedure.
/// <see cref="ActiveMembers"/> and <see cref="TrainedMembers"/> are kept by <c>TeamRoster</c> on every change.
/// </summary>
internal sealed class RescueTeam
{
    public int Id { get; set; }

    public TeamKind Kind { get; set; }

    /// <summary>The owning township, also set for a village's team (its village's township).</summary>
    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    public int? DepartmentId { get; set; }

    /// <summary>The owner unit's name as it was when saved (lists and the roster).</summary>
    public string OwnerName { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>所属企业或组织 (enterprise and volunteer teams).</summary>
    public string Organization { get; set; } = "";

    /// <summary>队长 (seed 004: the township's 应急办主任, the village's 主任).</summary>
    public string LeaderName { get; set; } = "";

    public string LeaderMobile { get; set; } = "";

    /// <summary>救援区域.</summary>
    public string ServiceArea { get; set; } = "";

    /// <summary>救援任务.</summary>
    public string Tasks { get; set; } = "";

    /// <summary>响应程序 (a short charter: how the team is called out and reports).</summary>
    public string ResponseProcedure { get; set; } = "";

    public TeamStatus Status { get; set; }

    /// <summary>驻地坐标 (WGS-84 degrees; optional), for the county resource map (一张图).</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public int ActiveMembers { get; set; }

    public int TrainedMembers { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public List<TeamMember> Members { get; set; } = [];
}

/// <summary>A member (队员) of a rescue team; active while <see cref="LeftOn"/> is null.</summary>
internal sealed class TeamMember
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public string Name { get; set; } = "";

    public string IdCardNumber { get; set; } = "";

    public string Mobile { get; set; } = "";

    public MemberSource Source { get; set; }

    /// <summary>技能特长.</summary>
    public string Skills { get; set; } = "";

    public DateOnly JoinedOn { get; set; }

    public DateOnly? LeftOn { get; set; }

    public string LeftReason { get; set; } = "";

    public InsuranceKind Insurance { get; set; }

    public DateOnly? InsuredUntil { get; set; }

    /// <summary>Trained before responding (国务院令第708号 Art 11); entered by hand until the Training module reports courses.</summary>
    public bool Trained { get; set; }

    public DateOnly? TrainedOn { get; set; }

    /// <summary>How the training is known (course, certificate, who trained).</summary>
    public string TrainedHow { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public bool IsActive => LeftOn is null;
}
