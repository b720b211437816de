using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Todo;
using Emergency.Grid.Contracts;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Todo;

/// <summary>
/// The grid's part of 我的待办:
/// <list type="bullet">
/// <item>a township: reported hazards to assign (or reject), hazards awaiting re-inspection (复查、销号), hazards handed to a
/// village or owner whose completion it records (登记整改), pending extension requests, disaster reports to verify,
/// and hazards assigned or in rectification whose department has since switched the module off (重新交办; one awaiting 复查 is re-inspected instead);</item>
/// <item>a department: assigned hazards to rectify (by their deadline) and the overdue ones it must report in on (报到);</item>
/// <item>the county manager: the hazards escalated because their department did not report in in time (升级督办), and
/// one reminder of the county's overdue hazards (督办).</item>
/// </list>
/// Every list is an index seek in page order (scope + state, as the ledger reads) cut to the limit; hazard
/// counts come from the tally, so a county of a million hazards costs the same as a small one.
/// </summary>
internal sealed class GridTodo(GridDbContext db, TimeProvider clock, ICountyContext county, ICountyUnits units) : ITodoSource
{
    public string Module => GridModule.ModuleName;

    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var items = new List<TodoItem>();
        if (!scope.CanWrite || limit <= 0)
        {
            return items;
        }

        if (scope is { Level: UserScope.Township, TownshipId: { } township })
        {
            items.AddRange(await HazardsAsync(h => h.TownshipId == township && h.State == HazardState.Reported, "交办", limit, cancellationToken));
            items.AddRange(await HazardsAsync(h => h.TownshipId == township && h.State == HazardState.AwaitingReinspection, "复查", limit, cancellationToken));
            // Handed to a village or owner (no department): the township records the completion.
            items.AddRange(await HazardsAsync(h => h.TownshipId == township && h.State == HazardState.Rectifying && h.DepartmentId == null, "登记整改", limit, cancellationToken));
            if (await DepartmentsWithoutGridAsync(cancellationToken) is { Count: > 0 } without)
            {
                items.AddRange(await HazardsAsync(
                    h => h.TownshipId == township && without.Contains(h.DepartmentId) && (h.State == HazardState.Assigned || h.State == HazardState.Rectifying),
                    "重新交办", limit, cancellationToken));
            }

            var extensions = await PendingExtensions(township)
                .Join(db.Hazards, e => e.HazardId, h => h.Id, (e, h) => new { h.Id, h.GridName, h.Place, e.RequestedDeadlineUtc, h.DeadlineUtc, h.Overdue })
                .OrderBy(x => x.DeadlineUtc)
                .Take(limit)
                .ToListAsync(cancellationToken);
            items.AddRange(extensions.Select(x => new TodoItem(Module, "延期审批",
                $"{x.GridName} {x.Place}：申请延期至 {BuildingBlocks.Clock.ChinaTime.Format(x.RequestedDeadlineUtc)}", x.DeadlineUtc, Details(x.Id), x.Overdue)));
            var disasters = await db.Disasters.AsNoTracking()
                .Where(d => d.TownshipId == township && d.Status == DisasterStatus.Reported)
                .OrderBy(d => d.Id)
                .Take(limit)
                .Select(d => new { d.DisasterType, d.Place, d.HappenedAtUtc })
                .ToListAsync(cancellationToken);
            items.AddRange(disasters.Select(d => new TodoItem(Module, "灾情核实", $"{d.DisasterType} {d.Place}（{BuildingBlocks.Clock.ChinaTime.Format(d.HappenedAtUtc)}）", null, "/grid/Disasters")));
        }

        if (scope is { Level: UserScope.Department, DepartmentId: { } department })
        {
            items.AddRange(await HazardsAsync(h => h.DepartmentId == department && h.AwaitingReportIn == true, "报到", limit, cancellationToken));
            // One index range per state in deadline order (the late ones come first by themselves), merged here.
            foreach (var state in new[] { HazardState.Assigned, HazardState.Rectifying })
            {
                items.AddRange(await HazardsAsync(
                    h => h.DepartmentId == department && h.State == state && h.AwaitingReportIn == false, "整改", limit, cancellationToken, byDeadline: true));
            }
        }

        if (scope.IsCountyManager)
        {
            items.AddRange(await HazardsAsync(h => h.AwaitingReportIn == true && h.EscalatedAtUtc != null, "升级督办", limit, cancellationToken));
        }

        if (scope.IsCountyManager && await CountyOverdueAsync(cancellationToken) is > 0 and var overdue)
        {
            items.Add(new TodoItem(Module, "督办", $"全县逾期未整改隐患 {overdue} 条，督促责任部门报到", null, "/grid/Whistle", Overdue: true));
        }

