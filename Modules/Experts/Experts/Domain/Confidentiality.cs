namespace Emergency.Experts.Domain;

/// <summary>
/// 涉密: a classified dispatch or meeting shows its content only to the organising department, the county
/// managers (emergency bureau, county admin), county leaders, and the invited experts through their link.
/// </summary>
internal static class Confidentiality
{
    public const string Masked = "涉密";

    public const string Note = "本条为涉密信息，仅组织单位和受邀专家可见";

    public static bool SeesContent(this ExpertsAccess access, bool classified, int organiserDepartmentId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return !classified || access.SeesWholeCounty || access.DepartmentId == organiserDepartmentId;
    }

    /// <summary>May create dispatches and meetings, and returns the department acting (the bureau for the county admin).</summary>
    public static async Task<(int Id, string Name)?> OrganiserAsync(this ExpertsAccess access, Emergency.BuildingBlocks.Tenancy.ICountyUnits units, string county, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(units);
        if (!access.CanWrite)
        {
            return null;
        }

        var departments = await units.DepartmentsAsync(county, cancellationToken);
        if (access.DepartmentId is { } id)
        {
            var own = departments.FirstOrDefault(d => d.Id == id);
            return own is null ? null : (own.Id, own.Name);
        }

        if (access.Scope.IsCountyAdmin && departments.FirstOrDefault(d => d.IsEmergencyBureau) is { } bureau)
        {
            return (bureau.Id, bureau.Name);
        }

        return null;
    }
}
