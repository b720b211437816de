using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Duty;

/// <summary>值班记录: a roster's day — calls, events and the handover note, appended by the keeper, never changed.</summary>
internal sealed class LogModel(DutyAccess access, DutyRoster roster) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Roster { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty]
    public DutyLogKind Kind { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public DateOnly Day { get; private set; }

    public string RosterName { get; private set; } = "";

    public bool MayWrite { get; private set; }

    public IReadOnlyList<DutyLogEntry> Entries { get; private set; } = [];

    public IReadOnlyList<DutyDay> Roster1 { get; private set; } = [];

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

        if (!MayWrite)
        {
            return Forbid();
        }

        var errors = await roster.AppendLogAsync(Roster, Day, Kind, Text, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return Page();
        }

        Notice = "已记入值班记录";
        return RedirectToPage(new { Roster, Date = StockNotices.Date(Day) });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!access.MaySeeRoster(Roster) || !await roster.ExistsAsync(Roster, cancellationToken))
        {
            return NotFound();
        }

        Day = DateOnly.TryParseExact(Date ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : roster.Today;
        RosterName = await roster.RosterNameAsync(Roster, cancellationToken);
        MayWrite = access.MayKeep(Roster);
        Entries = await roster.LogAsync(Roster, Day, cancellationToken);
        Roster1 = await roster.DaysAsync(Roster, Day, Day, cancellationToken);
        return null;
    }
}
