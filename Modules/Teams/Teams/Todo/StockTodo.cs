using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Todo;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Todo;

/// <summary>
/// The stock part of 我的待办: the user's own unit's stock rows below their minimum (to be filled up). A township
/// sees its own sites' rows (not its villages'), a village its own, a department its own (the county warehouse is the
/// emergency bureau's). A part of <see cref="TeamsTodo"/> (one to-do source per module).
/// </summary>
internal sealed class StockTodo(TeamsDbContext db)
{
    private const string Module = TeamsModule.ModuleName;

    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (limit <= 0 || Own(scope) is not { } own)
        {
            return [];
        }

        var rows = await own.Where(s => s.BelowSinceOn != null).OrderBy(s => s.Id).Take(limit)
            .Select(s => new { s.SiteId, Site = s.Site!.Name, Kind = s.Kind!.Name, s.Kind.Unit, s.Quantity, s.Minimum })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TodoItem(Module, "物资低于最低库存",
                $"{r.Site}：{r.Kind}现有 {r.Quantity} {r.Unit}，低于最低库存 {r.Minimum} {r.Unit}",
                null,
                "/teams/Stock/Site?id=" + r.SiteId.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Own(scope) is { } own ? await own.CountAsync(s => s.BelowSinceOn != null, cancellationToken) : 0;
    }

    private IQueryable<StockItem>? Own(UnitScope scope)
    {
        if (!scope.CanWrite)
        {
            return null;
        }

        var stock = db.Stock.AsNoTracking();
        return scope switch
        {
            { Level: UserScope.Township, TownshipId: { } township } => stock.Where(s => s.TownshipId == township && s.VillageId == null && s.DepartmentId == null),
            { Level: UserScope.Village, VillageId: { } village } => stock.Where(s => s.VillageId == village),
            { Level: UserScope.Department, DepartmentId: { } department } => stock.Where(s => s.DepartmentId == department),
            _ => null,
        };
    }
}
