using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Cases;

/// <summary>
/// The cases the user sees, newest first, 20 to a page, filtered by township, state or open/closed, each with its
/// state and the countdown of its nearest running clock.
/// </summary>
internal sealed class IndexModel(EnforcementDbContext db, EnforcementAccess access, Domain.Cases cases, ICountyUnits units) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseState? State { get; set; }

    /// <summary>Only cases not yet closed (未结案).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(Case Case, CaseClock? Clock)> Rows { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public DateTime NowLocal => cases.NowLocal;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Townships = access.SeesWholeCounty ? await units.TownshipsAsync(access.County, cancellationToken) : [];
        var query = access.Visible(db.Cases.AsNoTracking());
        if (Township is { } township && access.SeesWholeCounty)
        {
            query = query.Where(c => c.TownshipId == township);
        }

        if (State is { } state)
        {
            query = query.Where(c => c.State == state);
        }
        else if (Open)
        {
            query = query.Where(c => c.State != CaseState.Closed);
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var list = await query.OrderByDescending(c => c.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var nearest = await cases.NearestClockAsync(cancellationToken);
        Rows = list.Select(c => (c, nearest(c))).ToList();
    }

    /// <summary>The filter of this page with page <paramref name="page"/>.</summary>
    public Dictionary<string, string> Route(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (Township is { } township)
        {
            route["Township"] = township.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (State is { } state)
        {
            route["State"] = state.ToString();
        }

        if (Open)
        {
            route["Open"] = "true";
        }

        return route;
    }
}
