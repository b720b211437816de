using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Draws;

/// <summary>双随机抽查: the draws the user sees, newest first, and the link to the public page (一公开).</summary>
internal sealed class IndexModel(EnforcementDbContext db, EnforcementAccess access) : PageModel
{
    public IReadOnlyList<Draw> Draws { get; private set; } = [];

    public string County => access.County;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Draws = await access.Visible(db.Draws.AsNoTracking()).Include(d => d.Items).OrderByDescending(d => d.DrawnAtUtc).ThenByDescending(d => d.Id).Take(200).ToListAsync(cancellationToken);
}
