using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>
/// Who may see and change which rescue team:
/// <list type="bullet">
/// <item>the county admin and the emergency bureau see and manage every team; county leaders read all and change nothing;</item>
/// <item>a department sees and manages the teams it owns (its professional team);</item>
/// <item>a township sees and manages its own teams and those of its villages;</item>
/// <item>a village sees and manages its own teams.</item>
/// </list>
/// Another county's teams live in another store: they are simply not found (404).
/// </summary>
internal sealed class TeamsAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    /// <summary>A team is its township's (also a village team: its village's township), its village's or its department's.</summary>
    public static readonly UnitColumns<RescueTeam> Teams = new(t => t.TownshipId, t => t.VillageId, t => t.DepartmentId);

    public bool MaySee(RescueTeam team) => Scope.Sees(team, Teams);

    /// <summary>Changes the team and its members: the county manager, or a writing user of a unit that sees it.</summary>
    public bool MayManage(RescueTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return IsCountyManager || (CanWrite && Scope.Level switch
        {
            UserScope.Township => TownshipId is not null && team.TownshipId == TownshipId,
            UserScope.Village => VillageId is not null && team.VillageId == VillageId,
            UserScope.Department => DepartmentId is not null && team.DepartmentId == DepartmentId,
            _ => false,
        });
    }

    /// <summary>Registers teams at all (shows the 新建队伍 button).</summary>
    public bool ManagesAny => IsCountyManager || (CanWrite && Scope.Level is UserScope.Township or UserScope.Village or UserScope.Department && Scope.Unit is not null);

    /// <summary>The county overview (counts per kind, below minimum) for those who see the whole county.</summary>
    public bool SeesOverview => SeesWholeCounty;

    /// <summary>
    /// The units the user may register a team of this kind for: townships (township and park teams), villages
    /// (village teams), departments (professional teams), any of the user's units (enterprise and volunteer teams).
    /// Empty when the user may not register such a team at all.
    /// </summary>
    public IReadOnlyList<UnitInfo> OwnersFor(TeamKind kind, IReadOnlyList<UnitInfo> townships, IReadOnlyList<UnitInfo> villages, IReadOnlyList<UnitInfo> departments)
    {
        ArgumentNullException.ThrowIfNull(townships);
        ArgumentNullException.ThrowIfNull(villages);
        ArgumentNullException.ThrowIfNull(departments);
        var mine = Mine(townships, villages, departments);
        return kind switch
        {
            TeamKind.Township or TeamKind.Park => mine.Where(u => u.Kind == UnitKind.Township).ToList(),
            TeamKind.Village => mine.Where(u => u.Kind == UnitKind.Village).ToList(),
            TeamKind.CountyProfessional => mine.Where(u => u.Kind == UnitKind.Department).ToList(),
            _ => mine,
        };
    }

    /// <summary>The units whose teams the user manages: all for the county manager, else their own (a township with its villages).</summary>
    private List<UnitInfo> Mine(IReadOnlyList<UnitInfo> townships, IReadOnlyList<UnitInfo> villages, IReadOnlyList<UnitInfo> departments)
    {
        if (IsCountyManager)
        {
            return [.. townships, .. villages, .. departments];
        }

        if (!CanWrite)
        {
            return [];
        }

        return Scope.Level switch
        {
            UserScope.Township => [.. townships.Where(t => t.Id == TownshipId), .. villages.Where(v => v.ParentId == TownshipId)],
            UserScope.Village => villages.Where(v => v.Id == VillageId).ToList(),
            UserScope.Department => departments.Where(d => d.Id == DepartmentId).ToList(),
            _ => [],
        };
    }
}
