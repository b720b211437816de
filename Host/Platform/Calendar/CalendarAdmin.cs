using System.Globalization;
using Emergency.BuildingBlocks.Access;
using Emergency.Host.Platform.Data;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Host.Platform.TreeImport;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform.Calendar;

/// <summary>A row of a calendar file with what it reads as and its problems.</summary>
internal sealed class CalendarImportRow(SheetRow data)
{
    public SheetRow Data { get; } = data;

    public string DateText => Data.Cells[0];

    public string KindText => Data.Cells[1];

    public string Name => Data.Cells[2];

    public DateOnly? Date { get; set; }

    public CalendarDayKind? Kind { get; set; }

    public List<TreeProblem> Problems { get; } = [];
}

/// <summary>The checked calendar file: every row with its problems, and what it would replace.</summary>
internal sealed class CalendarImportPreview(int year, IReadOnlyList<CalendarImportRow> rows, TreeProblem? fileProblem, int replacedDays, bool yearExists)
{
    public int Year { get; } = year;

    public IReadOnlyList<CalendarImportRow> Rows { get; } = rows;

    public TreeProblem? FileProblem { get; } = fileProblem;

    /// <summary>Days of the year's current schedule that the import replaces.</summary>
    public int ReplacedDays { get; } = replacedDays;

    public bool YearExists { get; } = yearExists;

    public int RowsWithProblems => Rows.Count(r => r.Problems.Count > 0);

    public int Holidays => Rows.Count(r => r.Kind == CalendarDayKind.Holiday);

    public int MakeUpWorkdays => Rows.Count(r => r.Kind == CalendarDayKind.MakeUpWorkday);

    public bool IsClean => FileProblem is null && Rows.Count > 0 && RowsWithProblems == 0;
}

/// <summary>
/// The platform admin's changes to the working-day calendar: a year is created empty or imported from
/// a file (日期, 类型, 名称) that replaces its schedule in full, a day is added or removed, a year is
/// deleted (it then counts Monday–Friday). Every change empties the <see cref="WorkingDays"/> cache.
/// </summary>
internal sealed class CalendarAdmin(PlatformDbContext db, WorkingDays workingDays, ICurrentUser user, TimeProvider clock)
{
    public const string DateColumn = "日期";
    public const string KindColumn = "类型";
    public const string NameColumn = "名称";
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>A year has a few dozen special days; more is a wrong file.</summary>
    public const int MaxRows = 366;

    public static IReadOnlyList<string> Columns { get; } = [DateColumn, KindColumn, NameColumn];

    public static IReadOnlyDictionary<string, CalendarDayKind> Kinds { get; } = new Dictionary<string, CalendarDayKind>
    {
        ["放假"] = CalendarDayKind.Holiday,
        ["调休上班"] = CalendarDayKind.MakeUpWorkday,
    };

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d HH:mm"];

