using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>Registers a plan (预案登记) for a unit the user may register for; refusals beside their fields, nothing written.</summary>
[RequirePermission(PlansModule.Manage)]
internal sealed class CreateModel(PlansDbContext db, PlansAccess access, Registry registry, ICountyUnits units) : PageModel
{
    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public OwnerOptions Options { get; private set; } = null!;

    public IReadOnlyList<Plan> HigherOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var (plan, problems) = await registry.CreateAsync(
            new NewPlan(Input.Title, Input.Type, Input.Category, Input.OwnerKey, Input.EnterpriseName, Input.Risks, Input.HigherPlanId), Options, "Input.", cancellationToken);
        if (plan is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return Page();
        }

        TempData["Notice"] = "已登记预案：" + plan.Title;
        return RedirectToPage("/Details", new { id = plan.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await access.OwnerOptionsAsync(units, cancellationToken) is not { } options)
        {
            return false;
        }

        Options = options;
        HigherOptions = await access.Visible(db.Plans.AsNoTracking()).Where(p => p.Status != PlanStatus.Abolished && p.Type != PlanType.VillageCombined)
            .OrderBy(p => p.OwnerLevel).ThenBy(p => p.Type).ThenBy(p => p.Id).Take(500).ToListAsync(cancellationToken);
        return true;
    }

    internal sealed class PlanInput
    {
        public string? Title { get; set; }

        public PlanType? Type { get; set; }

        public SpecialCategory? Category { get; set; }

        /// <summary>"department:5", "township:3" or "village:7" (ignored for the county government's plans).</summary>
        public string? OwnerKey { get; set; }

        public string? EnterpriseName { get; set; }

        public string? Risks { get; set; }

        public int? HigherPlanId { get; set; }
    }
}
