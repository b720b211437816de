using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;

namespace Emergency.Plans.Domain;

/// <summary>
/// Who may do what with plans:
/// <list type="bullet">
/// <item>the whole county (county posts, the emergency bureau) sees every plan; the county manager keeps the
/// registry for every unit and owns the county government's plans;</item>
/// <item>a department, township or village sees the county government's plans (its higher plans) and its own;
/// a township also its villages' plans (it receives their filings);</item>
/// <item>a plan's owner unit revises, issues and submits it for filing; the receiver (the county bureau, or the
/// township for a village plan) registers it or asks for 补正.</item>
/// </list>
/// A plan outside the user's view is not found (404); another county's lives in another store.
/// </summary>
internal sealed class PlansAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    /// <summary>The plans the user may open (the county government's plans are every unit's higher plans).</summary>
    public IQueryable<Plan> Visible(IQueryable<Plan> query)
    {
        var scope = Scope;
        if (scope.SeesWholeCounty)
        {
            return query;
        }

        return scope switch
        {
            { Level: UserScope.Township, TownshipId: { } t } => query.Where(p => p.OwnerLevel == OwnerLevel.County || p.TownshipId == t),
            { Level: UserScope.Village, VillageId: { } v } => query.Where(p => p.OwnerLevel == OwnerLevel.County || p.VillageId == v),
            { Level: UserScope.Department, DepartmentId: { } d } => query.Where(p => p.OwnerLevel == OwnerLevel.County || p.DepartmentId == d),
            _ => query.Where(_ => false),
        };
    }

    /// <summary>Revises, issues and submits this plan: its owner unit, or the county manager (who keeps the registry).</summary>
    public bool Owns(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (IsCountyManager)
        {
            return true;
        }

        return plan.OwnerLevel switch
        {
            OwnerLevel.Department => ActsForDepartment(plan.DepartmentId),
            OwnerLevel.Township => plan.TownshipId is { } t && ActsForTownship(t),
            OwnerLevel.Village => (plan.VillageId is { } v && Scope.ActsForVillage(v)) || (plan.TownshipId is { } vt && ActsForTownship(vt)),
            _ => false,
        };
    }

    /// <summary>Submits this plan for filing (报送备案): a writer of its owner unit itself — not the receiver on its behalf.</summary>
    public bool Submits(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.OwnerLevel switch
        {
            OwnerLevel.Department => ActsForDepartment(plan.DepartmentId),
            OwnerLevel.Township => plan.TownshipId is { } t && ActsForTownship(t),
            OwnerLevel.Village => plan.VillageId is { } v && Scope.ActsForVillage(v),
            _ => false,
        };
    }

    /// <summary>Answers this filing (登记 / 补正): a writer of the receiving unit (the county manager for the bureau).</summary>
    public bool Receives(Filing filing)
    {
        ArgumentNullException.ThrowIfNull(filing);
        return filing.ReceiverKind == UnitKind.Township ? ActsForTownship(filing.ReceiverId) : IsCountyManager;
    }

    /// <summary>
    /// The units the user may register a plan for, by level: every unit for the county manager; a department
    /// itself; a township itself and its villages; a village itself. Null: registers nothing.
    /// </summary>
    public async Task<OwnerOptions?> OwnerOptionsAsync(ICountyUnits units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        var scope = Scope;
        if (!scope.CanWrite)
        {
            return null;
        }

        var departments = await units.DepartmentsAsync(County, cancellationToken);
        var townships = await units.TownshipsAsync(County, cancellationToken);
        var villages = await units.VillagesAsync(County, cancellationToken);
        if (IsCountyManager)
        {
            return new OwnerOptions(true, departments, townships, villages);
        }

        return scope switch
        {
            { Level: UserScope.Department, DepartmentId: { } d } => new OwnerOptions(false, departments.Where(x => x.Id == d).ToList(), [], []),
            { Level: UserScope.Township, TownshipId: { } t } => new OwnerOptions(false, [], townships.Where(x => x.Id == t).ToList(), villages.Where(v => v.ParentId == t).ToList()),
            { Level: UserScope.Village, VillageId: { } v } => new OwnerOptions(false, [], [], villages.Where(x => x.Id == v).ToList()),
            _ => null,
        };
    }
}

/// <summary>The units a user may register plans for; <paramref name="County"/>: the county government's own plans too.</summary>
internal sealed record OwnerOptions(bool County, IReadOnlyList<UnitInfo> Departments, IReadOnlyList<UnitInfo> Townships, IReadOnlyList<UnitInfo> Villages);
