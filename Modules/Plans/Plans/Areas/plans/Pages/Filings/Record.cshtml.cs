using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Areas.plans.Pages.Filings;

/// <summary>
/// The printable 备案登记表 (after 登记 or 视为备案) or 补正通知书 (<see cref="Correction"/>) of a filing; 404 outside
/// the user's view or before there is anything to print.
/// </summary>
internal abstract class FilingPrintModel(PlansDbContext db, PlansAccess access) : PageModel
{
    public Plan Plan { get; private set; } = null!;

    public PlanVersion Version { get; private set; } = null!;

    public Filing Filing { get; private set; } = null!;

    protected async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Filings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is not { } filing
            || await Versions.FindAsync(access.Visible(db.Plans.AsNoTracking()), filing.PlanId, cancellationToken) is not { } plan)
        {
            return false;
        }

        Filing = filing;
        Plan = plan;
        Version = plan.Versions.First(v => v.Id == filing.VersionId);
        return true;
    }
}

internal sealed class RecordModel(PlansDbContext db, PlansAccess access) : FilingPrintModel(db, access)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && Filing.State is FilingState.Registered or FilingState.Deemed ? Page() : NotFound();
}
