using Emergency.BuildingBlocks.Files;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>
/// Serves a version's file (any version, the one in force or an old one) or an evaluation report's file
/// (<c>?evaluation=</c>) or a drill's 演练评估报告 (<c>?drill=</c>) from outside the web root, to those who may see the plan; else 404.
/// </summary>
internal sealed class FileModel(PlansDbContext db, PlansAccess access, IModuleFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int? evaluation, int? drill, CancellationToken cancellationToken)
    {
        if (drill is { } dr)
        {
            var held = await db.Drills.AsNoTracking().FirstOrDefaultAsync(x => x.Id == dr, cancellationToken);
            if (held is null || !await access.Visible(db.Plans.AsNoTracking()).AnyAsync(p => p.Id == held.PlanId, cancellationToken)
                || files.OpenRead(access.County, PlansModule.ModuleName, held.FileName) is not { } drillStream)
            {
                return NotFound();
            }

            Response.Headers.CacheControl = "private, no-store";
            return File(drillStream, held.ContentType, held.OriginalName);
        }

        if (evaluation is { } e)
        {
            var report = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, cancellationToken);
            if (report?.FileName is not { } name || !await access.Visible(db.Plans.AsNoTracking()).AnyAsync(p => p.Id == report.PlanId, cancellationToken)
                || files.OpenRead(access.County, PlansModule.ModuleName, name) is not { } reportStream)
            {
                return NotFound();
            }

            Response.Headers.CacheControl = "private, no-store";
            return File(reportStream, report.ContentType ?? "application/octet-stream", report.OriginalName);
        }

        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null || !await access.Visible(db.Plans.AsNoTracking()).AnyAsync(p => p.Id == version.PlanId, cancellationToken))
        {
            return NotFound();
        }

        if (version.FileName.Length == 0 || files.OpenRead(access.County, PlansModule.ModuleName, version.FileName) is not { } stream)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(stream, version.ContentType, version.OriginalName);
    }
}
