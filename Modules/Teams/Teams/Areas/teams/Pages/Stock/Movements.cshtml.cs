using System.Globalization;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Stock;

/// <summary>物资变动记录: a site's movements (optionally of one kind), or one kind's across the sites the user sees; 20 to a page.</summary>
internal sealed class MovementsModel(TeamsDbContext db, StockAccess access) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = access.Visible(db.Sites.AsNoTracking(), StockAccess.Sites);
        var sites = await visible.ToDictionaryAsync(s => s.Id, cancellationToken);
        var allSiteNames = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var kinds = await db.SupplyKinds.AsNoTracking().ToDictionaryAsync(k => k.Id, cancellationToken);
        if (Site is { } site && !sites.ContainsKey(site))
        {
            return NotFound();
        }

        if (Site is null && Kind is null)
        {
            return NotFound();
        }

        var ids = sites.Keys.ToList();
        var query = db.Movements.AsNoTracking().Where(m => ids.Contains(m.SiteId));
        if (Site is { } s)
        {
            query = query.Where(m => m.SiteId == s);
        }

        if (Kind is { } k)
        {
            query = query.Where(m => m.KindId == k);
        }

        Heading = string.Join(" · ", new[] { Site is { } si ? sites[si].Name : null, Kind is { } ki && kinds.TryGetValue(ki, out var kn) ? kn.Name : null }.OfType<string>());
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var movements = await query.OrderByDescending(m => m.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Rows = movements.Select(m => new Row(m, sites.TryGetValue(m.SiteId, out var st) ? st.Name : "", kinds.TryGetValue(m.KindId, out var kd) ? kd : null,
            m.OtherSiteId is { } o ? allSiteNames.GetValueOrDefault(o) : null)).ToList();
        return Page();
    }

    public static string KindName(MovementKind kind) => kind switch
    {
        MovementKind.In => "入库",
        MovementKind.Out => "出库",
        MovementKind.TransferOut => "调出",
        MovementKind.TransferIn => "调入",
        _ => "盘点",
    };

    public Dictionary<string, string> Route(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (Site is { } s)
        {
            route["Site"] = s.ToString(CultureInfo.InvariantCulture);
        }

        if (Kind is { } k)
        {
            route["Kind"] = k.ToString(CultureInfo.InvariantCulture);
        }

        return route;
    }

    internal sealed record Row(StockMovement Movement, string SiteName, SupplyKind? Kind, string? OtherSite);
}
