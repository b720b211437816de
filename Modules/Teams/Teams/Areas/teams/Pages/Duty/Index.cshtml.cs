using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Duty;

/// <summary>
/// 应急值守: a roster's month (the county's or a township's), who is on duty each day, links to enter days, the duty
/// log and the day sheet; the person on duty asks to swap from here; the keeper decides the swaps here.
/// </summary>
internal sealed class IndexModel(TeamsDbContext db, DutyAccess access, DutyRoster roster, ICountyUnits units) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Roster { get; set; }

    /// <summary>yyyy-MM.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<UnitInfo> Rosters { get; private set; } = [];

    public string RosterName { get; private set; } = "";

    public int RosterId { get; private set; }

    public DateOnly First { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<DutyDay> Days { get; private set; } = [];

    public IReadOnlyList<DutySwap> Swaps { get; private set; } = [];

    public bool MayKeep { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool IsOwn(DutyShift shift) => access.IsOnDuty(shift) && shift.Date >= Today;

    public string MonthText(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    [RequirePermission(TeamsModule.Manage)]
    public Task<IActionResult> OnPostApproveAsync(int swap, CancellationToken cancellationToken) => DecideAsync(swap, true, cancellationToken);

    [RequirePermission(TeamsModule.Manage)]
    public Task<IActionResult> OnPostRefuseAsync(int swap, CancellationToken cancellationToken) => DecideAsync(swap, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, bool approve, CancellationToken cancellationToken)
    {
        var swap = await db.DutySwaps.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (swap is null || !access.MaySeeRoster(swap.TownshipId))
        {
            return NotFound();
        }

        if (!access.MayKeep(swap.TownshipId))
        {
            return Forbid();
        }

        Roster = swap.TownshipId;
        Month ??= MonthText(swap.Date);
        var errors = await roster.DecideSwapAsync(swap, approve, Note, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return await LoadAsync(cancellationToken) ?? Page();
        }

        Notice = approve ? $"已同意换班：{swap.Name} 与 {swap.OtherName}" : $"已不同意换班：{swap.Name} 与 {swap.OtherName}";
        return RedirectToPage(new { Roster = swap.TownshipId, Month });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Rosters = access.Rosters(await units.TownshipsAsync(access.County, cancellationToken));
        RosterId = Roster ?? (access.Scope.Level is UserScope.Township or UserScope.Village && access.TownshipId is { } t ? t : DutyAccess.CountyRoster);
        if (!access.MaySeeRoster(RosterId) || !await roster.ExistsAsync(RosterId, cancellationToken))
        {
            return NotFound();
        }

        Today = roster.Today;
        First = DateOnly.TryParseExact((Month ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first : new DateOnly(Today.Year, Today.Month, 1);
        RosterName = await roster.RosterNameAsync(RosterId, cancellationToken);
        MayKeep = access.MayKeep(RosterId);
        Days = await roster.DaysAsync(RosterId, First, First.AddMonths(1).AddDays(-1), cancellationToken);
        var user = access.UserName;
        var rosterId = RosterId;
        Swaps = await db.DutySwaps.AsNoTracking()
            .Where(s => s.TownshipId == rosterId && (MayKeep || s.UserName == user || s.OtherUserName == user))
            .OrderBy(s => s.Status).ThenByDescending(s => s.Id).Take(50).ToListAsync(cancellationToken);
        return null;
    }
}
