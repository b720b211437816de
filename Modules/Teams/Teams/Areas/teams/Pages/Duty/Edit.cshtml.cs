using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Teams.Areas.teams.Pages.Duty;

/// <summary>
/// 排班: a grid of days (a week, a month, or one day to edit) with the leader on duty and the staff on duty; the
/// roster's keeper saves it at once; a refused day (no leader, in the past, a person twice) refuses the whole form.
/// </summary>
[RequirePermission(TeamsModule.Manage)]
internal sealed class EditModel(DutyAccess access, DutyRoster roster) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Roster { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 7;

    [BindProperty]
    public List<DutyDayDraft> Input { get; set; } = [];

    public string RosterName { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var from = DateOnly.TryParseExact(From ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : roster.Today;
        Input = await roster.DraftsAsync(Roster, from, Days, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        foreach (var key in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, "请按 年-月-日 填写日期");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (saved, errors) = await roster.SaveAsync(Roster, Input, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? "" : "Input" + error.Field[4..], error.Message);
            }

            return Page();
        }

        Notice = string.Create(CultureInfo.InvariantCulture, $"已保存 {saved} 天的值班安排");
        var month = Input.Count > 0 ? Input[0].Date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;
        return RedirectToPage("/Duty/Index", new { Roster, Month = month });
    }

    /// <summary>404 for a roster the user does not see, 403 for one they do not keep.</summary>
    private async Task<IActionResult?> RefusedAsync(CancellationToken cancellationToken)
    {
        if (!access.MaySeeRoster(Roster) || !await roster.ExistsAsync(Roster, cancellationToken))
        {
            return NotFound();
        }

        if (!access.MayKeep(Roster))
        {
            return Forbid();
        }

        RosterName = await roster.RosterNameAsync(Roster, cancellationToken);
        return null;
    }
}
