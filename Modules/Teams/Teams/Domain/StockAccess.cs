using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>
/// Who may see and change which storage site and its stock: everyone in scope reads (the county all, a department
/// its own sites, a township its own and its villages', a village its own); the site's owner unit and the county
/// managers write; the county managers keep the catalogue. Another county's sites are in another store (404).
/// </summary>
internal sealed class StockAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    public static readonly UnitColumns<StorageSite> Sites = new(s => s.TownshipId, s => s.VillageId, s => s.DepartmentId);

    public static readonly UnitColumns<StockItem> Stock = new(s => s.TownshipId, s => s.VillageId, s => s.DepartmentId);

    public bool MaySee(StorageSite site) => Scope.Sees(site, Sites);

    /// <summary>The owner unit itself (a township not its villages' sites) or a county manager.</summary>
    public bool MayManage(StorageSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return IsCountyManager || (CanWrite && Scope.Level switch
        {
            UserScope.Township => TownshipId is not null && site.TownshipId == TownshipId && site.VillageId is null && site.DepartmentId is null,
            UserScope.Village => VillageId is not null && site.VillageId == VillageId,
            UserScope.Department => DepartmentId is not null && site.DepartmentId == DepartmentId,
            _ => false,
        });
    }

    /// <summary>Sets up sites at all (the 新建储备点 button).</summary>
    public bool ManagesAny => IsCountyManager || (CanWrite && Scope.Level is UserScope.Township or UserScope.Village or UserScope.Department && Scope.Unit is not null);

    /// <summary>Keeps the county's catalogue of kinds.</summary>
    public bool ManagesCatalogue => IsCountyManager;

    /// <summary>The units the user may own a site for: all for a county manager, else the user's own unit.</summary>
    public IReadOnlyList<UnitInfo> Owners(IReadOnlyList<UnitInfo> townships, IReadOnlyList<UnitInfo> villages, IReadOnlyList<UnitInfo> departments)
    {
        ArgumentNullException.ThrowIfNull(townships);
        ArgumentNullException.ThrowIfNull(villages);
        ArgumentNullException.ThrowIfNull(departments);
        if (IsCountyManager)
        {
            return [.. departments, .. townships, .. villages];
        }

        if (!CanWrite)
        {
            return [];
        }

        return Scope.Level switch
        {
            UserScope.Township => townships.Where(t => t.Id == TownshipId).ToList(),
            UserScope.Village => villages.Where(v => v.Id == VillageId).ToList(),
            UserScope.Department => departments.Where(d => d.Id == DepartmentId).ToList(),
            _ => [],
        };
    }
}
