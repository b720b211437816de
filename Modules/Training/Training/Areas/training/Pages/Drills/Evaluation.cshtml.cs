using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Training.Areas.training.Pages.Drills;

/// <summary>演练评估报告, printable (the drill, what happened, problems found, improvements, the report); 404 outside the user's view.</summary>
internal sealed class EvaluationModel(TrainingDbContext db, TrainingAccess access, Domain.Drills drills) : PageModel
{
    public Drill Drill { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await drills.FindAsync(access.Visible(db.Drills), id, cancellationToken) is not { } drill)
        {
            return NotFound();
        }

        Drill = drill;
        Drill.Problems.Sort((a, b) => a.Id.CompareTo(b.Id));
        return Page();
    }
}
