using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>A shelter as the form gives it.</summary>
internal sealed class ShelterDraft
{
    public string? OwnerKey { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }

    public ShelterKind Kind { get; set; }

    public int? Capacity { get; set; }

    public double? Area { get; set; }

    public List<ShelterFacilities> Facilities { get; set; } = [];

    public string? ManagerName { get; set; }

    public string? ManagerMobile { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public ShelterStatus Status { get; set; }
}

/// <summary>
/// The rules of a shelter (避难场所): a name, an address, a capacity of 1 to 1,000,000 persons, an area in m²,
/// a manager with an 11-digit mobile, optional coordinates within China. A refused draft writes nothing.
/// </summary>
internal sealed class ShelterRegistry(TeamsDbContext db, TimeProvider clock)
{
    public const int MaxCapacity = 1_000_000;

    public async Task<(Shelter? Shelter, IReadOnlyList<FieldError> Errors)> SaveAsync(Shelter? shelter, ShelterDraft draft, UnitInfo owner, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(owner);
        var errors = Check(draft);
        if (owner.Kind is not (UnitKind.Township or UnitKind.Village))
        {
            errors.Add(new FieldError("OwnerKey", "避难场所须属于乡镇或村（社区）"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (shelter is null)
        {
            shelter = new Shelter { CreatedAtUtc = now, CreatedBy = by };
            db.Shelters.Add(shelter);
        }

        shelter.TownshipId = owner.Kind == UnitKind.Township ? owner.Id : owner.ParentId;
        shelter.VillageId = owner.Kind == UnitKind.Village ? owner.Id : null;
        shelter.OwnerName = owner.Name;
        shelter.Name = draft.Name!.Trim();
        shelter.Address = draft.Address!.Trim();
        shelter.Kind = draft.Kind;
        shelter.Capacity = draft.Capacity!.Value;
        shelter.Area = Math.Round(draft.Area!.Value, 1);
        shelter.Facilities = draft.Facilities.Aggregate(ShelterFacilities.None, (all, f) => all | f);
        shelter.ManagerName = draft.ManagerName!.Trim();
        shelter.ManagerMobile = draft.ManagerMobile!.Trim();
        shelter.Latitude = Coordinates.Round(draft.Latitude);
        shelter.Longitude = Coordinates.Round(draft.Longitude);
        shelter.Status = draft.Status;
        shelter.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return (shelter, []);
    }

    private static List<FieldError> Check(ShelterDraft draft)
    {
        var errors = new List<FieldError>();
        if ((draft.Name?.Trim() ?? "").Length is 0 or > 100)
        {
            errors.Add(new FieldError("Name", "请填写避难场所名称（100 字以内）"));
        }

        if ((draft.Address?.Trim() ?? "").Length is 0 or > 200)
        {
            errors.Add(new FieldError("Address", "请填写避难场所地址（200 字以内）"));
        }

        if (!Enum.IsDefined(draft.Kind))
        {
            errors.Add(new FieldError("Kind", "请选择场所类型"));
        }

        if (!Enum.IsDefined(draft.Status))
        {
            errors.Add(new FieldError("Status", "请选择场所状态"));
        }

        if (draft.Capacity is not { } capacity || capacity < 1 || capacity > MaxCapacity)
        {
            errors.Add(new FieldError("Capacity", "可容纳人数应为 1 至 1000000 之间的整数"));
        }

        if (draft.Area is not { } area || double.IsNaN(area) || area <= 0 || area > 10_000_000)
        {
            errors.Add(new FieldError("Area", "请填写有效避难面积（平方米，大于 0）"));
        }

        if (draft.Facilities.Any(f => f == ShelterFacilities.None || !Enum.IsDefined(f)))
        {
            errors.Add(new FieldError("Facilities", "配套设施的选项无效"));
        }

        if ((draft.ManagerName?.Trim() ?? "").Length is 0 or > 50)
        {
            errors.Add(new FieldError("ManagerName", "请填写管理人姓名"));
        }

        if (Contact.ValidateMobile(draft.ManagerMobile) is { } mobileProblem)
        {
            errors.Add(new FieldError("ManagerMobile", "管理人" + mobileProblem));
        }

        Coordinates.Check(errors, draft.Latitude, draft.Longitude);
        return errors;
    }

    public static string KindName(ShelterKind kind) => kind == ShelterKind.Indoor ? "室内" : "室外";

    public static string StatusName(ShelterStatus status) => status switch
    {
        ShelterStatus.Available => "可用",
        ShelterStatus.UnderRepair => "维修",
        _ => "停用",
    };

    public static IReadOnlyList<(ShelterFacilities Facility, string Name)> FacilityNames { get; } =
    [
        (ShelterFacilities.Water, "供水"), (ShelterFacilities.Power, "供电"), (ShelterFacilities.Toilets, "厕所"), (ShelterFacilities.Medical, "医疗点"),
        (ShelterFacilities.Supplies, "物资储备"), (ShelterFacilities.Broadcast, "广播"), (ShelterFacilities.Kitchen, "炊事"), (ShelterFacilities.FireFighting, "消防设施"),
    ];

    public static string FacilitiesText(ShelterFacilities facilities) =>
        string.Join("、", FacilityNames.Where(f => facilities.HasFlag(f.Facility)).Select(f => f.Name));
}
