using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>The plan registry (预案目录) the user may see, filtered by township, type and status, 20 a page.</summary>
internal sealed class IndexModel(PlansDbContext db, PlansAccess access, ICountyUnits units) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public PlanType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public PlanStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyDictionary<int, Filing> Filings { get; private set; } = new Dictionary<int, Filing>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Townships = await units.TownshipsAsync(access.County, cancellationToken);
        var query = access.Visible(db.Plans.AsNoTracking());
        if (Township is { } t)
        {
            query = query.Where(p => p.TownshipId == t);
        }

        if (Type is { } type)
        {
            query = query.Where(p => p.Type == type);
        }

        if (Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Plans = await query.OrderBy(p => p.OwnerLevel).ThenBy(p => p.TownshipId).ThenBy(p => p.Type).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var versions = Plans.Where(p => p.CurrentVersionId != null).Select(p => p.CurrentVersionId!.Value).ToList();
        Filings = await db.Filings.AsNoTracking().Where(f => versions.Contains(f.VersionId)).ToDictionaryAsync(f => f.PlanId, cancellationToken);
    }

    public Dictionary<string, string?> Route(int page) => new()
    {
        ["Township"] = Township?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Type"] = Type?.ToString(),
        ["Status"] = Status?.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
