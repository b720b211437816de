using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Todo;
using Emergency.Enforcement.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Todo;

/// <summary>
/// Enforcement's part of 我的待办: officers whose 执法证 expires within the lead time (or has expired: they are no
/// longer drawn), for who keeps them — the county manager for the county's officers, a township for its own —
/// due on the expiry day; inspections whose 复查 is overdue, for the inspecting unit; and case clocks that run out
/// within the lead time or have run out, and failed 复查 not yet opened as a case (立案 due), for the case's unit.
/// </summary>
internal sealed class EnforcementTodo(EnforcementDbContext db, ICountySettings settings, Domain.Cases cases, BuildingBlocks.Calendar.IWorkingDays workingDays, TimeProvider clock) : ITodoSource
{
    public string Module => EnforcementModule.ModuleName;

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

        int? township;
        if (scope.IsCountyManager)
        {
            township = null;
        }
        else if (scope.Level == UserScope.Township && scope.TownshipId is { } t)
        {
            township = t;
        }
        else
        {
            return [];
        }

        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var until = today.AddDays(await settings.GetAsync(EnforcementModule.CertificateLeadDays, cancellationToken));
        var officers = await db.Officers.AsNoTracking()
            .Where(o => o.TownshipId == township && !o.Auxiliary && o.ValidTo != null && o.ValidTo <= until)
            .OrderBy(o => o.ValidTo).ThenBy(o => o.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var overdue = await db.Inspections.AsNoTracking()
            .Where(i => i.TownshipId == township && i.State == InspectionState.AwaitingRecheck && i.RecheckDue != null && i.RecheckDue < today)
            .OrderBy(i => i.RecheckDue).ThenBy(i => i.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var rechecks = overdue.Select(i => new TodoItem(
            Module,
            "复查",
            $"{i.TargetName} 复查已逾期：应于 {i.RecheckDue!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 前复查（{i.OrderNumber}）",
            ChinaTime.ToUtc(i.RecheckDue!.Value.ToDateTime(new TimeOnly(23, 59))),
            $"/enforcement/Inspections/Details?id={i.Id}"));
        var lead = await settings.GetAsync(EnforcementModule.CaseLeadDays, cancellationToken);
        var nowLocal = ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        var openCases = await db.Cases.AsNoTracking()
            .Where(c => c.TownshipId == township && c.State != CaseState.Closed)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var caseItems = new List<TodoItem>();
        foreach (var c in openCases)
        {
            foreach (var running in await cases.ClocksAsync(c, cancellationToken))
            {
                var left = running.DaysLeft(nowLocal);
                if (left > lead)
                {
                    continue;
                }

                var due = running.DueLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var words = running.DueLocal < nowLocal ? "已逾期" : "即将届满";
                caseItems.Add(new TodoItem(Module, "案件", $"{c.TargetName} 案{running.Name}{words}：{due}（承办人 {c.LeadOfficerName}）", ChinaTime.ToUtc(running.DueLocal), $"/enforcement/Cases/Details?id={c.Id}"));
            }
        }

        // A failed 复查 is a discovered violation: 立案 is due the set working days after it, until a case is opened from it.
        var filingDays = await settings.GetAsync(EnforcementModule.FilingWorkingDays, cancellationToken);
        var awaitingCase = await db.Inspections.AsNoTracking()
            .Where(i => i.TownshipId == township && i.State == InspectionState.RecheckFailed && i.RecheckedOn != null && !db.Cases.Any(c => c.InspectionId == i.Id))
            .OrderBy(i => i.RecheckedOn).ThenBy(i => i.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        foreach (var i in awaitingCase)
        {
            var due = (await workingDays.AddWorkingDaysAsync(i.RecheckedOn!.Value, filingDays, cancellationToken)).Date;
            caseItems.Add(new TodoItem(Module, "立案", $"{i.TargetName} 复查不合格，待立案：应于 {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 前立案（{i.RecheckNumber}）", ChinaTime.ToUtc(due.ToDateTime(new TimeOnly(23, 59))), $"/enforcement/Inspections/Details?id={i.Id}"));
        }

        return caseItems.OrderBy(i => i.DueUtc).Concat(rechecks).Concat(officers.Select(o =>
        {
            var to = o.ValidTo!.Value;
            var words = to < today ? "执法证已过期" : "执法证即将到期";
            var due = ChinaTime.ToUtc(to.ToDateTime(new TimeOnly(23, 59)));
            return new TodoItem(Module, "执法证", $"{o.Name}（{o.UnitName}）{words}：{to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", due, "/enforcement/Officers");
        })).Take(limit).ToList();
    }
}
