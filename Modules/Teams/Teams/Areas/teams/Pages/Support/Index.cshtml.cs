using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Support;

/// <summary>一张网: the support requests the user may see (own, supplied by the user's unit, or all for the county), by state.</summary>
internal sealed class IndexModel(TeamsDbContext db, SupportAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SupportStatus? Status { get; set; }

    public IReadOnlyList<SupportRequest> Rows { get; private set; } = [];

    public bool MayRequest => access.MayRequest;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = access.Visible(db.SupportRequests.AsNoTracking().Include(r => r.SupplyKind));
        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        Rows = await query.OrderBy(r => r.Status == SupportStatus.Closed).ThenByDescending(r => r.Id).Take(200).ToListAsync(cancellationToken);
    }

    public static string What(SupportRequest r) =>
        r.Need == SupportNeed.Supplies ? $"{r.SupplyKind?.Name} {r.Quantity} {r.SupplyKind?.Unit}" : $"{r.TeamNeed} {r.Quantity} 人";
}
