using Emergency.BuildingBlocks.Access;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Plans;

/// <summary>年度执法计划: the plans the user sees, and a new plan for the user's own unit.</summary>
internal sealed class IndexModel(EnforcementDbContext db, EnforcementAccess access, Domain.Plans plans, IPermissions permissions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public string UnitName { get; private set; } = "";

    [BindProperty]
    public PlanInputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(BuildingBlocks.Clock.ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        Input.Year = today.Year;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var unit = access.Drawer();
        if (!unit.May || !permissions.Has(EnforcementModule.Manage))
        {
            return Forbid();
        }

        var (saved, problems) = await plans.CreateAsync(
            new PlanRequest(Input.Year, Input.PerKeyA, Input.PerKeyB, Input.PerKeyC, Input.PerKeyD, Input.DrawInspections),
            new Drawer(unit.Township, unit.UnitName, access.UserName),
            cancellationToken);
        if (saved is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Notice"] = $"已保存 {saved.Year} 年度执法计划（草稿）";
        return RedirectToPage("Details", new { id = saved.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var unit = access.Drawer();
        MayCreate = unit.May && permissions.Has(EnforcementModule.Manage);
        UnitName = unit.UnitName;
        Plans = await access.Visible(db.Plans.AsNoTracking()).OrderByDescending(p => p.Year).ThenBy(p => p.UnitName).ToListAsync(cancellationToken);
    }

    internal sealed class PlanInputModel
    {
        public int? Year { get; set; }

        public int? PerKeyA { get; set; } = 1;

        public int? PerKeyB { get; set; } = 1;

        public int? PerKeyC { get; set; } = 1;

        public int? PerKeyD { get; set; } = 1;

        public int? DrawInspections { get; set; }
    }
}
