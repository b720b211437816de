using Emergency.BuildingBlocks.Access;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Duty;

/// <summary>换班申请: the person on duty chooses another person's shift of the same post to exchange with, and a reason.</summary>
internal sealed class SwapModel(TeamsDbContext db, DutyAccess access, DutyRoster roster) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Shift { get; set; }

    [BindProperty]
    public int? OtherShiftId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public DutyShift? Own { get; private set; }

    public IReadOnlyList<DutyShift> Options { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    [RequirePermission(TeamsModule.Manage)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var (swap, errors) = await roster.AskSwapAsync(Own!, OtherShiftId, Reason, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return Page();
        }

        Notice = $"已提交换班申请：{swap!.Name}（{StockNotices.Date(swap.Date)}）与 {swap.OtherName}（{StockNotices.Date(swap.OtherDate)}），待审批";
        return RedirectToPage("/Duty/Index", new { Roster = swap.TownshipId, Month = swap.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>404 for a shift the user does not see, 403 for someone else's.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Own = await db.DutyShifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Shift, cancellationToken);
        if (Own is null || !access.MaySeeRoster(Own.TownshipId))
        {
            return NotFound();
        }

        if (!access.IsOnDuty(Own))
        {
            return Forbid();
        }

        Options = await roster.SwapOptionsAsync(Own, cancellationToken);
        return null;
    }
}
