using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Shelters;

/// <summary>One shelter: its facts, with the edit link for those who may change it.</summary>
internal sealed class DetailsModel(TeamsDbContext db, ShelterAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Shelter Shelter { get; private set; } = null!;

    public bool MayManage { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var shelter = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (shelter is null || !access.MaySee(shelter))
        {
            return NotFound();
        }

        Shelter = shelter;
        MayManage = access.MayManage(shelter);
        return Page();
    }
}
