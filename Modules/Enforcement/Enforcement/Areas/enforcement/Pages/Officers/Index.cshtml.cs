using Emergency.BuildingBlocks.Clock;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Officers;

/// <summary>执法人员: the officers the user sees, with whether each may be drawn today (valid 执法证) or not (expired, 协管).</summary>
internal sealed class IndexModel(EnforcementDbContext db, EnforcementAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool MayAdd => access.CanWrite && (access.IsCountyManager || access.Scope.Level == BuildingBlocks.Access.UserScope.Township);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        Officers = await access.Visible(db.Officers.AsNoTracking()).OrderBy(o => o.TownshipId).ThenBy(o => o.Auxiliary).ThenBy(o => o.Name).ToListAsync(cancellationToken);
    }
}
