using System.Globalization;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Duty;

/// <summary>值班日志表: one roster day on one printable sheet — who was on duty and every log entry.</summary>
internal sealed class SheetModel(DutyAccess access, DutyRoster roster) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Roster { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public DateOnly Day { get; private set; }

    public string RosterName { get; private set; } = "";

    public DutyDay Duty { get; private set; } = new(default, null, []);

    public IReadOnlyList<DutyLogEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.MaySeeRoster(Roster) || !await roster.ExistsAsync(Roster, cancellationToken))
        {
            return NotFound();
        }

        Day = DateOnly.TryParseExact(Date ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : roster.Today;
        RosterName = await roster.RosterNameAsync(Roster, cancellationToken);
        Duty = (await roster.DaysAsync(Roster, Day, Day, cancellationToken))[0];
        Entries = await roster.LogAsync(Roster, Day, cancellationToken);
        return Page();
    }
}
