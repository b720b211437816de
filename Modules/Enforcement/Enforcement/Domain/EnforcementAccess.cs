using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;

namespace Emergency.Enforcement.Domain;

/// <summary>
/// Who may do what in enforcement (seed 002: 县应急管理局依法委托各乡镇; 一个企业明确一个监管主体):
/// <list type="bullet">
/// <item>the county (county admin, emergency bureau) keeps the whole directory and the county's officers, and draws
/// for the targets under the county bureau's jurisdiction;</item>
/// <item>an entrusted township sees and keeps the targets in its township or under its jurisdiction and its own
/// officers, and draws for the targets under its jurisdiction;</item>
/// <item>county leaders read everything and change nothing; villages and other departments see nothing.</item>
/// </list>
/// A record outside the user's view is not found (404); another county's lives in another store.
/// </summary>
internal sealed class EnforcementAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    public IQueryable<Target> Visible(IQueryable<Target> query) => Scope switch
    {
        { SeesWholeCounty: true } => query,
        { Level: UserScope.Township, TownshipId: { } t } => query.Where(x => x.TownshipId == t || x.JurisdictionTownshipId == t),
        _ => query.Where(_ => false),
    };

    public IQueryable<Officer> Visible(IQueryable<Officer> query) => Scope switch
    {
        { SeesWholeCounty: true } => query,
        { Level: UserScope.Township, TownshipId: { } t } => query.Where(x => x.TownshipId == t),
        _ => query.Where(_ => false),
    };

    public IQueryable<Draw> Visible(IQueryable<Draw> query) => Scope switch
    {
        { SeesWholeCounty: true } => query,
        { Level: UserScope.Township, TownshipId: { } t } => query.Where(x => x.TownshipId == t),
        _ => query.Where(_ => false),
    };

    public IQueryable<Plan> Visible(IQueryable<Plan> query) => Scope switch
    {
        { SeesWholeCounty: true } => query,
        { Level: UserScope.Township, TownshipId: { } t } => query.Where(x => x.TownshipId == t),
        _ => query.Where(_ => false),
    };

    /// <summary>A township sees only its own inspections (those it made as the entrusted unit); the county sees all.</summary>
    public IQueryable<Inspection> Visible(IQueryable<Inspection> query) => Scope switch
    {
        { SeesWholeCounty: true } => query,
        { Level: UserScope.Township, TownshipId: { } t } => query.Where(x => x.TownshipId == t),
        _ => query.Where(_ => false),
    };

    /// <summary>A township sees its own cases and those it referred to the county; the county sees all.</summary>
    public IQueryable<Case> Visible(IQueryable<Case> query) => Scope switch
    {
        { SeesWholeCounty: true } => query,
        { Level: UserScope.Township, TownshipId: { } t } => query.Where(x => x.TownshipId == t || x.ReferredByTownshipId == t),
        _ => query.Where(_ => false),
    };

    /// <summary>Acts for the unit (county bureau when <paramref name="township"/> is null): the county manager, or the township itself.</summary>
    public bool ActsForUnit(int? township) => township is { } t ? Scope.ActsForTownship(t) : IsCountyManager;

    /// <summary>Keeps this target (edits it, records conflicts on it): the county manager, or its own township.</summary>
    public bool Keeps(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsCountyManager || Scope.ActsForTownship(target.TownshipId);
    }

    /// <summary>Keeps this officer: the county manager, or the officer's own township.</summary>
    public bool Keeps(Officer officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return IsCountyManager || (officer.TownshipId is { } t && Scope.ActsForTownship(t));
    }

    /// <summary>The townships the user may add targets or officers to: all for the county manager, its own for a township, none otherwise.</summary>
    public async Task<IReadOnlyList<UnitInfo>> TownshipsKeptAsync(ICountyUnits units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (!CanWrite)
        {
            return [];
        }

        var townships = await units.TownshipsAsync(County, cancellationToken);
        return IsCountyManager ? townships
            : Scope.Level == UserScope.Township ? townships.Where(t => t.Id == Scope.TownshipId).ToList()
            : [];
    }

    /// <summary>The jurisdiction the user draws for: the county bureau (null township) for the county manager, its own for a township; none otherwise.</summary>
    public (bool May, int? Township, string UnitName) Drawer() => Scope switch
    {
        { CanWrite: true, IsCountyManager: true } => (true, null, "县应急管理局"),
        { CanWrite: true, Level: UserScope.Township, TownshipId: { } t } => (true, t, Scope.Unit?.Name ?? ""),
        _ => (false, null, ""),
    };
}
