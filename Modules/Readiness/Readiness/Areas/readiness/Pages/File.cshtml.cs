using Emergency.BuildingBlocks.Files;
using Emergency.Readiness.Data;
using Emergency.Readiness.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Areas.readiness.Pages;

/// <summary>A document's file, served to users who may see its township or village (else 404).</summary>
internal sealed class FileModel(ReadinessAccess access, ReadinessDbContext db, IModuleFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var doc = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (doc is null)
        {
            return NotFound();
        }

        var visible = doc.Level == (int)UnitLevel.Township
            ? await access.TownshipAsync(doc.UnitId, cancellationToken) is not null
            : await access.VillageAsync(doc.UnitId, cancellationToken) is not null;
        if (!visible || files.OpenRead(access.County, ReadinessModule.ModuleName, doc.FileName) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, doc.ContentType, doc.OriginalName.Length > 0 ? doc.OriginalName : doc.Title);
    }
}
