using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Todo;
using Emergency.Samples.Acknowledgements.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Samples.Acknowledgements;

/// <summary>我的待办 of the sample: the county manager sees every bulletin not yet acknowledged, by its deadline.</summary>
internal sealed class AcknowledgementsTodo(AcknowledgementsDbContext db, TimeProvider clock) : ITodoSource
{
    public string Module => "acknowledgements";

    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsCountyManager)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Acknowledgements.AsNoTracking()
            .Where(a => a.AcknowledgedAtUtc == null)
            .OrderBy(a => a.DueAtUtc)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return open.Select(a => new TodoItem(Module, "待签收", a.Title, a.DueAtUtc, "/acknowledgements", a.DueAtUtc < now)).ToList();
    }

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsCountyManager ? await db.Acknowledgements.CountAsync(a => a.AcknowledgedAtUtc == null, cancellationToken) : 0;
    }
}
