using Emergency.BuildingBlocks.Access;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Reviews;

/// <summary>
/// 取消资格 by hand (the form is also on the expert's profile): the county manager disqualifies an expert for 违纪
/// or 泄密 (违反保密规定), with a reason; same outcome as a confirmed review. Another county's expert: 404.
/// </summary>
[RequirePermission(ExpertsModule.Manage)]
internal sealed class DisqualifyModel(ExpertsDbContext db, ExpertsAccess access, DisqualificationReviews reviews) : PageModel
{
    public Expert Expert { get; private set; } = new();

    [BindProperty]
    public DisqualifyInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        Expert = expert;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        Expert = expert;
        var reason = Input.Reason?.Trim() ?? "";
        if (expert.Status != ExpertStatus.Active)
        {
            ModelState.AddModelError("Input.Cause", "该专家已不在库");
        }

        if (Input.Cause is not (DisqualificationCause.Misconduct or DisqualificationCause.Confidentiality))
        {
            ModelState.AddModelError("Input.Cause", DisqualificationReviews.CauseRequired);
        }

        if (reason.Length == 0)
        {
            ModelState.AddModelError("Input.Reason", DisqualificationReviews.ReasonRequired);
        }
        else if (reason.Length > 900)
        {
            ModelState.AddModelError("Input.Reason", "取消资格的事由不能超过 900 个字");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await reviews.DisqualifyByHandAsync(expert, Input.Cause!.Value, reason, access.UserName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"已取消 {expert.Name} 的专家资格（{DisqualificationReviews.CauseName(Input.Cause.Value)}），证书已注销，已通知本人及所在单位";
        return RedirectToPage("/Profile/Index", new { id });
    }

    internal sealed class DisqualifyInput
    {
        public DisqualificationCause? Cause { get; set; }

        public string? Reason { get; set; }
    }
}
