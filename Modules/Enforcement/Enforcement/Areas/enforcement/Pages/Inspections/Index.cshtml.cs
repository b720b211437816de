using Emergency.BuildingBlocks.Clock;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Inspections;

/// <summary>现场检查 the user sees, newest first, each open one with its 复查 countdown.</summary>
internal sealed class IndexModel(EnforcementDbContext db, EnforcementAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Inspection> Inspections { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        Inspections = await access.Visible(db.Inspections.AsNoTracking()).OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).Take(200).ToListAsync(cancellationToken);
    }
}
