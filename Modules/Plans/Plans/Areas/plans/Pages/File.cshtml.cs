using Emergency.BuildingBlocks.Files;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>Serves a version's file (any version, the one in force or an old one) from outside the web root, to those who may see the plan; else 404.</summary>
internal sealed class FileModel(PlansDbContext db, PlansAccess access, IModuleFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
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
