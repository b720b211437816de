using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform.Calendar;

/// <summary>A year's schedule as the State Council published it.</summary>
internal sealed record OfficialSchedule(int Year, string Source, IReadOnlyList<(DateOnly Date, CalendarDayKind Kind, string Name)> Days);

/// <summary>
/// The schedules known when this version was built (2025, 2026), loaded into the platform store at
/// start for any of those years the store does not have. Later years are imported by the platform
/// admin each November, when the State Council publishes them.
/// </summary>
internal static class OfficialSchedules
{
    public const string SystemLoader = "system";

    public static IReadOnlyList<OfficialSchedule> All { get; } =
    [
        new(2025, "国办发明电〔2024〕12号",
        [
            .. Off(2025, "元旦", (1, 1), (1, 1)),
            .. Off(2025, "春节", (1, 28), (2, 4)),
            .. Off(2025, "清明节", (4, 4), (4, 6)),
            .. Off(2025, "劳动节", (5, 1), (5, 5)),
            .. Off(2025, "端午节", (5, 31), (6, 2)),
            .. Off(2025, "国庆节、中秋节", (10, 1), (10, 8)),
            Work(2025, "春节", 1, 26), Work(2025, "春节", 2, 8), Work(2025, "劳动节", 4, 27),
            Work(2025, "国庆节、中秋节", 9, 28), Work(2025, "国庆节、中秋节", 10, 11),
        ]),
        new(2026, "国务院办公厅通知（2025年11月4日发布）",
        [
            .. Off(2026, "元旦", (1, 1), (1, 3)),
            .. Off(2026, "春节", (2, 15), (2, 23)),
            .. Off(2026, "清明节", (4, 4), (4, 6)),
            .. Off(2026, "劳动节", (5, 1), (5, 5)),
            .. Off(2026, "端午节", (6, 19), (6, 21)),
            .. Off(2026, "中秋节", (9, 25), (9, 27)),
            .. Off(2026, "国庆节", (10, 1), (10, 7)),
            Work(2026, "元旦", 1, 4), Work(2026, "春节", 2, 14), Work(2026, "春节", 2, 28), Work(2026, "劳动节", 5, 9),
            Work(2026, "国庆节", 9, 20), Work(2026, "国庆节", 10, 10),
        ]),
    ];

    /// <summary>Loads each built-in year the store does not have (a year already there, edited or imported, is left alone).</summary>
    public static async Task SeedAsync(PlatformDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var present = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        var missing = All.Where(s => !present.Contains(s.Year)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var schedule in missing)
        {
            db.CalendarYears.Add(new CalendarYear { Year = schedule.Year, Source = schedule.Source, LoadedAtUtc = clock.GetUtcNow().UtcDateTime, LoadedBy = SystemLoader });
            db.CalendarDays.AddRange(schedule.Days.Select(d => new CalendarDay { Date = d.Date, Year = schedule.Year, Kind = d.Kind, Name = d.Name }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<(DateOnly, CalendarDayKind, string)> Off(int year, string name, (int Month, int Day) first, (int Month, int Day) last)
    {
        for (var day = new DateOnly(year, first.Month, first.Day); day <= new DateOnly(year, last.Month, last.Day); day = day.AddDays(1))
        {
            yield return (day, CalendarDayKind.Holiday, name);
        }
    }

    private static (DateOnly, CalendarDayKind, string) Work(int year, string name, int month, int day) =>
        (new DateOnly(year, month, day), CalendarDayKind.MakeUpWorkday, name);
}
