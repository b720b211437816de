using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>
/// Who may see and change which shelter (避难场所): the county (admin, leaders, emergency bureau) sees all; a
/// township its own and its villages'; a village its own; departments read them all (shelters are for every
/// department's response). The county managers change any, a township its own and its villages', a village its
/// own. Another county's shelters are in another store (404).
/// </summary>
internal sealed class ShelterAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    public static readonly UnitColumns<Shelter> Shelters = new(s => s.TownshipId, s => s.VillageId, othersSeeAll: true);

    public bool MaySee(Shelter shelter) => Scope.Sees(shelter, Shelters);

    public bool MayManage(Shelter shelter)
    {
        ArgumentNullException.ThrowIfNull(shelter);
        return IsCountyManager || (CanWrite && Scope.Level switch
        {
            UserScope.Township => TownshipId is not null && shelter.TownshipId == TownshipId,
            UserScope.Village => VillageId is not null && shelter.VillageId == VillageId,
            _ => false,
        });
    }

    /// <summary>Registers shelters at all (the 新建避难场所 button).</summary>
    public bool ManagesAny => IsCountyManager || (CanWrite && Scope.Level is UserScope.Township or UserScope.Village && Scope.Unit is not null);

    /// <summary>The townships and villages the user may own a shelter for.</summary>
    public IReadOnlyList<UnitInfo> Owners(IReadOnlyList<UnitInfo> townships, IReadOnlyList<UnitInfo> villages)
    {
        ArgumentNullException.ThrowIfNull(townships);
        ArgumentNullException.ThrowIfNull(villages);
        if (IsCountyManager)
        {
            return [.. townships, .. villages];
        }

        if (!CanWrite)
        {
            return [];
        }

        return Scope.Level switch
        {
            UserScope.Township => [.. townships.Where(t => t.Id == TownshipId), .. villages.Where(v => v.ParentId == TownshipId)],
            UserScope.Village => villages.Where(v => v.Id == VillageId).ToList(),
            _ => [],
        };
    }
}
