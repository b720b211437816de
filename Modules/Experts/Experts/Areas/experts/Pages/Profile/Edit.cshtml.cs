using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Profile;

/// <summary>
/// 修改专家信息: mobile, email, employer and its email, title and fields. The county manager's edit applies at
/// once; the expert's department files it for the bureau to confirm (<see cref="ExpertEditing"/>). Another
/// county's or unit's expert is a 404, a user who may not edit gets 403.
/// </summary>
internal sealed class EditModel(ExpertsDbContext db, ExpertsAccess access, ExpertEditing editing) : PageModel
{
    public Expert Expert { get; private set; } = new();

    public EditMode Mode { get; private set; }

    public IReadOnlyList<Field> Fields { get; private set; } = [];

    public ExpertChange? Pending { get; private set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var current = await editing.FieldIdsAsync(id, cancellationToken);
        Input = new EditInput
        {
            Mobile = Expert.Mobile,
            Email = Expert.Email,
            Employer = Expert.Employer,
            EmployerEmail = Expert.EmployerEmail,
            Title = Expert.Title,
            FieldIds = current,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var edit = new ExpertEdit(Input.Mobile ?? "", Input.Email, Input.Employer ?? "", Input.EmployerEmail, Input.Title ?? "", Input.FieldIds).Normalized();
        var current = await editing.FieldIdsAsync(id, cancellationToken);
        foreach (var problem in await editing.ValidateAsync(edit, current, cancellationToken))
        {
            ModelState.AddModelError("Input." + problem.Field, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var expert = await db.Experts.SingleAsync(e => e.Id == id, cancellationToken);
        var problemText = Mode == EditMode.Direct
            ? await editing.ApplyAsync(expert, edit, access.UserName, cancellationToken)
            : await editing.ProposeAsync(expert, edit, access.UserName, access.Unit?.Name, cancellationToken);
        if (problemText is not null)
        {
            ModelState.AddModelError("", problemText);
            return Page();
        }

        Notice = Mode == EditMode.Direct ? $"已修改 {expert.Name} 的信息" : $"已报备 {expert.Name} 的信息变更，待应急管理局确认";
        return RedirectToPage("Index", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        Expert = expert;
        Mode = ExpertEditing.ModeFor(access, expert);
        if (Mode == EditMode.None)
        {
            return Forbid();
        }

        if (expert.Status != ExpertStatus.Active)
        {
            return Forbid();
        }

        var held = await editing.FieldIdsAsync(id, cancellationToken);
        Fields = await db.Fields.AsNoTracking().Where(f => f.Active || held.Contains(f.Id))
            .OrderBy(f => f.Category).ThenBy(f => f.SortOrder).ToListAsync(cancellationToken);
        Pending = await db.ExpertChanges.AsNoTracking().FirstOrDefaultAsync(c => c.ExpertId == id && c.Status == ExpertChangeStatus.Pending, cancellationToken);
        return null;
    }

    internal sealed class EditInput
    {
        public string? Mobile { get; set; }

        public string? Email { get; set; }

        public string? Employer { get; set; }

        public string? EmployerEmail { get; set; }

        public string? Title { get; set; }

        public List<int> FieldIds { get; set; } = [];
    }
}
