using Emergency.BuildingBlocks.Persistence;
using Emergency.Experts.Data;

namespace Emergency.Experts.Domain;

/// <summary>
/// What the archive search reads on every request and that changes only when the county's Experts store is written
/// (ADR 0006): the count of each search (3,000 index probes for a category of 3,000 experts, the largest part of the
/// page's SQL, issue #16) and the county's fields (the filter's list, and which fields a category holds).
/// </summary>
internal sealed class ArchiveCounts(StoreWrites writes, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly WriteVersionedCache<(string County, string Scope, string Filter), int> counts =
        new(k => writes.VersionOf(StoreKey.ForCounty(k.County, ExpertsModule.ModuleName)), clock, MaxAge);

    private readonly WriteVersionedCache<string, IReadOnlyList<Field>> fields =
        new(county => writes.VersionOf(StoreKey.ForCounty(county, ExpertsModule.ModuleName)), clock, MaxAge);

    /// <summary>The number of experts a search finds, for a scope of access (whole county or a department) and a filter written as text.</summary>
    public ValueTask<int> CountAsync(string county, string scope, string filter, Func<CancellationToken, Task<int>> count, CancellationToken cancellationToken) =>
        counts.GetAsync((county, scope, filter), count, cancellationToken);

    /// <summary>The county's fields in the filter's order (category, then sort order); shared between requests, so read-only.</summary>
    public ValueTask<IReadOnlyList<Field>> FieldsAsync(string county, Func<CancellationToken, Task<IReadOnlyList<Field>>> load, CancellationToken cancellationToken) =>
        fields.GetAsync(county, load, cancellationToken);
}
