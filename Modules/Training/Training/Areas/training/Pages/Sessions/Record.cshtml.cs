using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Training.Areas.training.Pages.Sessions;

/// <summary>培训记录 (令第2号 Art 31: time, place, content, trainer, attendees, results), printable; 404 outside the user's view.</summary>
internal sealed class RecordModel(TrainingDbContext db, TrainingAccess access, Domain.Sessions sessions) : PageModel
{
    public TrainingSession Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(access.Visible(db.Sessions), id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        Session = session;
        Session.Invitees.Sort((a, b) => a.Id.CompareTo(b.Id));
        return Page();
    }
}
