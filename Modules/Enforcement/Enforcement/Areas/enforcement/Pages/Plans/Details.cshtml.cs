using Emergency.BuildingBlocks.Access;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Plans;

/// <summary>
/// A plan with its computed counts; 报批 by its unit, 批准 by a holder of the approve permission acting for the same unit
/// (the county manager for the county bureau's plan; the township's account for a township's, which its 党委政府 approves).
/// </summary>
internal sealed class DetailsModel(EnforcementDbContext db, EnforcementAccess access, Domain.Plans plans, IPermissions permissions) : PageModel
{
    public Plan Plan { get; private set; } = null!;

    public bool MaySubmit { get; private set; }

    public bool MayApprove { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    [RequirePermission(EnforcementModule.Manage)]
    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MaySubmit)
        {
            return Forbid();
        }

        return await DoneAsync(await plans.SubmitAsync(Plan, access.UserName, cancellationToken), "已报批");
    }

    [RequirePermission(EnforcementModule.ApprovePlan)]
    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MayApprove)
        {
            return Forbid();
        }

        return await DoneAsync(await plans.ApproveAsync(Plan, access.UserName, cancellationToken), "已批准");
    }

    private Task<IActionResult> DoneAsync(string? refusal, string done)
    {
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal);
            return Task.FromResult<IActionResult>(Page());
        }

        TempData["Notice"] = $"{Plan.Year} 年度执法计划{done}";
        return Task.FromResult<IActionResult>(RedirectToPage("Details", new { id = Plan.Id }));
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Visible(db.Plans).SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        var mine = access.ActsForUnit(plan.TownshipId);
        MaySubmit = mine && plan.State == PlanState.Draft && permissions.Has(EnforcementModule.Manage);
        MayApprove = mine && plan.State == PlanState.Submitted && permissions.Has(EnforcementModule.ApprovePlan);
        return null;
    }
}
