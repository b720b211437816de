namespace Emergency.BuildingBlocks.Calendar;

/// <summary>
/// The platform's working-day calendar (工作日): weekends and official holidays are off, make-up
/// working days (调休上班) are on. The schedule of each year is loaded by the platform admin; a year
/// without one falls back to Monday–Friday, and every result says which years that was, so the page
/// showing a deadline can say "该年度节假日安排未录入，按周一至周五计算".
/// </summary>
public interface IWorkingDays
{
    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/>: the start itself is not
    /// counted ("within N working days of X" ends at the Nth working day after X). Zero days gives the start.
    /// </summary>
    Task<WorkingDayResult> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken);

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; 0 when the range is empty.</summary>
    Task<int> CountWorkingDaysAsync(DateOnly fromExclusive, DateOnly toInclusive, CancellationToken cancellationToken);

    Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>The day itself when it is a working day, else the next one (a calendar-day period ending on a holiday, 民法典 Art 203).</summary>
    Task<DateOnly> NextWorkingDayOnOrAfterAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>The years from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have no loaded schedule, ascending.</summary>
    Task<IReadOnlyList<int>> YearsWithoutScheduleAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The current schedule as a pure calendar, for many calculations in a row.</summary>
    Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken);
}

/// <summary>A computed date and the years it passed through that had no loaded schedule (counted Monday–Friday).</summary>
public sealed record WorkingDayResult(DateOnly Date, IReadOnlyList<int> FallbackYears)
{
    /// <summary>Some year on the way had no schedule: the page showing the date must say it was counted Monday–Friday.</summary>
    public bool UsedFallback => FallbackYears.Count > 0;
}
