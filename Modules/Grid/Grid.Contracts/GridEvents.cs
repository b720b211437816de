using Emergency.BuildingBlocks.Events;

namespace Emergency.Grid.Contracts;

/// <summary>隐患等级.</summary>
public enum HazardLevel
{
    /// <summary>一般隐患: fixed at once.</summary>
    General = 0,

    /// <summary>重大隐患: needs a 治理方案, may be put under supervision.</summary>
    Major = 1,
}

/// <summary>隐患类别.</summary>
public enum HazardCategory
{
    WorkSafety = 0, // 安全生产
    FloodDrought = 1, // 水旱
    FlashFlood = 2, // 山洪
    Geological = 3, // 地质灾害
    ForestFire = 4, // 森林火灾
    Fire = 5, // 消防
    Weather = 6, // 气象
    Earthquake = 7, // 地震
    Other = 8, // 其他
}

/// <summary>A grid member (or the township) reported a hazard in a grid.</summary>
public sealed record HazardReported : IntegrationEvent
{
    public required int HazardId { get; init; }

    public required int TownshipId { get; init; }

    public required int VillageId { get; init; }

    public required string GridCode { get; init; }

    public required HazardCategory Category { get; init; }

    public required HazardLevel Level { get; init; }

    public required string Place { get; init; }

    public required string ReportedBy { get; init; }
}

/// <summary>A hazard passed its rectification deadline without being closed; the township whistled the department (乡镇吹哨).</summary>
public sealed record HazardOverdue : IntegrationEvent
{
    public required int HazardId { get; init; }

    public required int TownshipId { get; init; }

    public required int DepartmentId { get; init; }

    public required DateTime DeadlineUtc { get; init; }

    public required HazardLevel Level { get; init; }
}

/// <summary>A hazard was re-inspected and closed (销号).</summary>
public sealed record HazardClosed : IntegrationEvent
{
    public required int HazardId { get; init; }

    public required int TownshipId { get; init; }

    public int? DepartmentId { get; init; }

    public required HazardLevel Level { get; init; }

    public required string ClosedBy { get; init; }
}

/// <summary>A disaster (灾情) was reported by a grid member or a township.</summary>
public sealed record DisasterReported : IntegrationEvent
{
    public required int ReportId { get; init; }

    public required int TownshipId { get; init; }

    public int? VillageId { get; init; }

    public required string DisasterType { get; init; }

    public required DateTime HappenedAtUtc { get; init; }

    public required string Place { get; init; }

    public required int Dead { get; init; }

    public required int Injured { get; init; }

    public required int Missing { get; init; }

    public required int AffectedPeople { get; init; }

    public required int HousesDamaged { get; init; }

    /// <summary>直接经济损失（万元）.</summary>
    public required decimal DirectLoss { get; init; }
}

/// <summary>A grid member was added or (re)assigned to grids: published after the save (also after an edit of the member).</summary>
public sealed record GridMemberAssigned : IntegrationEvent
{
    public required int MemberId { get; init; }

    public required string Name { get; init; }

    public string Mobile { get; init; } = "";

    /// <summary>居民身份证号码 when the grid knows it (the grid does not record it yet: null).</summary>
    public string? IdCard { get; init; }

    public required int TownshipId { get; init; }

    public required int VillageId { get; init; }

    /// <summary>The member's grids' names, joined with 、.</summary>
    public required string GridName { get; init; }
}

/// <summary>A grid member was deactivated (停用).</summary>
public sealed record GridMemberDeactivated : IntegrationEvent
{
    public required int MemberId { get; init; }

    public required string Name { get; init; }

    public string Mobile { get; init; } = "";

    public string? IdCard { get; init; }

    public required int TownshipId { get; init; }

    public required int VillageId { get; init; }

    public required string GridName { get; init; }
}

/// <summary>A deactivated grid member was re-activated (启用).</summary>
public sealed record GridMemberReactivated : IntegrationEvent
{
    public required int MemberId { get; init; }

    public required string Name { get; init; }

    public string Mobile { get; init; } = "";

    public string? IdCard { get; init; }

    public required int TownshipId { get; init; }

    public required int VillageId { get; init; }

    public required string GridName { get; init; }
}
