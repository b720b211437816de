using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Certificate;

/// <summary>
/// 聘任证书 as printed (a bare A4 page with the module's print stylesheet and a print button), for those who
/// may open the expert; anyone else gets 404. A revoked certificate is shown marked 已撤销 with date and reason.
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, ICountyDirectory counties, ICountyContext county) : PageModel
{
    public ExpertCertificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        var countyName = (await counties.FindAsync(county.Required, cancellationToken))?.Name ?? county.Required;
        Certificate = await ExpertCertificate.LoadAsync(db, expert, countyName, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
