using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>
/// Who sees and keeps which duty roster (应急值守) and weekly village plan. The county's roster (roster 0): every user
/// of the county sees it, the county emergency bureau (or the county admin) keeps it. A township's roster: the whole
/// county, the township and its villages see it, the township keeps it. A village's weekly plan: filed by that village,
/// seen by its township and the county. County leaders read and change nothing; another county's records are not in
/// this county's store (404).
/// </summary>
internal sealed class DutyAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    /// <summary>The county's own roster.</summary>
    public const int CountyRoster = 0;

    public bool MaySeeRoster(int roster) =>
        Scope.Level != UserScope.Platform && (roster == CountyRoster || SeesWholeCounty || TownshipId == roster);

    /// <summary>Keeps the roster: enters days, decides swaps, writes the duty log.</summary>
    public bool MayKeep(int roster) => roster == CountyRoster ? IsCountyManager : ActsForTownship(roster);

    /// <summary>The rosters the user sees: the county's, then the townships' (their own, or all for the county).</summary>
    public IReadOnlyList<UnitInfo> Rosters(IReadOnlyList<UnitInfo> townships)
    {
        ArgumentNullException.ThrowIfNull(townships);
        if (Scope.Level == UserScope.Platform)
        {
            return [];
        }

        return [new UnitInfo(UnitKind.Township, CountyRoster, DutyRoster.CountyRosterName), .. townships.Where(t => MaySeeRoster(t.Id))];
    }

    /// <summary>Sees the weekly plans of the township's villages (the township and the county).</summary>
    public bool MaySeePlansOf(int townshipId) => SeesWholeCounty || (Scope.Level == UserScope.Township && TownshipId == townshipId);

    public bool MaySeePlan(UnitInfo village)
    {
        ArgumentNullException.ThrowIfNull(village);
        return (village.ParentId is { } t && MaySeePlansOf(t)) || (Scope.Level == UserScope.Village && VillageId == village.Id);
    }

    /// <summary>Files the village's weekly plan (the village's own writing users).</summary>
    public bool MayFile(int villageId) => Scope.ActsForVillage(villageId);

    /// <summary>The person on duty may ask to swap their own shift (by the account the shift names).</summary>
    public bool IsOnDuty(DutyShift shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return CanWrite && shift.UserName is { } user && string.Equals(user, UserName, StringComparison.OrdinalIgnoreCase) && MaySeeRoster(shift.TownshipId);
    }
}
