using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Todo;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Todo;

/// <summary>
/// The 一张网 and 镇企联动协议 part of 我的待办: for the county managers the requests to assign; for the supplying unit
/// those to confirm; for the requesting township those to close; for a township its active agreements expired or
/// ending within teams.agreement-expiry-lead-days. A part of <see cref="TeamsTodo"/>.
/// </summary>
internal sealed class SupportTodo(TeamsDbContext db, ICountySettings settings, TimeProvider clock)
{
    private const string Module = TeamsModule.ModuleName;

    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(UnitScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (limit <= 0 || !scope.CanWrite)
        {
            return [];
        }

        var items = new List<TodoItem>();
        foreach (var (title, query) in Requests(scope))
        {
            var rows = await query.OrderBy(r => r.NeededByUtc).Take(limit).ToListAsync(cancellationToken);
            items.AddRange(rows.Select(r => new TodoItem(Module, title,
                $"{r.TownshipName}申请{SupportDesk.NeedName(r.Need)}支援（第 {Id(r.Id)} 号）：{r.Place}，{ChinaTime.Format(r.NeededByUtc)} 前到达",
                r.NeededByUtc,
                "/teams/Support/Details?id=" + Id(r.Id))));
        }

        if (await AgreementsAsync(scope, cancellationToken) is { } agreements)
        {
            var today = DateOnly.FromDateTime(ChinaTime.Now(clock));
            var rows = await agreements.OrderBy(a => a.ValidTo).Take(limit).ToListAsync(cancellationToken);
            items.AddRange(rows.Select(a => new TodoItem(Module, a.ValidTo < today ? "镇企联动协议已到期" : "镇企联动协议即将到期",
                $"与{a.EnterpriseName}的联动协议 {StockNotices.Date(a.ValidTo)} 到期，请及时续签",
                null,
                "/teams/Agreements/Edit?id=" + Id(a.Id))));
        }

        return items.Take(limit).ToList();
    }

    public async Task<int> CountAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanWrite)
        {
            return 0;
        }

        var count = 0;
        foreach (var (_, query) in Requests(scope))
        {
            count += await query.CountAsync(cancellationToken);
        }

        return count + (await AgreementsAsync(scope, cancellationToken) is { } agreements ? await agreements.CountAsync(cancellationToken) : 0);
    }

    private IEnumerable<(string Title, IQueryable<SupportRequest> Query)> Requests(UnitScope scope)
    {
        var requests = db.SupportRequests.AsNoTracking();
        if (scope.IsCountyManager)
        {
            yield return ("待指派支援单位", requests.Where(r => r.Status == SupportStatus.Requested));
        }

        switch (scope)
        {
            case { Level: UserScope.Township, TownshipId: { } township }:
                yield return ("待确认支援", requests.Where(r => r.Status == SupportStatus.Assigned && r.SupplierTownshipId == township));
                yield return ("支援待结案", requests.Where(r => r.Status == SupportStatus.Confirmed && r.TownshipId == township));
                break;
            case { Level: UserScope.Department, DepartmentId: { } department }:
                yield return ("待确认支援", requests.Where(r => r.Status == SupportStatus.Assigned && r.SupplierDepartmentId == department));
                break;
        }
    }

    private async Task<IQueryable<Agreement>?> AgreementsAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        if (scope is not { Level: UserScope.Township, TownshipId: { } township })
        {
            return null;
        }

        var lead = await settings.GetAsync(TeamsModule.AgreementExpiryLeadDays, cancellationToken);
        var horizon = DateOnly.FromDateTime(ChinaTime.Now(clock)).AddDays(lead);
        return db.Agreements.AsNoTracking().Where(a => a.TownshipId == township && a.Status == AgreementStatus.Active && a.ValidTo <= horizon);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
