using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.BuildingBlocks.Modules;

/// <summary>
/// What a module needs to fill its store of the demo county (<see cref="ModuleDefinition.SeedDemoAsync"/>):
/// the county, its units, the demo accounts of each unit, the clock, and the module's own store of the
/// county. Given once, on the first run, after the county, its accounts and the module stores exist.
/// </summary>
public sealed class DemoSeedContext(
    string county,
    IReadOnlyList<UnitInfo> townships,
    IReadOnlyList<UnitInfo> villages,
    IReadOnlyList<UnitInfo> departments,
    IReadOnlyList<UnitInfo> departmentsUsing,
    IReadOnlyDictionary<string, IReadOnlyList<string>> userNamesByUnit,
    TimeProvider clock,
    Func<StoreDbContext> openStore)
{
    /// <summary>The demo county's code (6-digit 行政区划代码).</summary>
    public string County { get; } = county;

    public IReadOnlyList<UnitInfo> Townships { get; } = townships;

    public IReadOnlyList<UnitInfo> Villages { get; } = villages;

    public IReadOnlyList<UnitInfo> Departments { get; } = departments;

    /// <summary>The departments that have switched this module on.</summary>
    public IReadOnlyList<UnitInfo> DepartmentsUsing { get; } = departmentsUsing;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The county emergency bureau (应急管理局).</summary>
    public UnitInfo EmergencyBureau => Departments.First(d => d.IsEmergencyBureau);

    public UnitInfo Township(string name) => Townships.First(t => t.Name == name);

    public UnitInfo Village(string name) => Villages.First(v => v.Name == name);

    public UnitInfo Department(string name) => Departments.First(d => d.Name == name);

    /// <summary>The user names of the demo accounts of a unit (e.g. the grid member's account of 河口村), none when it has none.</summary>
    public IReadOnlyList<string> UserNamesOf(UnitInfo unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return userNamesByUnit.TryGetValue(unit.Key, out var names) ? names : [];
    }

    /// <summary>
    /// Opens the module's own store of the demo county. Writes go through the module's DbContext and
    /// SaveChanges, so the audit log and whatever the context keeps in step on saving stay right.
    /// </summary>
    public TContext OpenStore<TContext>()
        where TContext : StoreDbContext =>
        openStore() as TContext ?? throw new InvalidOperationException($"The module's store is not a {typeof(TContext).Name}.");
}
