using System.ComponentModel.DataAnnotations;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Availability;

/// <summary>
/// 不可调用时段: periods an expert cannot be dispatched (travel, illness), recorded by county managers or
/// the expert's own department and kept apart from dispatch records; dispatch suggestions leave them out.
/// </summary>
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access) : PageModel
{
    public Expert Expert { get; private set; } = new();

    public IReadOnlyList<Unavailability> Periods { get; private set; } = [];

    [BindProperty]
    public PeriodInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is { } result ? result : Page();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } result)
        {
            return result;
        }

        if (Input.From is { } from && Input.To is { } to && to < from)
        {
            ModelState.AddModelError("Input.To", "结束日期不能早于开始日期");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Unavailabilities.Add(new Unavailability { ExpertId = id, From = Input.From!.Value, To = Input.To!.Value, Reason = Input.Reason!.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已登记 {Expert.Name} 的不可调用时段";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int periodId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } result)
        {
            return result;
        }

        var period = await db.Unavailabilities.SingleOrDefaultAsync(u => u.Id == periodId && u.ExpertId == id, cancellationToken);
        if (period is null)
        {
            return NotFound();
        }

        db.Unavailabilities.Remove(period);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已删除 {Expert.Name} 的不可调用时段";
        return RedirectToPage(new { id });
    }

    /// <summary>Null when the user may edit this expert's availability; else the result to return.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (expert is null || !access.MayOpen(expert))
        {
            return NotFound();
        }

        if (!access.ManagesExpert(expert))
        {
            return Forbid();
        }

        Expert = expert;
        Periods = await db.Unavailabilities.AsNoTracking().Where(u => u.ExpertId == id).OrderByDescending(u => u.From).ToListAsync(cancellationToken);
        return null;
    }

    internal sealed class PeriodInput
    {
        [Required(ErrorMessage = "请填写开始日期")]
        public DateOnly? From { get; set; }

        [Required(ErrorMessage = "请填写结束日期")]
        public DateOnly? To { get; set; }

        [Required(ErrorMessage = "请填写原因")]
        [StringLength(200, ErrorMessage = "原因不能超过 200 个字")]
        public string? Reason { get; set; }
    }
}
