using Microsoft.AspNetCore.Mvc;

namespace Emergency.Plans.Areas.plans.Pages.Filings;

/// <summary>The printable 补正通知书 of a filing that was returned for correction.</summary>
internal sealed class CorrectionModel(Data.PlansDbContext db, Domain.PlansAccess access) : FilingPrintModel(db, access)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && Filing.Corrections is not null ? Page() : NotFound();
}
