using Emergency.BuildingBlocks.Access;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Officers;

/// <summary>An officer with the declared conflicts (应回避的企业), and declaring one by the enterprise's 统一社会信用代码.</summary>
internal sealed class DetailsModel(EnforcementDbContext db, EnforcementAccess access, Domain.Officers officers) : PageModel
{
    public Officer Officer { get; private set; } = null!;

    public IReadOnlyList<(Conflict Conflict, string TargetName)> Conflicts { get; private set; } = [];

    public bool Keeps { get; private set; }

    [BindProperty]
    public ConflictInput Conflict { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    [RequirePermission(EnforcementModule.Manage)]
    public async Task<IActionResult> OnPostConflictAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Keeps)
        {
            return Forbid();
        }

        var code = CreditCode.Normalise(Conflict.CreditCode);
        var target = await access.Visible(db.Targets).SingleOrDefaultAsync(t => t.CreditCode == code, cancellationToken);
        var problems = await officers.DeclareConflictAsync(Officer, target, Conflict.Reason, access.UserName, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return Page();
        }

        TempData["Notice"] = $"已登记回避：{Officer.Name} 与 {target!.Name}";
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Visible(db.Officers).SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } officer)
        {
            return NotFound();
        }

        Officer = officer;
        Keeps = access.Keeps(officer);
        Conflicts = (await (from c in db.Conflicts.AsNoTracking()
                            join t in db.Targets.AsNoTracking() on c.TargetId equals t.Id
                            where c.OfficerId == id
                            orderby c.Id
                            select new { c, t.Name }).ToListAsync(cancellationToken))
            .Select(x => (x.c, x.Name)).ToList();
        return null;
    }

    internal sealed class ConflictInput
    {
        public string? CreditCode { get; set; }

        public string? Reason { get; set; }
    }
}
