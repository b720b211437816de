using System.Linq.Expressions;
using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.BuildingBlocks.Access;

/// <summary>
/// What the signed-in user may see and do in the county, decided once per request: the whole county
/// (county posts and the county emergency bureau), a township, a village, a department, or nothing
/// (platform posts, the system). Every module's Access class asks this; page models do not read roles.
/// </summary>
public sealed record UnitScope
{
    /// <summary>No county data (platform posts, a visitor, a job without a user).</summary>
    public static UnitScope Nothing { get; } = new() { Level = UserScope.Platform };

    /// <summary>Where the account sits.</summary>
    public required UserScope Level { get; init; }

    /// <summary>The user's own unit (department, township or village), or null for county-wide posts.</summary>
    public UnitInfo? Unit { get; init; }

    public string UserName { get; init; } = "系统";

    public string DisplayName { get; init; } = "系统";

    /// <summary>The department the user acts for, or null.</summary>
    public int? DepartmentId { get; init; }

    /// <summary>The township the user belongs to (a township user's own, a village user's village's township).</summary>
    public int? TownshipId { get; init; }

    /// <summary>The village of a village user (grid member).</summary>
    public int? VillageId { get; init; }

    public bool IsCountyAdmin { get; init; }

    /// <summary>County leaders read everything and change nothing.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>A signed-in county account that may change records (not a read-only post).</summary>
    public bool CanWrite => Level is not UserScope.Platform && !IsReadOnly;

    /// <summary>The county emergency bureau (应急管理部门), which organises county-wide work.</summary>
    public bool IsEmergencyBureau => Unit is { Kind: UnitKind.Department, IsEmergencyBureau: true };

    /// <summary>Sees every record of the county: county posts (admin, leaders) and the emergency bureau.</summary>
    public bool SeesWholeCounty => Level == UserScope.County || IsEmergencyBureau;

    /// <summary>Manages county-wide work and may write: the county admin or a user of the emergency bureau.</summary>
    public bool IsCountyManager => CanWrite && (IsCountyAdmin || IsEmergencyBureau);

    /// <summary>The post the module permissions are granted to.</summary>
    public Post Post => Level switch
    {
        UserScope.County => IsReadOnly ? Post.CountyLeader : IsCountyAdmin ? Post.CountyAdmin : Post.None,
        UserScope.Department => IsEmergencyBureau ? Post.EmergencyBureau : Post.Department,
        UserScope.Township => Post.Township,
        UserScope.Village => Post.Village,
        _ => Post.None,
    };

    /// <summary>The key of the user's unit (<see cref="UnitInfo.Key"/>), or null.</summary>
    public string? UnitKey => Unit?.Key;

    /// <summary>Acts for this township (a township user of it, who may write).</summary>
    public bool ActsForTownship(int townshipId) => CanWrite && Level == UserScope.Township && TownshipId == townshipId;

    /// <summary>Acts for this village (a village user of it, who may write).</summary>
    public bool ActsForVillage(int villageId) => CanWrite && Level == UserScope.Village && VillageId == villageId;

    /// <summary>Acts for this department (a department user of it, who may write).</summary>
    public bool ActsForDepartment(int? departmentId) =>
        CanWrite && Level == UserScope.Department && departmentId is not null && DepartmentId == departmentId;

    /// <summary>Whether one row is in the user's view, by the same rule as <see cref="Filter{T}"/>.</summary>
    public bool Sees<T>(T row, UnitColumns<T> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (SeesWholeCounty)
        {
            return true;
        }

        var (column, id) = Column(columns);
        return Level != UserScope.Platform && (column is null ? columns.OthersSeeAll : id is not null && column(row) == id);
    }

    /// <summary>
    /// The rows the user may see: all for the whole county; else those of their township, village or
    /// department, by the columns <paramref name="columns"/> names. A post whose kind of unit the rows do
    /// not carry sees them all when <see cref="UnitColumns{T}.OthersSeeAll"/> (e.g. departments see every
    /// grid) and none otherwise.
    /// </summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, UnitColumns<T> columns)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(columns);
        if (SeesWholeCounty)
        {
            return query;
        }

        var column = Level switch
        {
            UserScope.Township => columns.Township,
            UserScope.Village => columns.Village,
            UserScope.Department => columns.Department,
            _ => null,
        };
        var id = Column(columns).Id;
        if (Level == UserScope.Platform || (column is null && !columns.OthersSeeAll) || (column is not null && id is null))
        {
            return query.Where(_ => false);
        }

        if (column is null)
        {
            return query;
        }

        var equals = Expression.Equal(column.Body, Expression.Constant(id, typeof(int?)));
        return query.Where(Expression.Lambda<Func<T, bool>>(equals, column.Parameters));
    }

    private (Func<T, int?>? Column, int? Id) Column<T>(UnitColumns<T> columns) => Level switch
    {
        UserScope.Township => (columns.CompiledTownship, TownshipId),
        UserScope.Village => (columns.CompiledVillage, VillageId),
        UserScope.Department => (columns.CompiledDepartment, DepartmentId),
        _ => (null, null),
    };
}

