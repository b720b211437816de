using Emergency.BuildingBlocks.Files;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Drills;

/// <summary>Serves a drill's photo (<c>photo</c> given) or its evaluation report's file from outside the web root, to those who may see the drill.</summary>
internal sealed class FileModel(TrainingDbContext db, TrainingAccess access, IModuleFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int? photo, CancellationToken cancellationToken)
    {
        var drill = await access.Visible(db.Drills.AsNoTracking()).Include(d => d.Photos).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (drill is null)
        {
            return NotFound();
        }

        var (name, contentType) = photo is { } p
            ? drill.Photos.FirstOrDefault(x => x.Id == p) is { } found ? (found.FileName, found.ContentType) : (null, null)
            : (drill.EvaluationFileName, drill.EvaluationContentType);
        if (name is null || contentType is null || files.OpenRead(access.County, TrainingModule.ModuleName, name) is not { } stream)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return photo is null ? File(stream, contentType, drill.EvaluationOriginalName) : File(stream, contentType);
    }
}
