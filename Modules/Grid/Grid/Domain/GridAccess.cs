using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>
/// Who may do what in the grid module:
/// <list type="bullet">
/// <item>township users act for their township: grids, members, stations, assign, re-inspect, close, verify disasters;</item>
/// <item>village users (grid members) report for the grids they cover and see their village's hazards;</item>
/// <item>department users see only hazards assigned to their department, rectify them and report in (报到);</item>
/// <item>the county admin and the emergency bureau see everything and run the overdue sweep; county leaders read all and write nothing.</item>
/// </list>
/// Another county's records live in another store: they are simply not found (404).
/// </summary>
internal sealed class GridAccess(ICurrentUser user, ICountyUnits units, ICountyContext county)
{
    private UnitInfo? unit;
    private bool unitLoaded;

    public ICurrentUser User => user;

    public string County => county.Required;

    public bool CanWrite => user.IsAuthenticated && !user.IsReadOnly;

    public UserScope Scope => user.Scope;

    public int? TownshipId => user.Scope is UserScope.Township or UserScope.Village ? user.TownshipId : null;

    public int? VillageId => user.Scope == UserScope.Village ? user.VillageId : null;

    public int? DepartmentId => user.Scope == UserScope.Department ? user.DepartmentId : null;

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
                UserScope.Village when user.VillageId is { } id =>
                    (await units.VillagesAsync(county.Required, cancellationToken)).FirstOrDefault(v => v.Id == id),
                _ => null,
            };
            unitLoaded = true;
        }

        return unit;
    }

    /// <summary>The county admin or a user of the county emergency bureau, who may write.</summary>
    public async Task<bool> IsCountyManagerAsync(CancellationToken cancellationToken) =>
        CanWrite && (user.IsCountyAdmin || (await UnitAsync(cancellationToken))?.IsEmergencyBureau == true);

    /// <summary>Sees every record of the county: county posts (admin, leaders) and the emergency bureau.</summary>
    public async Task<bool> SeesWholeCountyAsync(CancellationToken cancellationToken) =>
        user.Scope == UserScope.County || (await UnitAsync(cancellationToken))?.IsEmergencyBureau == true;

    /// <summary>The hazards the user may see.</summary>
    public async Task<IQueryable<Hazard>> VisibleAsync(IQueryable<Hazard> hazards, CancellationToken cancellationToken)
    {
        if (await SeesWholeCountyAsync(cancellationToken))
        {
            return hazards;
        }

        return user.Scope switch
        {
            UserScope.Township when user.TownshipId is { } t => hazards.Where(h => h.TownshipId == t),
            UserScope.Village when user.VillageId is { } v => hazards.Where(h => h.VillageId == v),
            UserScope.Department when user.DepartmentId is { } d => hazards.Where(h => h.DepartmentId == d),
            _ => hazards.Where(h => false),
        };
    }

    /// <summary>The user's scope as a ledger filter: nothing for the whole county, else their township, village or department.</summary>
    public async Task<Ledger.LedgerFilter> ScopeFilterAsync(CancellationToken cancellationToken) =>
        await SeesWholeCountyAsync(cancellationToken)
            ? new Ledger.LedgerFilter()
            : user.Scope switch
            {
                UserScope.Township when user.TownshipId is { } t => new Ledger.LedgerFilter(TownshipId: t),
                UserScope.Village when user.VillageId is { } v => new Ledger.LedgerFilter(VillageId: v),
                UserScope.Department when user.DepartmentId is { } d => new Ledger.LedgerFilter(DepartmentId: d),
                _ => new Ledger.LedgerFilter(TownshipId: -1),
            };

    public async Task<bool> MaySeeAsync(Hazard hazard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        return await SeesWholeCountyAsync(cancellationToken) || user.Scope switch
        {
            UserScope.Township => user.TownshipId == hazard.TownshipId,
            UserScope.Village => user.VillageId == hazard.VillageId,
            UserScope.Department => user.DepartmentId is { } d && hazard.DepartmentId == d,
            _ => false,
        };
    }

    /// <summary>The grids (and members, stations) the user may see: a township its own, a village its own, the rest all.</summary>
    public IQueryable<GridArea> VisibleGrids(IQueryable<GridArea> grids) => user.Scope switch
    {
        UserScope.Township when user.TownshipId is { } t => grids.Where(g => g.TownshipId == t),
        UserScope.Village when user.VillageId is { } v => grids.Where(g => g.VillageId == v),
        _ => grids,
    };

    /// <summary>Township steps (assign, plan, re-inspect, close, reject, decide extensions, verify disasters).</summary>
    public bool ActsForTownship(int townshipId) => CanWrite && user.Scope == UserScope.Township && user.TownshipId == townshipId;

    /// <summary>Department steps on a hazard assigned to it (rectify, request an extension, report in).</summary>
    public bool ActsForDepartment(int? departmentId) =>
        CanWrite && user.Scope == UserScope.Department && departmentId is not null && user.DepartmentId == departmentId;

    /// <summary>Grids, members and stations of a township: its own township users, or the county manager.</summary>
    public async Task<bool> ManagesTownshipAsync(int townshipId, CancellationToken cancellationToken) =>
        ActsForTownship(townshipId) || await IsCountyManagerAsync(cancellationToken);

    /// <summary>Whether the user may manage grids at all (shows the forms).</summary>
    public async Task<bool> ManagesAnyAsync(CancellationToken cancellationToken) =>
        (CanWrite && user.Scope == UserScope.Township) || await IsCountyManagerAsync(cancellationToken);
}
