using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Drills;

/// <summary>The drills the user may see, the latest first.</summary>
internal sealed class IndexModel(TrainingDbContext db, TrainingAccess access) : PageModel
{
    public IReadOnlyList<Drill> Drills { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Drills = await access.Visible(db.Drills.AsNoTracking())
            .Include(d => d.Units)
            .OrderByDescending(d => d.StartsAtUtc)
            .Take(300)
            .ToListAsync(cancellationToken);
}
