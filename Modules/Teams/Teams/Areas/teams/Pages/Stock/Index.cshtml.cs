using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Stock;

/// <summary>
/// 物资台账: the stock the user may see, filtered by township, site, category, kind, below-minimum and expiring
/// (within teams.supply-expiry-lead-days), 20 to a page, with counts; exported to Excel with the same filter.
/// </summary>
internal sealed class IndexModel(TeamsDbContext db, StockAccess access, StockLedger ledger, CountyStoreCache<(string Scope, string Filter, DateOnly Horizon), LedgerCounts> counts, ICountyUnits units, ICountySettings settings, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    public SupplyCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Below { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expiring { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<StockItem> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int BelowCount { get; private set; }

    public int ExpiringCount { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<StorageSite> Sites { get; private set; } = [];

    public IReadOnlyList<SupplyKind> Kinds { get; private set; } = [];

    public DateOnly Horizon { get; private set; }

    public bool ManagesAny => access.ManagesAny;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = await FilterAsync(cancellationToken);
        var all = access.Visible(db.Stock.AsNoTracking(), StockAccess.Stock);
        var horizon = Horizon;
        var scope = $"{access.Scope.Level}:{access.Scope.UnitKey}";
        var filter = CountyStoreCache.FilterKey(Route(1).Where(r => r.Key != "p"));
        var tally = await counts.GetAsync(access.County, (scope, filter, horizon), async ct => new LedgerCounts(
            await query.CountAsync(ct),
            await all.CountAsync(s => s.BelowSinceOn != null, ct),
            await all.CountAsync(s => s.ExpiresOn != null && s.ExpiresOn <= horizon && s.Quantity > 0, ct)), cancellationToken);
        (Total, BelowCount, ExpiringCount) = (tally.Total, tally.Below, tally.Expiring);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        // A page is read in the order of an index rather than sorted out of the whole ledger: a category across
        // the county by kind, then site ((KindId, SiteId)); everything else by site, then kind ((SiteId, KindId),
        // (TownshipId, SiteId, KindId)).
        var ordered = Category is not null && Township is null && Site is null
            ? query.OrderBy(s => s.KindId).ThenBy(s => s.SiteId)
            : query.OrderBy(s => s.SiteId).ThenBy(s => s.KindId);
        Rows = await ordered
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }

    /// <summary>The ledger with the page's filter as an Excel sheet.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = await (await FilterAsync(cancellationToken)).OrderBy(s => s.SiteId).ThenBy(s => s.KindId).ToListAsync(cancellationToken);
        var export = new SheetExport("物资台账",
        [
            new("储备点", 24), new("所属单位", 18), new("类别"), new("品名", 20), new("单位"), new("库存"), new("最低库存"), new("有效期/保养日期"), new("低于最低库存"),
        ]);
        foreach (var s in rows)
        {
            export.Add(s.Site!.Name, s.Site.OwnerName, CategoryName(s.Kind!.Category), s.Kind.Name, s.Kind.Unit, s.Quantity, s.Minimum,
                s.ExpiresOn is { } e ? StockNotices.Date(e) : "", s.BelowSinceOn is null ? "否" : "是");
        }

        return export.ToFile("物资台账.xlsx");
    }

    public static string CategoryName(SupplyCategory category) => category switch
    {
        SupplyCategory.Firefighting => "灭火救援",
        SupplyCategory.WorkSafety => "安全生产",
        SupplyCategory.FloodDrought => "防汛抗旱",
        SupplyCategory.SnowIce => "雨雪冰冻",
        SupplyCategory.Medical => "医疗卫生",
        _ => "疏散安置",
    };

    public static string SiteKindName(SiteKind kind) => kind switch
    {
        SiteKind.CountyWarehouse => "县级仓库",
        SiteKind.Township => "乡镇储备点",
        SiteKind.Village => "村级微型仓/救援站/救援箱",
        SiteKind.Enterprise => "企业储备",
        _ => "社会储备",
    };

    public Dictionary<string, string> Route(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (Township is { } t)
        {
            route["Township"] = t.ToString(CultureInfo.InvariantCulture);
        }

        if (Site is { } s)
        {
            route["Site"] = s.ToString(CultureInfo.InvariantCulture);
        }

        if (Category is { } c)
        {
            route["Category"] = c.ToString();
        }

        if (Kind is { } k)
        {
            route["Kind"] = k.ToString(CultureInfo.InvariantCulture);
        }

        if (Below)
        {
            route["Below"] = "true";
        }

        if (Expiring)
        {
            route["Expiring"] = "true";
        }

        return route;
    }

    private async Task<IQueryable<StockItem>> FilterAsync(CancellationToken cancellationToken)
    {
        await ledger.EnsureCatalogueAsync(cancellationToken);
        var today = DateOnly.FromDateTime(ChinaTime.Now(clock));
        Horizon = today.AddDays(await settings.GetAsync(TeamsModule.SupplyExpiryLeadDays, cancellationToken));
        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        Townships = access.SeesWholeCounty ? townships : townships.Where(t => t.Id == access.TownshipId).ToList();
        // The site list follows the township filter: county-wide it lists the county's own sites (warehouses,
        // departments), not every village box of the county; choosing a township lists that township's sites.
        var sites = access.Visible(db.Sites.AsNoTracking(), StockAccess.Sites);
        if (Township is { } chosen)
        {
            sites = sites.Where(s => s.TownshipId == chosen);
        }
        else if (access.SeesWholeCounty)
        {
            var picked = Site;
            sites = sites.Where(s => s.TownshipId == null || s.Id == picked);
        }

        Sites = await sites.OrderBy(s => s.Kind).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        Kinds = await db.SupplyKinds.AsNoTracking().OrderBy(k => k.Category).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        var query = access.Visible(db.Stock.AsNoTracking(), StockAccess.Stock).Include(s => s.Site).Include(s => s.Kind).AsQueryable();
        if (Township is { } township)
        {
            query = query.Where(s => s.TownshipId == township);
        }

        if (Site is { } site)
        {
            query = query.Where(s => s.SiteId == site);
        }

        if (Category is { } category)
        {
            // By the kinds' ids rather than a join on the catalogue, so the (KindId, SiteId) index serves the order.
            var kinds = Kinds.Where(k => k.Category == category).Select(k => k.Id).ToList();
            query = query.Where(s => kinds.Contains(s.KindId));
        }

        if (Kind is { } kind)
        {
            query = query.Where(s => s.KindId == kind);
        }

        if (Below)
        {
            query = query.Where(s => s.BelowSinceOn != null);
        }

        if (Expiring)
        {
            var horizon = Horizon;
            query = query.Where(s => s.ExpiresOn != null && s.ExpiresOn <= horizon && s.Quantity > 0);
        }

        return query;
    }
}
