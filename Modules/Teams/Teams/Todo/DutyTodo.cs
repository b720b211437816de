using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Todo;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Todo;

/// <summary>
/// 应急值守 on 我的待办: for a township, each of its villages without next week's plan from the day it is due until the
/// week begins; for a roster's keeper (the county emergency bureau or admin for the county's, the township for its
/// own), the swaps waiting for a decision.
/// </summary>
internal sealed class DutyTodo(TeamsDbContext db, DutyPlans plans)
{
    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (limit <= 0 || Roster(scope) is not { } roster)
        {
            return [];
        }

        var swaps = await db.DutySwaps.AsNoTracking().Where(s => s.TownshipId == roster && s.Status == DutySwapStatus.Asked)
            .OrderBy(s => s.Date).Take(limit).ToListAsync(cancellationToken);
        List<TodoItem> items = [.. swaps.Select(s => new TodoItem(TeamsModule.ModuleName, "换班审批",
            $"{s.Name}（{StockNotices.Date(s.Date)}）申请与{s.OtherName}（{StockNotices.Date(s.OtherDate)}）换班",
            ChinaTime.ToUtc(s.Date.ToDateTime(TimeOnly.MinValue)),
            DutyNotices.RosterLink(s.TownshipId, s.Date)))];
        if (roster != DutyAccess.CountyRoster && await MissingAsync(roster, cancellationToken) is { } missing)
        {
            items.AddRange(missing.Villages.Take(limit - items.Count).Select(v => new TodoItem(TeamsModule.ModuleName, "周值班计划",
                $"{v.Name}未报送 {StockNotices.Date(missing.Week)} 起一周的值班计划",
                ChinaTime.ToUtc(missing.Due.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddSeconds(-1),
                DutyNotices.PlansLink(missing.Week))));
        }

        return items;
    }

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Roster(scope) is not { } roster)
        {
            return 0;
        }

        var swaps = await db.DutySwaps.AsNoTracking().CountAsync(s => s.TownshipId == roster && s.Status == DutySwapStatus.Asked, cancellationToken);
        return swaps + (roster != DutyAccess.CountyRoster && await MissingAsync(roster, cancellationToken) is { } missing ? missing.Villages.Count : 0);
    }

    /// <summary>The roster the user keeps, or null.</summary>
    private static int? Roster(UnitScope scope) =>
        scope.IsCountyManager ? DutyAccess.CountyRoster
        : scope is { CanWrite: true, Level: UserScope.Township, TownshipId: { } t } ? t
        : null;

    /// <summary>Next week's missing plans of the township, once they are due (from the due day until the week begins).</summary>
    private async Task<(DateOnly Week, DateOnly Due, IReadOnlyList<BuildingBlocks.Tenancy.UnitInfo> Villages)?> MissingAsync(int township, CancellationToken cancellationToken)
    {
        var week = plans.NextWeek;
        var due = DutyPlans.DueDate(week, await plans.DueWeekdayAsync(cancellationToken));
        if (plans.Today < due)
        {
            return null;
        }

        var villages = await plans.MissingAsync(township, week, cancellationToken);
        return villages.Count == 0 ? null : (week, due, villages);
    }
}
