using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Recommend;

/// <summary>
/// 《XX县应急管理专家推荐表》 as it is printed, stamped and sent in: a bare A4 page without the navigation.
/// Only the recommending unit and the county managers see it; anyone else gets 404.
/// </summary>
internal sealed class PrintModel(ExpertsDbContext db, ExpertsAccess access, ICountyDirectory counties, ICountyContext county) : PageModel
{
    public Recommendation Recommendation { get; private set; } = null!;

    public string CountyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.AsNoTracking().Include(r => r.Field).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recommendation is null)
        {
            return NotFound();
        }

        var unit = access.Unit;
        if (unit?.Key != recommendation.UnitKey && !access.IsCountyManager)
        {
            return NotFound();
        }

        Recommendation = recommendation;
        Response.Headers.CacheControl = "no-store";
        CountyName = (await counties.FindAsync(county.Required, cancellationToken))?.Name ?? "";
        return Page();
    }

    /// <summary>The print stylesheet (wwwroot/print.css, embedded): a same-origin file, as the CSP allows, in any hosting.</summary>
    public IActionResult OnGetCss()
    {
        var stream = typeof(PrintModel).Assembly.GetManifestResourceStream("Emergency.Experts.print.css");
        if (stream is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(stream, "text/css; charset=utf-8");
    }
}