    public static string KindText(CalendarDayKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateOnly.FromDateTime(value)
            : null;

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool IsValidYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>Creates an empty schedule for the year (days are then added one by one); false when the year exists.</summary>
    public async Task<bool> CreateYearAsync(int year, string source, CancellationToken cancellationToken)
    {
        if (await db.CalendarYears.AnyAsync(y => y.Year == year, cancellationToken))
        {
            return false;
        }

        db.CalendarYears.Add(NewYear(year, source));
        await SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds a day to a loaded year; the problems (resource keys) when it cannot be added, nothing written then.</summary>
    public async Task<IReadOnlyList<TreeProblem>> AddDayAsync(int year, DateOnly date, CalendarDayKind kind, string name, CancellationToken cancellationToken)
    {
        var problems = new List<TreeProblem>();
        if (!await db.CalendarYears.AnyAsync(y => y.Year == year, cancellationToken))
        {
            problems.Add(new TreeProblem("Calendar_YearNotLoaded", year));
            return problems;
        }

        CheckDay(year, date, kind, name, problems);
        if (await db.CalendarDays.AsNoTracking().FirstOrDefaultAsync(d => d.Date == date, cancellationToken) is { } existing)
        {
            problems.Add(new TreeProblem("Calendar_DayExists", Format(date), KindText(existing.Kind), existing.Name));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.CalendarDays.Add(new CalendarDay { Date = date, Year = year, Kind = kind, Name = name.Trim() });
        await SaveAsync(cancellationToken);
        return problems;
    }

    public async Task<bool> RemoveDayAsync(int year, DateOnly date, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Year == year && d.Date == date, cancellationToken);
        if (day is null)
        {
            return false;
        }

        db.CalendarDays.Remove(day);
        await SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes the year's schedule and its days: the year then counts Monday–Friday.</summary>
    public async Task<bool> DeleteYearAsync(int year, CancellationToken cancellationToken)
    {
        var found = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (found is null)
        {
            return false;
        }

        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Year == year).ToListAsync(cancellationToken));
        db.CalendarYears.Remove(found);
        await SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>Reads and checks a file for the year; writes nothing.</summary>
    public async Task<CalendarImportPreview> PreviewAsync(int year, byte[] content, string extension, CancellationToken cancellationToken)
    {
        var file = SheetReader.Read(content, extension, Columns, MaxRows);
        var replaced = await db.CalendarDays.CountAsync(d => d.Year == year, cancellationToken);
        var exists = await db.CalendarYears.AnyAsync(y => y.Year == year, cancellationToken);
        return file.Problem is { } problem
            ? new CalendarImportPreview(year, [], new TreeProblem($"Import_{problem.Kind}", problem.Args), replaced, exists)
            : new CalendarImportPreview(year, Check(year, file.Rows), null, replaced, exists);
    }

    /// <summary>Checks the file again and, when clean, replaces the year's schedule with it in one transaction.</summary>
    public async Task<(bool Imported, CalendarImportPreview Preview)> ImportAsync(int year, string source, byte[] content, string extension, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preview = await PreviewAsync(year, content, extension, cancellationToken);
        if (!preview.IsClean)
        {
            return (false, preview);
        }

        // The old days go first (same dates may come back); both saves commit together or not at all.
        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Year == year).ToListAsync(cancellationToken));
        var loaded = NewYear(year, source);
        if (await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, cancellationToken) is { } existing)
        {
            existing.Source = loaded.Source;
            existing.LoadedAtUtc = loaded.LoadedAtUtc;
            existing.LoadedBy = loaded.LoadedBy;
        }
        else
        {
            db.CalendarYears.Add(loaded);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.CalendarDays.AddRange(preview.Rows.Select(r => new CalendarDay { Date = r.Date!.Value, Year = year, Kind = r.Kind!.Value, Name = r.Name }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        workingDays.Invalidate();
        return (true, preview);
    }

    /// <summary>Checks the rows against each other and the year (for tests and the preview).</summary>
    public static IReadOnlyList<CalendarImportRow> Check(int year, IReadOnlyList<SheetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var checkedRows = rows.Select(r => new CalendarImportRow(r)).ToList();
        var lines = new Dictionary<DateOnly, int>();
        foreach (var row in checkedRows)
        {
            var date = ParseDate(row.DateText);
            if (row.DateText.Length == 0)
            {
                row.Problems.Add(new TreeProblem("Calendar_DateEmpty"));
            }
            else if (date is null)
            {
                row.Problems.Add(new TreeProblem("Calendar_DateFormat", row.DateText));
            }
            else if (lines.TryGetValue(date.Value, out var earlier))
            {
                row.Problems.Add(new TreeProblem("Calendar_DateDuplicate", Format(date.Value), earlier));
            }
            else
            {
                lines.Add(date.Value, row.Data.Line);
            }

            CalendarDayKind? kind = Kinds.TryGetValue(row.KindText, out var k) ? k : null;
            if (row.KindText.Length == 0)
            {
                row.Problems.Add(new TreeProblem("Calendar_KindEmpty"));
            }
            else if (kind is null)
            {
                row.Problems.Add(new TreeProblem("Calendar_KindUnknown", row.KindText, string.Join("/", Kinds.Keys)));
            }

            if (date is { } day && kind is { } dayKind)
            {
                CheckDay(year, day, dayKind, row.Name, row.Problems);
            }
            else
            {
                CheckName(row.Name, row.Problems);
                if (date is { } d && d.Year != year)
                {
                    row.Problems.Add(new TreeProblem("Calendar_DateYear", Format(d), year));
                }
            }

            row.Date = date;
            row.Kind = kind;
        }

        return checkedRows;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void CheckDay(int year, DateOnly date, CalendarDayKind kind, string name, List<TreeProblem> problems)
    {
        if (date.Year != year)
        {
            problems.Add(new TreeProblem("Calendar_DateYear", Format(date), year));
        }

        if (kind == CalendarDayKind.MakeUpWorkday && !IsWeekend(date))
        {
            problems.Add(new TreeProblem("Calendar_MakeUpOnWeekday", Format(date)));
        }

        CheckName(name, problems);
    }

    private static void CheckName(string name, List<TreeProblem> problems)
    {
        if (name.Trim().Length == 0)
        {
            problems.Add(new TreeProblem("Calendar_NameEmpty"));
        }
        else if (name.Trim().Length > WorkingCalendarModel.MaxNameLength)
        {
            problems.Add(new TreeProblem("Calendar_NameTooLong", WorkingCalendarModel.MaxNameLength));
        }
    }

    private CalendarYear NewYear(int year, string source) => new()
    {
        Year = year,
        Source = source.Trim(),
        LoadedAtUtc = clock.GetUtcNow().UtcDateTime,
        LoadedBy = user.IsAuthenticated ? user.UserName : OfficialSchedules.SystemLoader,
    };

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        workingDays.Invalidate();
    }
}
