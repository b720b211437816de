using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.Host.Platform;

/// <summary>
/// What the shell asks on every page, kept between requests until any store is written (or a minute has
/// passed on the platform clock): 我的待办 counts and the unread count per user, a county's units and its
/// settings. Measured in bench/results (issue #16): they were 25 of a list page's 28 SQL commands.
/// </summary>
internal sealed class PageCaches(StoreWrites writes, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public WriteVersionedCache<(string County, string User), IReadOnlyDictionary<string, int>> TodoCounts { get; } = new(writes, clock, MaxAge);

    public WriteVersionedCache<(string County, string User), int> Unread { get; } = new(writes, clock, MaxAge);

    public WriteVersionedCache<(string County, string List), IReadOnlyList<UnitInfo>> Units { get; } = new(writes, clock, MaxAge);

    public WriteVersionedCache<string, IReadOnlyDictionary<string, string>> Settings { get; } = new(writes, clock, MaxAge);
}
