namespace Emergency.BuildingBlocks.Tenancy;

/// <summary>The kinds of unit a county is made of.</summary>
public enum UnitKind
{
    Department = 0,
    Township = 1,
    Village = 2,
}

/// <summary>
/// A unit of a county: a department, a township or a village. <see cref="ParentId"/> is the
/// township of a village. <see cref="IsEmergencyBureau"/> marks the county emergency bureau
/// (应急管理部门), which organises county-wide work in most modules.
/// </summary>
public sealed record UnitInfo(UnitKind Kind, int Id, string Name, int? ParentId = null, bool IsEmergencyBureau = false)
{
    public string Key => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
