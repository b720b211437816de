using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;

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
/// One instance per request; the unit lookup is done once.
/// </summary>
internal sealed class ExpertsAccess(ICurrentUser user, ICountyUnits units, ICountyContext county)
{
    private UnitInfo? unit;
    private bool unitLoaded;

    public ICurrentUser User => user;

    public bool CanWrite => user.IsAuthenticated && !user.IsReadOnly;

    /// <summary>The user's own unit (department or township), or null for county-wide posts.</summary>
    public async Task<UnitInfo?> UnitAsync(CancellationToken cancellationToken)
    {
        if (!unitLoaded)
        {
            unit = user.Scope switch
            {
                UserScope.Department when user.DepartmentId is { } id =>
                    (await units.DepartmentsAsync(county.Required, cancellationToken)).FirstOrDefault(d => d.Id == id),
                UserScope.Township when user.TownshipId is { } id =>
                    (await units.TownshipsAsync(county.Required, cancellationToken)).FirstOrDefault(t => t.Id == id),
                _ => null,
            };
            unitLoaded = true;
        }

        return unit;
    }

    /// <summary>County-level management: the county admin or a user of the county emergency bureau.</summary>
    public async Task<bool> IsCountyManagerAsync(CancellationToken cancellationToken) =>
        CanWrite && (user.IsCountyAdmin || (await UnitAsync(cancellationToken))?.IsEmergencyBureau == true);

    /// <summary>Sees every expert and record of the county (managers and read-only leaders).</summary>
    public async Task<bool> SeesWholeCountyAsync(CancellationToken cancellationToken) =>
        user.Scope == UserScope.County || await IsCountyManagerAsync(cancellationToken);

    /// <summary>The department the user acts for (dispatches, meetings, own team), or null.</summary>
    public int? DepartmentId => user.Scope == UserScope.Department ? user.DepartmentId : null;
}
