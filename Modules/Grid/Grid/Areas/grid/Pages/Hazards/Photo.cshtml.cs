using Emergency.BuildingBlocks.Files;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Hazards;

/// <summary>Serves a hazard photo from outside the web root, to those who may see the hazard.</summary>
internal sealed class PhotoModel(GridDbContext db, GridAccess access, IModuleFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var photo = await db.HazardPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var hazard = photo is null ? null : await db.Hazards.AsNoTracking().SingleOrDefaultAsync(h => h.Id == photo.HazardId, cancellationToken);
        if (photo is null || hazard is null || !access.MaySee(hazard))
        {
            return NotFound();
        }

        var stream = files.OpenRead(access.County, GridModule.ModuleName, photo.FileName);
        if (stream is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(stream, photo.ContentType);
    }
}
