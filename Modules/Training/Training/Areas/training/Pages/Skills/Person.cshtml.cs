using Emergency.BuildingBlocks.Access;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Skills;

/// <summary>
/// One person's 五知十会 checklist (a known person, or an invitee who was not picked from the known people): each item
/// with who ticked it and when; the trainer ticks and un-ticks. A person outside the user's units is 404; a user who
/// may see but not train them gets 403 on a write.
/// </summary>
internal sealed class PersonModel(TrainingDbContext db, TrainingAccess access, Checklist checklist) : PageModel
{
    public string Name { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string Role { get; private set; } = "";

    public bool CanTick { get; private set; }

    public IReadOnlyList<SkillTick> Ticks { get; private set; } = [];

    [BindProperty]
    public List<int> Items { get; set; } = [];

    private ChecklistOwner owner = new(null, null);

    public async Task<IActionResult> OnGetAsync(int? person, int? invitee, CancellationToken cancellationToken)
    {
        if (await LoadAsync(person, invitee, cancellationToken) is { } other)
        {
            return other;
        }

        return Page();
    }

    [RequirePermission(TrainingModule.Manage)]
    public async Task<IActionResult> OnPostAsync(int? person, int? invitee, CancellationToken cancellationToken)
    {
        if (await LoadAsync(person, invitee, cancellationToken) is { } other)
        {
            return other;
        }

        if (!CanTick)
        {
            return Forbid();
        }

        if (await checklist.SetAsync(owner, Items, access.UserName, access.DisplayName, cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(Items), problem);
            return Page();
        }

        TempData["Notice"] = $"已保存{Name}的五知十会：具备 {Items.Distinct().Count()} / {SkillItems.Count} 项";
        return RedirectToPage(new { person, invitee });
    }

    /// <summary>Loads the person; returns the result to answer instead (404, or a redirect to the known person's own checklist).</summary>
    private async Task<IActionResult?> LoadAsync(int? person, int? invitee, CancellationToken cancellationToken)
    {
        if (person is { } id)
        {
            if (await access.Visible(db.KnownPeople.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } known)
            {
                return NotFound();
            }

            (Name, UnitName, Role) = (known.Name, known.UnitName, known.Role);
            CanTick = access.Trains(known);
            owner = new ChecklistOwner(known.Id, null);
        }
        else if (invitee is { } inviteeId)
        {
            var found = await db.Invitees.AsNoTracking().FirstOrDefaultAsync(i => i.Id == inviteeId, cancellationToken);
            var session = found is null ? null : await access.Visible(db.Sessions.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == found.SessionId, cancellationToken);
            if (found is null || session is null)
            {
                return NotFound();
            }

            if (found.KnownPersonId is { } knownId && await access.Visible(db.KnownPeople).AnyAsync(p => p.Id == knownId, cancellationToken))
            {
                // One checklist per person: an invitee picked from the known people is ticked on the known person.
                return RedirectToPage(new { person = knownId });
            }

            (Name, UnitName, Role) = (found.Name, found.UnitName, "受邀人员");
            CanTick = access.Organises(session);
            owner = new ChecklistOwner(null, found.Id);
        }
        else
        {
            return NotFound();
        }

        Ticks = await checklist.TicksAsync(owner, cancellationToken);
        return null;
    }
}
