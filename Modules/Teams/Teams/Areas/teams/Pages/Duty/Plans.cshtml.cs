using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Duty;

/// <summary>
/// 周值班计划: for a week (next week by default), each village of the township (or of every township, for the county)
/// with its plan filed or not; a village user goes to their own plan.
/// </summary>
internal sealed class PlansModel(DutyAccess access, DutyPlans plans, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Week { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    public DateOnly WeekStart { get; private set; }

    public DateOnly Due { get; private set; }

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public IReadOnlyList<VillagePlan> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        WeekStart = DateOnly.TryParseExact(Week ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var w) ? DutyPlans.WeekStart(w) : plans.NextWeek;
        Due = DutyPlans.DueDate(WeekStart, await plans.DueWeekdayAsync(cancellationToken));
        if (access.Scope.Level == UserScope.Village && access.VillageId is { } village)
        {
            return RedirectToPage("/Duty/Plan", new { Village = village, Week = StockNotices.Date(WeekStart) });
        }

        Townships = (await units.TownshipsAsync(access.County, cancellationToken)).Where(t => access.MaySeePlansOf(t.Id)).ToList();
        if (Townships.Count == 0)
        {
            return Forbid();
        }

        var rows = new List<VillagePlan>();
        foreach (var t in Townships.Where(t => Township is null || t.Id == Township))
        {
            rows.AddRange(await plans.OfTownshipAsync(t.Id, WeekStart, cancellationToken));
        }

        Rows = rows;
        return Page();
    }
}
