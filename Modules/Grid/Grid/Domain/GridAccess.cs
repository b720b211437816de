using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Ledger;

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
internal sealed partial class GridAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    /// <summary>A hazard is its township's, its village's and, once assigned, its department's.</summary>
    public static readonly UnitColumns<Hazard> Hazards = new(h => h.TownshipId, h => h.VillageId, h => h.DepartmentId);

    /// <summary>Grids, members and stations: a township its own, a village its own, departments all.</summary>
    public static readonly UnitColumns<GridArea> Grids = new(g => g.TownshipId, g => g.VillageId, othersSeeAll: true);

    public static readonly UnitColumns<GridMember> Members = new(m => m.TownshipId, m => m.VillageId, othersSeeAll: true);

    public static readonly UnitColumns<ServiceStation> Stations = new(s => s.TownshipId, s => s.VillageId, othersSeeAll: true);

    /// <summary>Disaster reports: their township and village, and the county; not other departments.</summary>
    public static readonly UnitColumns<DisasterReport> Disasters = new(d => d.TownshipId, d => d.VillageId);

    /// <summary>The user's scope as a ledger filter: nothing fixed for the whole county, else their township, village or department.</summary>
    public LedgerFilter LedgerScope() => Scope switch
    {
        { SeesWholeCounty: true } => new LedgerFilter(),
        { Level: UserScope.Township, TownshipId: { } t } => new LedgerFilter(TownshipId: t),
        { Level: UserScope.Village, VillageId: { } v } => new LedgerFilter(TownshipId: Scope.TownshipId, VillageId: v),
        { Level: UserScope.Department, DepartmentId: { } d } => new LedgerFilter(DepartmentId: d),
        _ => new LedgerFilter(Nothing: true),
    };

    public bool MaySee(Hazard hazard) => Scope.Sees(hazard, Hazards);

    public bool MaySee(DisasterReport report) => Scope.Sees(report, Disasters);

    /// <summary>Reports hazards and disasters: a township user or a grid member (village user) who may write.</summary>
    public bool Reports => CanWrite && Scope.Level is UserScope.Township or UserScope.Village && TownshipId is not null;

    /// <summary>Reports from the grids of the whole township (a township user) rather than the grids the member covers.</summary>
    public bool ReportsForTownship => Reports && Scope.Level == UserScope.Township;

    /// <summary>Is a department user (sees the 报到 list of their department).</summary>
    public bool IsDepartment => Scope.Level == UserScope.Department && DepartmentId is not null;

    /// <summary>Is a township user (sees the 报到 list of their township).</summary>
    public bool IsTownship => Scope.Level == UserScope.Township && TownshipId is not null;

    /// <summary>Grids, members and stations of a township: its own township users, or the county manager.</summary>
    public bool ManagesTownship(int townshipId) => ActsForTownship(townshipId) || IsCountyManager;

    /// <summary>Whether the user may manage grids at all (shows the forms).</summary>
    public bool ManagesAny => (CanWrite && Scope.Level == UserScope.Township) || IsCountyManager;

    /// <summary>The villages the user works with: all for county posts and departments, else their township's (a village user's own).</summary>
    public IReadOnlyList<UnitInfo> OwnVillages(IReadOnlyList<UnitInfo> villages)
    {
        ArgumentNullException.ThrowIfNull(villages);
        return Scope.Level switch
        {
            _ when IsCountyManager || SeesWholeCounty => villages,
            UserScope.Township => villages.Where(v => v.ParentId == TownshipId).ToList(),
            UserScope.Village => villages.Where(v => v.Id == VillageId).ToList(),
            UserScope.County or UserScope.Department => villages,
            _ => [],
        };
    }
}
