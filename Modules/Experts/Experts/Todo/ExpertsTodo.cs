using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Todo;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Todo;

/// <summary>
/// The expert pool's part of 我的待办:
/// <list type="bullet">
/// <item>a department or township invited to an open round it has not yet sent in (报送), due at the round's deadline;</item>
/// <item>the county manager: county-team candidates to select (遴选) and to approve (批准入库), per round; exit requests to decide;</item>
/// <item>a department: its own team's candidates and exit requests; its dispatches whose experts have not all answered, due at the answer-by time;</item>
/// <item>the county manager: the pending 取消资格研判 (refusals, runs of unexcused absences) of experts still in the pool;</item>
/// <item>the county manager: Enforcement's expert assistance requests (执法+专家) not yet dispatched, due when the experts are needed.</item>
/// </list>
/// The store is small (thousands of experts), so the count is the list itself.
/// </summary>
internal sealed class ExpertsTodo(ExpertsDbContext db, TimeProvider clock, Domain.TeamFilings filings, BuildingBlocks.Tenancy.ICountyContext county) : ITodoSource
{
    public string Module => ExpertsModule.ModuleName;

    public Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken) =>
        ItemsAsync(scope, limit, cancellationToken);

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken) =>
        (await ItemsAsync(scope, int.MaxValue, cancellationToken)).Count;

    private async Task<IReadOnlyList<TodoItem>> ItemsAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var items = new List<TodoItem>();
        if (!scope.CanWrite || limit <= 0)
        {
            return items;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var unit = scope.Unit is { Kind: BuildingBlocks.Tenancy.UnitKind.Department or BuildingBlocks.Tenancy.UnitKind.Township } mine ? mine : null;
        if (unit is not null)
        {
            var key = unit.Key;
            var rounds = await db.RoundUnits.AsNoTracking()
                .Where(u => u.UnitKey == key && u.SubmittedAtUtc == null)
                .Join(db.Rounds.Where(r => r.Status == RoundStatus.Open && r.DeadlineUtc > now), u => u.RoundId, r => r.Id, (u, r) => new { r.Title, r.DeadlineUtc })
                .ToListAsync(cancellationToken);
            items.AddRange(rounds.Select(r => new TodoItem(Module, "报送推荐", $"{r.Title}：填写推荐表并报送", r.DeadlineUtc, "/experts/Recommend")));
        }

        if (scope.IsCountyManager)
        {
            items.AddRange(await SelectionAsync(r => r.Level == ExpertTeamLevel.County, cancellationToken));
        }

        if (scope.DepartmentId is not null && unit is not null)
        {
            var key = unit.Key;
            items.AddRange(await SelectionAsync(r => r.Level == ExpertTeamLevel.Department && r.UnitKey == key, cancellationToken));
        }

        var exits = db.ExitRequests.AsNoTracking().Where(e => e.Status == ExitRequestStatus.Pending)
            .Join(db.Experts, e => e.ExpertId, x => x.Id, (e, x) => new { x.Name, x.Level, x.DepartmentId, e.RequestedAtUtc });
        if (!scope.IsCountyManager)
        {
            var own = scope.DepartmentId ?? -1;
            exits = exits.Where(x => x.Level == ExpertTeamLevel.Department && x.DepartmentId == own);
        }

        if (scope.IsCountyManager || scope.DepartmentId is not null)
        {
            items.AddRange((await exits.OrderBy(x => x.RequestedAtUtc).ToListAsync(cancellationToken))
                .Select(x => new TodoItem(Module, "退出审批", $"{x.Name} 的退出申请（{BuildingBlocks.Clock.ChinaTime.Format(x.RequestedAtUtc)} 提出）", null, "/experts/Exits")));
        }

        if (scope.IsCountyManager)
        {
            var reviews = await db.DisqualificationReviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Pending)
                .Join(db.Experts.Where(x => x.Status == ExpertStatus.Active), r => r.ExpertId, x => x.Id, (r, x) => new { x.Name, r.Cause, r.CreatedAtUtc })
                .OrderBy(x => x.CreatedAtUtc)
                .ToListAsync(cancellationToken);
            items.AddRange(reviews.Select(r => new TodoItem(Module, "取消资格研判", $"{r.Name}：{Domain.DisqualificationReviews.CauseName(r.Cause)}，待确认或不予取消", null, "/experts/Reviews")));
        }

        if (scope.IsCountyManager)
        {
            // 执法+专家: requests waiting for the bureau to pick experts (no rule picks them by itself).
            var asked = await db.AssistanceRequests.AsNoTracking().Where(r => r.DispatchId == null)
                .OrderBy(r => r.StartsAtUtc)
                .Select(r => new { r.Id, r.UnitName, r.TargetName, r.Fields, r.Count, r.StartsAtUtc })
                .ToListAsync(cancellationToken);
            items.AddRange(asked.Select(r => new TodoItem(Module, "执法专家协助", $"{r.UnitName}请求 {r.Fields} 领域专家 {r.Count} 名协助检查{r.TargetName}：选派专家", r.StartsAtUtc,
                "/experts/Dispatches/Create?request=" + r.Id.ToString(CultureInfo.InvariantCulture))));
        }

        if (scope.DepartmentId is { } organiser)
        {
            var dispatches = await db.Dispatches.AsNoTracking()
                .Where(d => d.DepartmentId == organiser && d.StartsAtUtc > now && d.Assignments.Any(a => a.Answer == AnswerStatus.Pending))
                .Select(d => new { d.Id, d.Title, d.AnswerByUtc, Pending = d.Assignments.Count(a => a.Answer == AnswerStatus.Pending) })
                .ToListAsync(cancellationToken);
            items.AddRange(dispatches.Select(d => new TodoItem(Module, "调用答复", $"{d.Title}：{d.Pending} 名专家尚未答复", d.AnswerByUtc,
                "/experts/Dispatches/Details?id=" + d.Id.ToString(CultureInfo.InvariantCulture))));
        }

        // 信息变更确认 (county manager) and 专家队伍备案 (a department keeping a team that has not filed this year).
        if (scope.IsCountyManager)
        {
            var pending = await db.ExpertChanges.AsNoTracking().CountAsync(c => c.Status == ExpertChangeStatus.Pending, cancellationToken);
            if (pending > 0)
            {
                items.Add(new TodoItem(Module, "信息变更确认", $"{pending} 项部门报备的专家信息变更待确认", null, "/experts/Changes"));
            }
        }

        if (scope.DepartmentId is { } filer && unit is not null)
        {
            var year = filings.CurrentYear;
            var team = await db.Experts.AsNoTracking().CountAsync(
                e => e.Level == ExpertTeamLevel.Department && e.DepartmentId == filer && e.Status == ExpertStatus.Active, cancellationToken);
            if (team > 0 && !await filings.FiledAsync(filer, year, cancellationToken))
            {
                var deadline = await filings.DeadlineAsync(year, county.Required, cancellationToken);
                items.Add(new TodoItem(Module, "专家队伍备案", $"{year} 年度本部门专家队伍（{team} 名）尚未报备，截止 {Domain.TeamFilings.Date(deadline)}",
                    Domain.TeamFilings.DeadlineUtc(deadline), "/experts/Filing"));
            }
        }

        return items.MostUrgentFirst(now).Take(limit).ToList();
    }

    /// <summary>Per round: the candidates still to select (遴选) and those passed and waiting for approval (批准入库).</summary>
    private async Task<IEnumerable<TodoItem>> SelectionAsync(System.Linq.Expressions.Expression<Func<Recommendation, bool>> whose, CancellationToken cancellationToken)
    {
        var groups = await db.Recommendations.AsNoTracking()
            .Where(whose)
            .Where(r => r.RoundId != null && (r.Status == RecommendationStatus.Submitted || r.Status == RecommendationStatus.Passed))
            .GroupBy(r => new { r.RoundId, r.Status })
            .Select(g => new { g.Key.RoundId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.RoundId!.Value).Distinct().ToList();
        var titles = await db.Rounds.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        return groups.OrderBy(g => g.RoundId).ThenBy(g => g.Status).Select(g => g.Status == RecommendationStatus.Submitted
            ? new TodoItem(Module, "遴选", $"{titles.GetValueOrDefault(g.RoundId!.Value)}：{g.Count} 名推荐人选待遴选", null, Selection(g.RoundId.Value))
            : new TodoItem(Module, "批准入库", $"{titles.GetValueOrDefault(g.RoundId!.Value)}：{g.Count} 名人选已通过遴选，待批准入库", null, Selection(g.RoundId.Value)));
    }

    private static string Selection(int round) => "/experts/Selection?round=" + round.ToString(CultureInfo.InvariantCulture);
}
