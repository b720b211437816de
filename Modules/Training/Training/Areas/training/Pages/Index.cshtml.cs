using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages;

/// <summary>The sessions the user may see, the coming ones first.</summary>
internal sealed class IndexModel(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TrainingSession> Sessions { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Sessions = await access.Visible(db.Sessions.AsNoTracking())
            .Include(s => s.Targets)
            .OrderByDescending(s => s.StartsAtUtc)
            .Take(300)
            .ToListAsync(cancellationToken);
    }
}
