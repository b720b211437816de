using System.Globalization;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Shelters;

/// <summary>避难场所: the shelters the user may see, filtered by township and status, 20 to a page; exported to Excel with the same filter.</summary>
internal sealed class IndexModel(TeamsDbContext db, ShelterAccess access, ICountyUnits units) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public ShelterStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Shelter> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int TotalCapacity { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public bool ManagesAny => access.ManagesAny;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = await FilterAsync(cancellationToken);
        Total = await query.CountAsync(cancellationToken);
        TotalCapacity = await query.SumAsync(s => s.Capacity, cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(s => s.TownshipId).ThenBy(s => s.VillageId).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }

    /// <summary>The shelters with the page's filter as an Excel sheet.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = await (await FilterAsync(cancellationToken)).OrderBy(s => s.TownshipId).ThenBy(s => s.VillageId).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var export = new SheetExport("避难场所",
        [
            new("名称", 24), new("所属单位", 16), new("地址", 24), new("类型"), new("可容纳人数"), new("面积（平方米）"), new("配套设施", 24),
            new("管理人"), new("联系电话", 14), new("纬度"), new("经度"), new("状态"),
        ]);
        foreach (var s in rows)
        {
            export.Add(s.Name, s.OwnerName, s.Address, ShelterRegistry.KindName(s.Kind), s.Capacity, s.Area, ShelterRegistry.FacilitiesText(s.Facilities),
                s.ManagerName, s.ManagerMobile, s.Latitude, s.Longitude, ShelterRegistry.StatusName(s.Status));
        }

        return export.ToFile("避难场所.xlsx");
    }

    public Dictionary<string, string> Route(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (Township is { } t)
        {
            route["Township"] = t.ToString(CultureInfo.InvariantCulture);
        }

        if (Status is { } s)
        {
            route["Status"] = s.ToString();
        }

        return route;
    }

    private async Task<IQueryable<Shelter>> FilterAsync(CancellationToken cancellationToken)
    {
        var townships = await units.TownshipsAsync(access.County, cancellationToken);
        Townships = access.SeesWholeCounty || access.TownshipId is null ? townships : townships.Where(t => t.Id == access.TownshipId).ToList();
        var query = access.Visible(db.Shelters.AsNoTracking(), ShelterAccess.Shelters);
        if (Township is { } township)
        {
            query = query.Where(s => s.TownshipId == township);
        }

        if (Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        return query;
    }
}
