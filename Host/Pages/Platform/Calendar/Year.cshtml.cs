using Emergency.Host.Platform.Calendar;
using Emergency.Host.Platform.Data;
using Emergency.Host.Platform.TreeImport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Platform.Calendar;

/// <summary>The fields of a day to add.</summary>
internal sealed class CalendarDayInput
{
    public string? Date { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }
}

/// <summary>One year's holidays and make-up working days: add or remove a day, delete the year.</summary>
internal sealed class YearModel(PlatformDbContext db, CalendarAdmin calendar, IStringLocalizer<PlatformText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int Year { get; set; }

    [BindProperty]
    public CalendarDayInput Input { get; set; } = new();

    public CalendarYear? Schedule { get; private set; }

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var date = string.IsNullOrWhiteSpace(Input.Date) ? null : CalendarAdmin.ParseDate(Input.Date);
        if (string.IsNullOrWhiteSpace(Input.Date))
        {
            ModelState.AddModelError("Input.Date", text["Calendar_DateEmpty"]);
        }
        else if (date is null)
        {
            ModelState.AddModelError("Input.Date", text["Calendar_DateFormat", Input.Date]);
        }

        CalendarDayKind? kind = Enum.TryParse<CalendarDayKind>(Input.Kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", text["Calendar_KindEmpty"]);
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", text["Calendar_NameEmpty"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await calendar.AddDayAsync(Year, date!.Value, kind!.Value, Input.Name!, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(FieldOf(problem), text[problem.Key, problem.Args]);
            }

            return Page();
        }

        Message = text["CalendarDayAdded", CalendarAdmin.Format(date.Value), text[$"CalendarKind_{kind}"], Input.Name!.Trim()].Value;
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? date, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || CalendarAdmin.ParseDate(date ?? "") is not { } day || !await calendar.RemoveDayAsync(Year, day, cancellationToken))
        {
            return NotFound();
        }

        Message = text["CalendarDayRemoved", CalendarAdmin.Format(day)].Value;
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostDeleteYearAsync(CancellationToken cancellationToken)
    {
        if (!await calendar.DeleteYearAsync(Year, cancellationToken))
        {
            return NotFound();
        }

        Message = text["CalendarYearDeleted", Year].Value;
        return RedirectToPage("Index");
    }

    private static string FieldOf(TreeProblem problem) => problem.Key switch
    {
        "Calendar_KindEmpty" or "Calendar_KindUnknown" => "Input.Kind",
        "Calendar_NameEmpty" or "Calendar_NameTooLong" => "Input.Name",
        "Calendar_YearNotLoaded" => "",
        _ => "Input.Date",
    };

    /// <summary>False for a year outside the range; an unloaded year shows that it counts Monday–Friday.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!CalendarAdmin.IsValidYear(Year))
        {
            return false;
        }

        Schedule = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == Year, cancellationToken);
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Year == Year).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        return true;
    }
}