/// <summary>
/// Which columns of a row name its township, village and department (any may be absent), declared once
/// per entity by its module; <paramref name="OthersSeeAll"/>: a post whose kind of unit the row does not
/// carry sees every row (departments see every grid) rather than none.
/// </summary>
public sealed class UnitColumns<T>(
    Expression<Func<T, int?>>? township = null,
    Expression<Func<T, int?>>? village = null,
    Expression<Func<T, int?>>? department = null,
    bool othersSeeAll = false)
{
    private readonly Lazy<Func<T, int?>?> compiledTownship = new(() => township?.Compile());
    private readonly Lazy<Func<T, int?>?> compiledVillage = new(() => village?.Compile());
    private readonly Lazy<Func<T, int?>?> compiledDepartment = new(() => department?.Compile());

    public Expression<Func<T, int?>>? Township => township;

    public Expression<Func<T, int?>>? Village => village;

    public Expression<Func<T, int?>>? Department => department;

    public bool OthersSeeAll => othersSeeAll;

    internal Func<T, int?>? CompiledTownship => compiledTownship.Value;

    internal Func<T, int?>? CompiledVillage => compiledVillage.Value;

    internal Func<T, int?>? CompiledDepartment => compiledDepartment.Value;
}

/// <summary>
/// The signed-in user's <see cref="UnitScope"/>, resolved once per request (the platform does it before a
/// module's page runs) or per job (where it is <see cref="UnitScope.Nothing"/>).
/// </summary>
public interface IUserScope
{
    /// <summary>The resolved scope; outside a request, <see cref="UnitScope.Nothing"/>.</summary>
    UnitScope Current { get; }

    ValueTask<UnitScope> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>Builds the scope from the signed-in user and the county's units; one lookup per lifetime scope.</summary>
internal sealed class UserScopeResolver(ICurrentUser user, ICountyUnits units, ICountyContext county) : IUserScope
{
    private UnitScope? resolved;

    public UnitScope Current => resolved ?? WithoutUnit() ??
        throw new InvalidOperationException("The user's scope is resolved by the platform before a module page runs; call GetAsync first.");

    public async ValueTask<UnitScope> GetAsync(CancellationToken cancellationToken = default)
    {
        if (resolved is not null)
        {
            return resolved;
        }

        if (WithoutUnit() is { } nothing)
        {
            return resolved = nothing;
        }

        var code = county.Current!;
        var unit = user.Scope switch
        {
            UserScope.Department when user.DepartmentId is { } id => (await units.DepartmentsAsync(code, cancellationToken)).FirstOrDefault(d => d.Id == id),
            UserScope.Township when user.TownshipId is { } id => (await units.TownshipsAsync(code, cancellationToken)).FirstOrDefault(t => t.Id == id),
            UserScope.Village when user.VillageId is { } id => (await units.VillagesAsync(code, cancellationToken)).FirstOrDefault(v => v.Id == id),
            _ => null,
        };
        return resolved = new UnitScope
        {
            Level = user.Scope,
            Unit = unit,
            UserName = user.UserName,
            DisplayName = user.DisplayName,
            DepartmentId = user.Scope == UserScope.Department ? user.DepartmentId : null,
            TownshipId = user.Scope is UserScope.Township or UserScope.Village ? user.TownshipId ?? unit?.ParentId : null,
            VillageId = user.Scope == UserScope.Village ? user.VillageId : null,
            IsCountyAdmin = user.IsCountyAdmin,
            IsReadOnly = user.IsReadOnly,
        };
    }

    /// <summary>The scope of someone who sees no county data (no unit to look up), or null for a county account.</summary>
    private UnitScope? WithoutUnit() =>
        !user.IsAuthenticated || user.Scope == UserScope.Platform || county.Current is null || user.County != county.Current
            ? UnitScope.Nothing with { UserName = user.UserName, DisplayName = user.DisplayName }
            : null;
}

/// <summary>
/// The base of every module's Access class: the answers all modules share, from the user's
/// <see cref="UnitScope"/>. A module's Access class adds its own rules (who opens a round, who assigns a
/// hazard) on top and declares, once per entity, which columns say whose a row is.
/// </summary>
public abstract class ScopedAccess(IUserScope scopes, ICountyContext county)
{
    public UnitScope Scope => scopes.Current;

    /// <summary>The county of the request.</summary>
    public string County => county.Required;

    public string UserName => Scope.UserName;

    public string DisplayName => Scope.DisplayName;

    public bool CanWrite => Scope.CanWrite;

    public bool SeesWholeCounty => Scope.SeesWholeCounty;

    public bool IsCountyManager => Scope.IsCountyManager;

    public int? DepartmentId => Scope.DepartmentId;

    public int? TownshipId => Scope.TownshipId;

    public int? VillageId => Scope.VillageId;

    public bool ActsForTownship(int townshipId) => Scope.ActsForTownship(townshipId);

    public bool ActsForDepartment(int? departmentId) => Scope.ActsForDepartment(departmentId);

    /// <summary>The rows of <paramref name="query"/> the user may see (see <see cref="UnitScope.Filter{T}"/>).</summary>
    public IQueryable<T> Visible<T>(IQueryable<T> query, UnitColumns<T> columns) => Scope.Filter(query, columns);
}
