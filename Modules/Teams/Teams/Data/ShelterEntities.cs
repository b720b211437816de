namespace Emergency.Teams.Data;

/// <summary>避难场所类型.</summary>
internal enum ShelterKind
{
    Indoor = 0, // 室内
    Outdoor = 1, // 室外
}

/// <summary>避难场所状态: only an available shelter counts towards the capacity of the resource map.</summary>
internal enum ShelterStatus
{
    Available = 0, // 可用
    UnderRepair = 1, // 维修
    Closed = 2, // 停用
}

/// <summary>配套设施 (a checklist, stored as flags).</summary>
[Flags]
internal enum ShelterFacilities
{
    None = 0,
    Water = 1, // 供水
    Power = 2, // 供电
    Toilets = 4, // 厕所
    Medical = 8, // 医疗点
    Supplies = 16, // 物资储备
    Broadcast = 32, // 广播
    Kitchen = 64, // 炊事
    FireFighting = 128, // 消防设施
}

/// <summary>
/// 避难场所 (seeds 001, 002: 统筹规划紧急避难场所; 建设一批应急避难场所): owned by a township or a village (a village's
/// shelter also carries its township), with its capacity, area, facilities, manager and optional coordinates.
/// </summary>
internal sealed class Shelter
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int? TownshipId { get; set; }

    public int? VillageId { get; set; }

    /// <summary>The owner unit's name as it was when saved.</summary>
    public string OwnerName { get; set; } = "";

    public string Address { get; set; } = "";

    public ShelterKind Kind { get; set; }

    /// <summary>可容纳人数.</summary>
    public int Capacity { get; set; }

    /// <summary>有效避难面积 (m²).</summary>
    public double Area { get; set; }

    public ShelterFacilities Facilities { get; set; }

    public string ManagerName { get; set; } = "";

    public string ManagerMobile { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public ShelterStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }
}
