using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Todo;
using Emergency.Readiness.Data;
using Emergency.Readiness.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Todo;

/// <summary>
/// Readiness' part of 我的待办: for a township, its own items not met (六有 and 十个一); for a village, its own; each
/// with the reason and a link to the unit's readiness page. Read from the unit's one score row.
/// </summary>
internal sealed class ReadinessTodo(ReadinessDbContext db) : ITodoSource
{
    public string Module => ReadinessModule.ModuleName;

    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken) =>
        (await ItemsAsync(scope, cancellationToken)).Take(limit).ToList();

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken) =>
        (await ItemsAsync(scope, cancellationToken)).Count;

    private async Task<IReadOnlyList<TodoItem>> ItemsAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanWrite)
        {
            return [];
        }

        var (key, link, kind) = scope switch
        {
            { Level: UserScope.Township, TownshipId: { } t } => (Scorer.Key(UnitLevel.Township, t), "/readiness/Township?id=" + t.ToString(CultureInfo.InvariantCulture), "六有/十个一未达标"),
            { Level: UserScope.Village, VillageId: { } v } => (Scorer.Key(UnitLevel.Village, v), "/readiness/Village?id=" + v.ToString(CultureInfo.InvariantCulture), "三有未达标"),
            _ => (null, "", ""),
        };
        if (key is null || await db.Scores.AsNoTracking().Where(s => s.Key == key).Select(s => s.Items).FirstOrDefaultAsync(cancellationToken) is not { } json)
        {
            return [];
        }

        return ItemResult.Parse(json)
            .Where(i => i.State == ItemState.NotMet && i.Code is not ("ten.mech" or "ten.plan"))
            .Select(i => new TodoItem(Module, kind, $"{Items.Name(i.Code)}：{i.Reason}", null, link))
            .ToList();
    }
}
