using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Draws;

/// <summary>A draw: the targets and officers drawn, the full record (seed, algorithm, candidates, recusals, previous teams), and 验证: re-running it from the record (一致/不一致).</summary>
internal sealed class DetailsModel(EnforcementDbContext db, EnforcementAccess access) : PageModel
{
    public Draw Draw { get; private set; } = null!;

    /// <summary>The verification's answer, when asked.</summary>
    public bool? Consistent { get; private set; }

    public string County => access.County;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetVerifyAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Consistent = Domain.Draws.Verify(Draw);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Visible(db.Draws.AsNoTracking()).Include(d => d.Items).SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } draw)
        {
            return NotFound();
        }

        Draw = draw;
        return null;
    }
}