        return items.MostUrgentFirst(clock.GetUtcNow().UtcDateTime).Take(limit).ToList();
    }

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanWrite)
        {
            return 0;
        }

        var count = 0;
        if (scope is { Level: UserScope.Township, TownshipId: { } township })
        {
            count += await db.HazardTallies
                .Where(t => t.TownshipId == township && (t.State == HazardState.Reported || t.State == HazardState.AwaitingReinspection))
                .SumAsync(t => t.Count, cancellationToken);
            count += await db.HazardTallies
                .Where(t => t.TownshipId == township && t.DepartmentId == 0 && t.State == HazardState.Rectifying)
                .SumAsync(t => t.Count, cancellationToken);
            if (await DepartmentsWithoutGridAsync(cancellationToken) is { Count: > 0 } without)
            {
                var ids = without.Select(d => d!.Value).ToList();
                count += await db.HazardTallies
                    .Where(t => t.TownshipId == township && ids.Contains(t.DepartmentId)
                        && (t.State == HazardState.Assigned || t.State == HazardState.Rectifying))
                    .SumAsync(t => t.Count, cancellationToken);
            }

            count += await PendingExtensions(township).CountAsync(cancellationToken);
            count += await db.Disasters.CountAsync(d => d.TownshipId == township && d.Status == DisasterStatus.Reported, cancellationToken);
        }

        if (scope is { Level: UserScope.Department, DepartmentId: { } department })
        {
            // To rectify (state Assigned or Rectifying, not on the 报到 list) plus the whole 报到 list: the tally by
            // department and state, plus those awaiting the 报到, less those awaiting it in the two states (all index counts).
            count += await db.HazardTallies
                .Where(t => t.DepartmentId == department && (t.State == HazardState.Assigned || t.State == HazardState.Rectifying))
                .SumAsync(t => t.Count, cancellationToken);
            count += await db.Hazards.CountAsync(h => h.DepartmentId == department && h.AwaitingReportIn == true, cancellationToken);
            count -= await db.Hazards.CountAsync(
                h => h.DepartmentId == department && (h.State == HazardState.Assigned || h.State == HazardState.Rectifying) && h.AwaitingReportIn == true,
                cancellationToken);
        }

        if (scope.IsCountyManager)
        {
            count += await db.Hazards.CountAsync(h => h.AwaitingReportIn == true && h.EscalatedAtUtc != null, cancellationToken);
        }

        if (scope.IsCountyManager && await CountyOverdueAsync(cancellationToken) > 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>The county's departments that have the grid module off (a hazard still with one of them must be reassigned); few.</summary>
    private async Task<List<int?>> DepartmentsWithoutGridAsync(CancellationToken cancellationToken)
    {
        var code = county.Required;
        var acting = (await units.DepartmentsUsingAsync(code, GridModule.ModuleName, cancellationToken)).Select(d => d.Id).ToHashSet();
        return (await units.DepartmentsAsync(code, cancellationToken)).Where(d => !acting.Contains(d.Id)).Select(d => (int?)d.Id).ToList();
    }

    /// <summary>Pending extension requests of the township's hazards: read from the few pending requests, each hazard by its key.</summary>
    private IQueryable<ExtensionRequest> PendingExtensions(int township) =>
        db.Extensions.AsNoTracking()
            .Where(e => e.Status == ExtensionStatus.Pending && db.Hazards.Any(h => h.Id == e.HazardId && h.TownshipId == township));

    private Task<int> CountyOverdueAsync(CancellationToken cancellationToken) =>
        db.HazardTallies.Where(t => t.Overdue == true).SumAsync(t => t.Count, cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> hazards of one scope and state: in id order (the index order, no sort) or,
    /// for a department's own work, by deadline (the late ones first, as their deadlines passed first).
    /// </summary>
    private async Task<IEnumerable<TodoItem>> HazardsAsync(
        System.Linq.Expressions.Expression<Func<Hazard, bool>> where, string kind, int limit, CancellationToken cancellationToken, bool byDeadline = false)
    {
        var query = db.Hazards.AsNoTracking().Where(where);
        query = byDeadline ? query.OrderBy(h => h.DeadlineUtc) : query.OrderBy(h => h.Id);
        var rows = await query.Take(limit)
            .Select(h => new { h.Id, h.GridName, h.Place, h.Level, h.Category, h.DeadlineUtc, h.Overdue, h.State })
            .ToListAsync(cancellationToken);
        return rows.Select(h => new TodoItem(Module, kind,
            $"{h.GridName} {h.Place}（{Names.Level(h.Level)}·{Names.Category(h.Category)}）",
            h.State == HazardState.Reported ? null : h.DeadlineUtc,
            Details(h.Id),
            h.Overdue));
    }

    private static string Details(int id) => "/grid/Hazards/Details?id=" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
