using Emergency.Samples.Acknowledgements.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Samples.Acknowledgements.Areas.acknowledgements.Pages;

internal sealed class IndexModel(AcknowledgementsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Acknowledgement> Items { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Items = await db.Acknowledgements.AsNoTracking().OrderByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken cancellationToken)
    {
        var ack = await db.Acknowledgements.FindAsync([id], cancellationToken);
        if (ack is null)
        {
            return NotFound();
        }

        ack.AcknowledgedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
