using Emergency.BuildingBlocks.Clock;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Incentives;

/// <summary>The yearly feedback letter as a clean printable page (no navigation, the module's print stylesheet).</summary>
internal sealed class LetterModel(ExpertsDbContext db, ExpertsAccess access, TimeProvider clock) : PageModel
{
    public FeedbackLetter Letter { get; private set; } = null!;

    public string Today { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        var now = ChinaTime.Now(clock);
        Today = now.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        Letter = await FeedbackLetter.LoadAsync(db, expert, year is >= 2000 and <= 2100 ? year.Value : now.Year, cancellationToken);
        return Page();
    }
}
