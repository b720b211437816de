using Emergency.BuildingBlocks.Persistence;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Ledger;

/// <summary>
/// The ledger's filter. The page puts the user's scope in it (a township user's township, a village
/// user's village, a department user's department; <see cref="Nothing"/> for a user who sees no hazard),
/// so the query never returns what they may not see.
/// </summary>
internal sealed record LedgerFilter(
    int? TownshipId = null,
    int? VillageId = null,
    HazardState? State = null,
    HazardLevel? Level = null,
    HazardCategory? Category = null,
    int? DepartmentId = null,
    bool? Overdue = null,
    int Page = 1,
    bool Nothing = false);

internal sealed record LedgerRow(
    int Id,
    int TownshipId,
    int VillageId,
    string GridName,
    HazardCategory Category,
    HazardLevel Level,
    string Place,
    HazardState State,
    string? DepartmentName,
    DateTime? DeadlineUtc,
    bool Overdue,
    SupervisionLevel Supervision,
    DateTime ReportedAtUtc);

internal sealed record LedgerPage(IReadOnlyList<LedgerRow> Rows, IReadOnlyDictionary<HazardState, int> Counts, int Total, int Page, int Pages);

/// <summary>
/// 隐患台账: filtered in SQL over the scope indexes ((TownshipId|VillageId|DepartmentId[, State]), which SQLite
/// keeps in rowid order, so the newest page needs no sort), paged with Skip/Take, read without tracking into a
/// projection. The counts per state are summed from <see cref="HazardTally"/> (and kept until the county's grid store
/// is written: the sum over a whole county's tally was nine tenths of the ledger's SQL); the total is taken from them.
/// </summary>
internal sealed class LedgerQuery(GridDbContext db, CountyStoreCache<LedgerFilter, IReadOnlyDictionary<HazardState, int>> keptCounts)
{
    public const int PageSize = 20;

    /// <summary>The most rows an export writes.</summary>
    public const int ExportLimit = 50_000;

    public async Task<LedgerPage> RunAsync(LedgerFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var counts = await CountsAsync(filter, cancellationToken);
        var total = filter.State is { } state ? counts.GetValueOrDefault(state) : counts.Values.Sum();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await Project(Filtered(filter).OrderByDescending(h => h.Id).Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new LedgerPage(rows, counts, total, page, pages);
    }

    /// <summary>Hazards per state for the filter (its state and page aside), summed from the tally rather than counted row by row.</summary>
    public ValueTask<IReadOnlyDictionary<HazardState, int>> CountsAsync(LedgerFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var county = db.Key?.County ?? throw new InvalidOperationException("The grid store of a county is needed.");
        return keptCounts.GetAsync(county, filter with { State = null, Page = 1 }, ct => SumAsync(filter, ct), cancellationToken);
    }

    private async Task<IReadOnlyDictionary<HazardState, int>> SumAsync(LedgerFilter filter, CancellationToken cancellationToken)
    {
        var tallies = Apply(db.HazardTallies.AsNoTracking(), filter);
        if (filter.DepartmentId is { } department)
        {
            tallies = tallies.Where(t => t.DepartmentId == department);
        }

        return (await tallies.GroupBy(t => t.State).Select(g => new { State = g.Key, Count = g.Sum(t => t.Count) }).ToListAsync(cancellationToken))
            .Where(x => x.Count > 0)
            .ToDictionary(x => x.State, x => x.Count);
    }

    /// <summary>Every row of the filter (up to <see cref="ExportLimit"/>), newest first, for the Excel export.</summary>
    public async Task<IReadOnlyList<LedgerRow>> AllAsync(LedgerFilter filter, CancellationToken cancellationToken) =>
        await Project(Filtered(filter).OrderByDescending(h => h.Id).Take(ExportLimit)).ToListAsync(cancellationToken);

    private IQueryable<Hazard> Filtered(LedgerFilter filter)
    {
        var query = Apply(db.Hazards.AsNoTracking(), filter);
        if (filter.DepartmentId is { } department)
        {
            query = query.Where(h => h.DepartmentId == department);
        }

        if (filter.State is { } state)
        {
            query = query.Where(h => h.State == state);
        }

        return query;
    }

    /// <summary>The filter's columns that hazards and their tally share, written once for both.</summary>
    private static IQueryable<T> Apply<T>(IQueryable<T> query, LedgerFilter filter)
        where T : class, ILedgerKeys
    {
        if (filter.Nothing)
        {
            return query.Where(_ => false);
        }

        if (filter.TownshipId is { } township)
        {
            query = query.Where(h => h.TownshipId == township);
        }

        if (filter.VillageId is { } village)
        {
            query = query.Where(h => h.VillageId == village);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(h => h.Level == level);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(h => h.Category == category);
        }

        if (filter.Overdue is { } overdue)
        {
            query = query.Where(h => h.Overdue == overdue);
        }

        return query;
    }

    private static IQueryable<LedgerRow> Project(IQueryable<Hazard> query) =>
        query.Select(h => new LedgerRow(h.Id, h.TownshipId, h.VillageId, h.GridName, h.Category, h.Level, h.Place, h.State, h.DepartmentName ?? h.ResponsibleName,
            h.DeadlineUtc, h.Overdue, h.Supervision, h.ReportedAtUtc));
}
