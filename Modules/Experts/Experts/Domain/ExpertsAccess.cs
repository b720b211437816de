using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;

namespace Emergency.Experts.Domain;

/// <summary>
/// Who may do what in the expert pool (seed 000: 县政府应急管理部门负责专家队伍建设、管理和协调指导;
/// 业务主管部门组建本部门专家队伍; 主管部门负责、分级调用):
/// <list type="bullet">
/// <item>the county emergency bureau and the county admin manage the county team: rounds, selection, approval, exits;</item>
/// <item>every department (and township) recommends for its unit and manages its own department team;</item>
/// <item>a department dispatches and holds meetings as the competent department;</item>
/// <item>county leaders read everything and change nothing.</item>
/// </list>
/// </summary>
internal sealed class ExpertsAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    /// <summary>The unit the user recommends for (a department or a township), or null for county-wide posts and villages.</summary>
    public UnitInfo? Unit => Scope.Unit is { Kind: UnitKind.Department or UnitKind.Township } unit ? unit : null;

    /// <summary>Managers and leaders open every expert; a department the county team and its own team.</summary>
    public bool MayOpen(Expert expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        return expert.Level == ExpertTeamLevel.County || SeesWholeCounty || (DepartmentId is { } department && expert.DepartmentId == department);
    }

    /// <summary>Manages this expert's record (availability, exits, incentives): the county manager, or the expert's own department.</summary>
    public bool ManagesExpert(Expert expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        return IsCountyManager || (CanWrite && DepartmentId is { } own && own == expert.DepartmentId);
    }
}
