using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Todo;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Todo;

/// <summary>
/// Training's part of 我的待办: the units found short on the check date that are still short, for their trainer —
/// the county manager for townships, a township for its villages — due at the year's end (China time).
/// </summary>
internal sealed class TrainingTodo(TrainingDbContext db, DaysOwed owed, ICountyContext county, TimeProvider clock) : ITodoSource
{
    public string Module => TrainingModule.ModuleName;

    public Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken) =>
        ItemsAsync(scope, limit, cancellationToken);

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken) =>
        (await ItemsAsync(scope, int.MaxValue, cancellationToken)).Count;

    private async Task<IReadOnlyList<TodoItem>> ItemsAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanWrite || limit <= 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = ChinaTime.FromUtc(now).Year;
        IQueryable<Shortfall> rows = db.Shortfalls.AsNoTracking().Where(s => s.Year == year);
        int? township = null;
        if (scope.IsCountyManager)
        {
            rows = rows.Where(s => s.UnitKind == UnitKind.Township);
        }
        else if (scope.Level == UserScope.Township && scope.TownshipId is { } t)
        {
            township = t;
            rows = rows.Where(s => s.UnitKind == UnitKind.Village && s.TownshipId == t);
        }
        else
        {
            return [];
        }

        var found = await rows.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return [];
        }

        var current = (await owed.ForYearAsync(county.Required, year, true, township, null, cancellationToken))
            .Where(u => u.Short)
            .ToDictionary(u => (u.Kind, u.Id));
        var due = ChinaTime.ToUtc(new DateTime(year, 12, 31, 23, 59, 0, DateTimeKind.Unspecified));
        var link = "/training/Owed?year=" + year.ToString(CultureInfo.InvariantCulture);
        return found
            .Where(s => current.ContainsKey((s.UnitKind, s.UnitId)))
            .Select(s => new TodoItem(Module, "培训欠缺", $"{s.UnitName}：{year} 年培训还差 {TrainingNotices.Days(current[(s.UnitKind, s.UnitId)].Owed)} 天", due, link))
            .Take(limit)
            .ToList();
    }
}
