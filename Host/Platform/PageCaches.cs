using Emergency.BuildingBlocks.Notices.Data;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access.Data;
using Emergency.Host.Platform.Data;

namespace Emergency.Host.Platform;

/// <summary>
/// What the shell asks on every page, kept between requests (or a minute on the platform clock) until a store it was
/// read from is written: 我的待办 counts and items per user and module (the module's store of the county), the unread count per
/// user (the notice store), a county's units and its settings (the platform and accounts stores). Measured in
/// bench/results (issue #16): they were 25 of a list page's 28 SQL commands. Scoped so that a burst of writes in one
/// county's module, or of notices, leaves the other counts cached.
/// </summary>
internal sealed class PageCaches(StoreWrites writes, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private static readonly StoreKey Platform = StoreKey.Platform(PlatformDbContext.StoreName);

    private static readonly StoreKey Accounts = StoreKey.Platform(AccountsDbContext.StoreName);

    private static readonly StoreKey Notices = StoreKey.Platform(NoticesDbContext.StoreName);

    /// <summary>A module's count for a user: its county store, and the settings and units it reads.</summary>
    public WriteVersionedCache<(string County, string User, string Module), int> TodoCounts { get; } =
        new(k => ModuleVersion(writes, k.County, k.Module), clock, MaxAge);

    /// <summary>A module's items for a user (the home page's 我的待办), in the UI language, invalidated as its count.</summary>
    public WriteVersionedCache<(string County, string User, string Module, string Culture), IReadOnlyList<BuildingBlocks.Todo.TodoItem>> TodoItems { get; } =
        new(k => ModuleVersion(writes, k.County, k.Module), clock, MaxAge);

    public WriteVersionedCache<(string County, string User), int> Unread { get; } = new(_ => writes.VersionOf(Notices), clock, MaxAge);

    public WriteVersionedCache<(string County, string List), IReadOnlyList<UnitInfo>> Units { get; } = new(_ => writes.VersionOf(Platform, Accounts), clock, MaxAge);

    public WriteVersionedCache<string, IReadOnlyDictionary<string, string>> Settings { get; } = new(_ => writes.VersionOf(Platform, Accounts), clock, MaxAge);

    /// <summary>A module's county store, with the platform and accounts stores its to-do source also reads (settings, units).</summary>
    private static long ModuleVersion(StoreWrites writes, string county, string module) =>
        writes.VersionOf(StoreKey.ForCounty(county, module)) + writes.VersionOf(Platform, Accounts);
}
