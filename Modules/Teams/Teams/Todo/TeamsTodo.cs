using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Todo;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Todo;

/// <summary>
/// The teams' part of 我的待办: a township's or village's own teams below the county's minimum size (乡镇、园区
/// 综合队伍 under teams.township-minimum, village teams under teams.village-minimum), to be filled up; and its stock
/// below minimum (<see cref="StockTodo"/>); the support requests and agreements waiting for it (<see cref="SupportTodo"/>); missing village duty plans and swaps to decide (<see cref="DutyTodo"/>).
/// </summary>
internal sealed class TeamsTodo(TeamsDbContext db, TeamMinimums minimums, StockTodo stock, SupportTodo support, DutyTodo duty) : ITodoSource
{
    public string Module => TeamsModule.ModuleName;

    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        List<TodoItem> waiting = [.. await support.ForUserAsync(scope, limit, cancellationToken)];
        waiting.AddRange(await duty.ForUserAsync(scope, limit - waiting.Count, cancellationToken));
        List<TodoItem> supplies = [.. waiting, .. await stock.ForUserAsync(scope, limit - waiting.Count, cancellationToken)];
        if (limit <= 0 || Own(scope) is not { } own)
        {
            return supplies;
        }

        var sizes = await minimums.GetAsync(cancellationToken);
        var teams = await own.Where(sizes.Below()).OrderBy(t => t.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. supplies.Take(limit - Math.Min(limit, teams.Count)), .. teams.Select(t => new TodoItem(Module, "队伍人数不足",
                $"{t.Name}：在队 {t.ActiveMembers} 人，不足最低 {sizes.For(t.Kind)} 人",
                null,
                "/teams/Teams/Details?id=" + t.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var supplies = await stock.CountAsync(scope, cancellationToken) + await support.CountAsync(scope, cancellationToken) + await duty.CountAsync(scope, cancellationToken);
        if (Own(scope) is not { } own)
        {
            return supplies;
        }

        var sizes = await minimums.GetAsync(cancellationToken);
        return supplies + await own.Where(sizes.Below()).CountAsync(cancellationToken);
    }

    /// <summary>The teams the user's unit owns: a township's own (not its villages'), a village's own; null for anyone else.</summary>
    private IQueryable<RescueTeam>? Own(UnitScope scope)
    {
        if (!scope.CanWrite)
        {
            return null;
        }

        var teams = db.Teams.AsNoTracking();
        return scope switch
        {
            { Level: UserScope.Township, TownshipId: { } township } => teams.Where(t => t.TownshipId == township && t.VillageId == null),
            { Level: UserScope.Village, VillageId: { } village } => teams.Where(t => t.VillageId == village),
            _ => null,
        };
    }
}
