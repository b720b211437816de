using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.Readiness.Domain;

/// <summary>
/// Who sees and records what:
/// <list type="bullet">
/// <item>the county (county posts, the emergency bureau, the read-only leader) sees every township and village;</item>
/// <item>a township sees itself and its villages and records its office, mechanisms and 十个一 documents, and its villages' records;</item>
/// <item>a village sees and records its own; a department sees nothing here;</item>
/// <item>the county manager (admin, emergency bureau) records for any unit and approves a change of office director;
/// the county admin rebuilds the read model.</item>
/// </list>
/// A township or village not of the user's county, or outside the user's scope, is not found (404).
/// </summary>
internal sealed class ReadinessAccess(IUserScope scopes, ICountyContext county, ICountyUnits units) : ScopedAccess(scopes, county)
{
    /// <summary>The township, if it is of this county and in the user's view; else null (404).</summary>
    public async Task<UnitInfo?> TownshipAsync(int id, CancellationToken cancellationToken)
    {
        var township = (await units.TownshipsAsync(County, cancellationToken)).FirstOrDefault(t => t.Id == id);
        return township is not null && (SeesWholeCounty || (Scope.Level == UserScope.Township && TownshipId == id)) ? township : null;
    }

    /// <summary>The village, if it is of this county and in the user's view; else null (404).</summary>
    public async Task<UnitInfo?> VillageAsync(int id, CancellationToken cancellationToken)
    {
        var village = (await units.VillagesAsync(County, cancellationToken)).FirstOrDefault(v => v.Id == id);
        if (village is null)
        {
            return null;
        }

        return SeesWholeCounty
            || (Scope.Level == UserScope.Township && TownshipId == village.ParentId)
            || (Scope.Level == UserScope.Village && VillageId == id) ? village : null;
    }

    /// <summary>Records the township's office and documents: the township itself or the county manager.</summary>
    public bool RecordsFor(UnitInfo township) => township is not null && (IsCountyManager || ActsForTownship(township.Id));

    /// <summary>Records a village's organisation and rules: the village, its township or the county manager.</summary>
    public bool RecordsForVillage(UnitInfo village) =>
        village is not null && (IsCountyManager || Scope.ActsForVillage(village.Id) || (village.ParentId is { } t && ActsForTownship(t)));

    /// <summary>Approves a change of office director: the county bureau (county manager).</summary>
    public bool Approves => IsCountyManager;

    /// <summary>Rebuilds the read model from the journal: the county admin.</summary>
    public bool Rebuilds => CanWrite && Scope.IsCountyAdmin;
}
