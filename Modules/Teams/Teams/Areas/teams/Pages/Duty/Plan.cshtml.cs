using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Duty;

/// <summary>A village's weekly duty plan: filed (or filed again) by the village, read by its township and the county.</summary>
internal sealed class PlanModel(DutyAccess access, DutyPlans plans, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Week { get; set; }

    [BindProperty]
    public List<DutyPlanDayDraft> Days { get; set; } = [];

    public UnitInfo? Unit { get; private set; }

    public DateOnly WeekStart { get; private set; }

    public DateOnly Due { get; private set; }

    public DutyPlan? Plan { get; private set; }

    public bool MayFile { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Days = Enumerable.Range(0, 7).Select(i => WeekStart.AddDays(i)).Select(date =>
        {
            var day = Plan?.Days.FirstOrDefault(d => d.Date == date);
            return new DutyPlanDayDraft { Date = date, Name = day?.Name, Mobile = day?.Mobile };
        }).ToList();
        return Page();
    }

    [RequirePermission(TeamsModule.Manage)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MayFile)
        {
            return Forbid();
        }

        ModelState.Clear();
        var errors = await plans.FileAsync(Unit!, WeekStart, Days, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            for (var i = Days.Count; i < 7; i++)
            {
                Days.Add(new DutyPlanDayDraft());
            }

            for (var i = 0; i < 7; i++)
            {
                Days[i].Date = WeekStart.AddDays(i);
            }

            return Page();
        }

        Notice = $"已向乡镇报送 {StockNotices.Date(WeekStart)} 起一周的值班计划";
        return RedirectToPage(new { Village, Week = StockNotices.Date(WeekStart) });
    }

    /// <summary>404 for a village the user may not see (or not of this county).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Unit = (await units.VillagesAsync(access.County, cancellationToken)).FirstOrDefault(v => v.Id == Village);
        if (Unit is null || !access.MaySeePlan(Unit))
        {
            return NotFound();
        }

        WeekStart = DateOnly.TryParseExact(Week ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var w) ? DutyPlans.WeekStart(w) : plans.NextWeek;
        Due = DutyPlans.DueDate(WeekStart, await plans.DueWeekdayAsync(cancellationToken));
        MayFile = access.MayFile(Village);
        Plan = await plans.PlanAsync(Village, WeekStart, cancellationToken);
        return null;
    }
}
