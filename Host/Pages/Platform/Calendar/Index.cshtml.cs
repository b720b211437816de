using System.Globalization;
using System.Text;
using Emergency.Host.Platform;
using Emergency.BuildingBlocks.Clock;
using Emergency.Host.Platform.Calendar;
using Emergency.Host.Platform.Data;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Host.Platform.TreeImport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Platform.Calendar;

internal sealed record CalendarYearRow(int Year, string Source, int Holidays, int MakeUpDays, DateTime LoadedAtUtc, string LoadedBy);

/// <summary>
/// The working-day calendar: the years with a loaded schedule, a new empty year, and the import of a
/// year from CSV or .xlsx (previewed, kept under a token, written only on confirmation).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = TransportLimit)]
[RequestSizeLimit(TransportLimit)]
internal sealed class IndexModel(
    PlatformDbContext db,
    CalendarAdmin calendar,
    IImportStaging staging,
    TimeProvider clock,
    IStringLocalizer<PlatformText> text) : PageModel
{
    public const long MaxFileBytes = 1024 * 1024;

    private const long TransportLimit = 16 * 1024 * 1024;

    public IReadOnlyList<CalendarYearRow> Years { get; private set; } = [];

    /// <summary>This year and the next, when either has no schedule (the next one is due each November).</summary>
    public IReadOnlyList<int> MissingYears { get; private set; } = [];

    [BindProperty]
    public int? NewYear { get; set; }

    [BindProperty]
    public string? NewSource { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public CalendarImportPreview? Preview { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The header row and a few example rows, as UTF-8 CSV with a BOM (Excel opens it as such).</summary>
    public IActionResult OnGetTemplate()
    {
        var year = ChinaTime.Now(clock).Year + 1;
        var csv = new StringBuilder()
            .AppendLine(string.Join(',', CalendarAdmin.Columns))
            .AppendLine(CultureInfo.InvariantCulture, $"{year}-01-01,放假,元旦")
            .AppendLine(CultureInfo.InvariantCulture, $"{year}-10-01,放假,国庆节")
            .AppendLine(CultureInfo.InvariantCulture, $"{year}-10-09,调休上班,国庆节");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"calendar-{year}.csv");
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        CheckYear(NewYear, nameof(NewYear));
        CheckSource(NewSource, nameof(NewSource));
        if (ModelState.IsValid && !await calendar.CreateYearAsync(NewYear!.Value, NewSource!, cancellationToken))
        {
            ModelState.AddModelError(nameof(NewYear), text["CalendarYearExists", NewYear.Value]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = text["CalendarCreated", NewYear!.Value].Value;
        return RedirectToPage("Year", new { year = NewYear });
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        CheckYear(Year, nameof(Year));
        CheckSource(Source, nameof(Source));
        var file = await PlatformUploads.ReadAsync(Upload, nameof(Upload), MaxFileBytes, ModelState, text, cancellationToken);
        if (file is null || !ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        FileName = file.FileName;
        var (content, extension) = (file.Content, file.Extension);
        Preview = await calendar.PreviewAsync(Year!.Value, content, extension, cancellationToken);
        if (Preview.FileProblem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), text[problem.Key, problem.Args]);
        }
        else if (Preview.IsClean)
        {
            Token = await staging.StageAsync(StagingCounty, Key(Year.Value), new StagedUpload(FileName, extension, content), cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        CheckYear(Year, nameof(Year));
        CheckSource(Source, nameof(Source));
        var staged = ModelState.IsValid ? await staging.TakeAsync(StagingCounty, Key(Year!.Value), Token, cancellationToken) : null;
        if (staged is not { } file)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(Upload), text["PreviewExpired"]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        var (imported, preview) = await calendar.ImportAsync(Year!.Value, Source!, file.Content, file.Extension, cancellationToken);
        if (!imported)
        {
            Preview = preview;
            Token = null;
            ModelState.AddModelError(nameof(Upload), text["CalendarImportChanged"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = text["CalendarImportDone", Year.Value, preview.Holidays, preview.MakeUpWorkdays].Value;
        return RedirectToPage("Year", new { year = Year });
    }

    public string Problem(TreeProblem problem) => text[problem.Key, problem.Args];

    /// <summary>The calendar is the platform's, not a county's: staged under the platform's own folder.</summary>
    private const string StagingCounty = "000000";

    private static string Key(int year) => "calendar-" + year.ToString(CultureInfo.InvariantCulture);

    private void CheckYear(int? year, string field)
    {
        if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
        {
            // "abc" in a number field: replace the framework's English message.
            entry.Errors.Clear();
            ModelState.AddModelError(field, text["CalendarYearRange", CalendarAdmin.MinYear, CalendarAdmin.MaxYear]);
        }
        else if (year is null)
        {
            ModelState.AddModelError(field, text["CalendarYearRequired"]);
        }
        else if (!CalendarAdmin.IsValidYear(year.Value))
        {
            ModelState.AddModelError(field, text["CalendarYearRange", CalendarAdmin.MinYear, CalendarAdmin.MaxYear]);
        }
    }

    private void CheckSource(string? source, string field)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            ModelState.AddModelError(field, text["CalendarSourceRequired"]);
        }
        else if (source.Trim().Length > WorkingCalendarModel.MaxSourceLength)
        {
            ModelState.AddModelError(field, text["TooLong", WorkingCalendarModel.MaxSourceLength]);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(cancellationToken);
        var counts = await db.CalendarDays.AsNoTracking().GroupBy(d => new { d.Year, d.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(int year, CalendarDayKind kind) => counts.FirstOrDefault(c => c.Year == year && c.Kind == kind)?.Count ?? 0;
        Years = years.Select(y => new CalendarYearRow(y.Year, y.Source, Count(y.Year, CalendarDayKind.Holiday), Count(y.Year, CalendarDayKind.MakeUpWorkday), y.LoadedAtUtc, y.LoadedBy)).ToList();
        var thisYear = ChinaTime.Now(clock).Year;
        MissingYears = new[] { thisYear, thisYear + 1 }.Where(y => years.All(x => x.Year != y)).ToList();
    }
}
