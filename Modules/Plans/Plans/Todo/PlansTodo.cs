using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.BuildingBlocks.Todo;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Todo;

/// <summary>
/// Plans' part of 我的待办: for a plan's owner, the filings to submit (past due first) and those returned for 补正,
/// late evaluations, overdue drills and plans flagged for revision;
/// for a receiver, the submissions awaiting its answer; for a township after the county's date, the plans it still lacks (once the county's 总体预案 is registered).
/// </summary>
internal sealed class PlansTodo(PlansDbContext db, Lacks lacks, Drills drills, ICountySettings settings, ICountyContext county, TimeProvider clock) : ITodoSource
{
    public string Module => PlansModule.ModuleName;

    public Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken) =>
        ItemsAsync(scope, limit, cancellationToken);

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken) =>
        (await ItemsAsync(scope, int.MaxValue, cancellationToken)).Count;

    private static DateTime EndOf(DateOnly day) => ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(23, 59)));

    private async Task<IReadOnlyList<TodoItem>> ItemsAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanWrite || limit <= 0 || scope.Level is UserScope.Platform or UserScope.County)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var items = new List<TodoItem>();

        // The owner's filings still to submit.
        IQueryable<Plan> owned = scope switch
        {
            { Level: UserScope.Township, TownshipId: { } t } => db.Plans.Where(p => p.TownshipId == t && p.OwnerLevel == OwnerLevel.Township),
            { Level: UserScope.Village, VillageId: { } v } => db.Plans.Where(p => p.VillageId == v),
            { Level: UserScope.Department, DepartmentId: { } d } => db.Plans.Where(p => p.DepartmentId == d),
            _ => db.Plans.Where(_ => false),
        };
        var toSubmit = await (from f in db.Filings.AsNoTracking()
                              join p in owned.AsNoTracking() on f.PlanId equals p.Id
                              where f.State == FilingState.Awaiting || f.State == FilingState.Correction
                              select new { f.State, f.DueOn, p.Id, p.Title }).ToListAsync(cancellationToken);
        items.AddRange(toSubmit.Select(x => new TodoItem(
            Module,
            x.State == FilingState.Correction ? "预案备案补正" : "预案待报送备案",
            x.State == FilingState.Correction ? $"{x.Title}：按补正通知补正后重新报送" : $"{x.Title}：请于 {PlansNotices.Date(x.DueOn)} 前报送备案",
            EndOf(x.DueOn),
            "/plans/Details?id=" + x.Id.ToString(CultureInfo.InvariantCulture),
            x.DueOn < today)));

        // The owner's late evaluations (评估).
        var years = await settings.GetAsync(PlansModule.EvaluationYears, cancellationToken);
        var inForce = await (from p in owned.AsNoTracking()
                             join v in db.Versions.AsNoTracking() on p.CurrentVersionId equals v.Id
                             where p.Status == PlanStatus.InForce
                             select new { Plan = p, v.IssuedOn }).ToListAsync(cancellationToken);
        foreach (var x in inForce)
        {
            if (Evaluations.DueOn(x.Plan, x.IssuedOn, years) is { } due && due < today)
            {
                items.Add(new TodoItem(Module, "预案评估逾期", $"{x.Plan.Title}：应于 {PlansNotices.Date(due)} 前完成评估", EndOf(due), "/plans/Details?id=" + x.Plan.Id.ToString(CultureInfo.InvariantCulture), true));
            }
        }

        // The owner's overdue drills (演练周期).
        var cadence = await DrillCadence.ReadAsync(settings, county.Required, cancellationToken);
        foreach (var d in await drills.DueAsync(owned, cadence, today.AddDays(-1), cancellationToken))
        {
            items.Add(new TodoItem(Module, "预案演练逾期", $"{d.Plan.Title}：应于 {PlansNotices.Date(d.DueOn)} 前组织演练", EndOf(d.DueOn), "/plans/Details?id=" + d.Plan.Id.ToString(CultureInfo.InvariantCulture), true));
        }

        // The owner's plans flagged for revision (修订情形), until a new version is issued or the trigger dismissed.
        var flagged = await (from t in db.Triggers.AsNoTracking()
                             join p in owned.AsNoTracking() on t.PlanId equals p.Id
                             where t.ClosedAtUtc == null
                             select new { p.Id, p.Title, t.Note, t.RaisedAtUtc }).ToListAsync(cancellationToken);
        items.AddRange(flagged.GroupBy(x => x.Id).Select(g => g.OrderByDescending(x => x.RaisedAtUtc).First()).Select(x => new TodoItem(
            Module, "预案待复核修订", $"{x.Title}：{x.Note}", null, "/plans/Details?id=" + x.Id.ToString(CultureInfo.InvariantCulture))));

        // The receiver's submissions to answer.
        var receives = scope switch
        {
            { IsCountyManager: true } => db.Filings.Where(f => f.ReceiverKind == UnitKind.Department),
            { Level: UserScope.Township, TownshipId: { } rt } => db.Filings.Where(f => f.ReceiverKind == UnitKind.Township && f.ReceiverId == rt),
            _ => db.Filings.Where(_ => false),
        };
        var toAnswer = await (from f in receives.AsNoTracking()
                              join p in db.Plans.AsNoTracking() on f.PlanId equals p.Id
                              where f.State == FilingState.Submitted
                              select new { p.Id, p.Title, p.OwnerName }).ToListAsync(cancellationToken);
        items.AddRange(toAnswer.Select(x => new TodoItem(Module, "预案备案受理", $"{x.OwnerName}报送备案：{x.Title}", null, "/plans/Details?id=" + x.Id.ToString(CultureInfo.InvariantCulture))));

        // A township's missing plans after the county's date, once the county keeps its registry here (its 总体预案,
        // the root of the hierarchy, is registered): a county that has not started using the module is not nagged.
        if (scope is { Level: UserScope.Township, TownshipId: { } township }
            && await db.Plans.AnyAsync(p => p.Type == PlanType.CountyGeneral && p.Status != PlanStatus.Abolished, cancellationToken))
        {
            var due = Lacks.DueDate(await settings.GetAsync(PlansModule.TownshipPlansDate, cancellationToken), today.Year);
            if (today > due && (await lacks.ForCountyAsync(county.Required, township, cancellationToken)).FirstOrDefault() is { Missing.Count: > 0 } lack)
            {
                items.Add(new TodoItem(Module, "预案缺项", $"{lack.Township.Name}尚缺：{string.Join("、", lack.Missing)}", EndOf(due), "/plans/Lacks", true));
            }
        }

        return items.MostUrgentFirst(now).Take(limit).ToList();
    }
}
