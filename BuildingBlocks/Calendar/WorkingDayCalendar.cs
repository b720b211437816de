namespace Emergency.BuildingBlocks.Calendar;

/// <summary>
/// Working-day arithmetic over a known schedule: official holidays (放假) are off, make-up working
/// days (调休上班) are on, other days follow the week (Monday–Friday on). A year outside
/// <c>scheduledYears</c> is counted Monday–Friday only, and the results name it. Immutable; no I/O.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>Far more than any statutory period; stops a runaway loop on a nonsensical input.</summary>
    public const int MaxDays = 3660;

    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> makeUpWorkdays;
    private readonly HashSet<int> scheduledYears;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays, IEnumerable<int> scheduledYears)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkdays);
        ArgumentNullException.ThrowIfNull(scheduledYears);
        this.holidays = [.. holidays];
        this.makeUpWorkdays = [.. makeUpWorkdays];
        this.scheduledYears = [.. scheduledYears];
        if (this.holidays.Overlaps(this.makeUpWorkdays))
        {
            throw new ArgumentException("A day cannot be both a holiday and a make-up working day.", nameof(makeUpWorkdays));
        }
    }

    /// <summary>No schedule at all: every year Monday–Friday.</summary>
    public static WorkingDayCalendar MondayToFriday { get; } = new([], [], []);

    public IReadOnlySet<int> ScheduledYears => scheduledYears;

    public bool HasSchedule(int year) => scheduledYears.Contains(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (scheduledYears.Contains(day.Year))
        {
            if (holidays.Contains(day))
            {
                return false;
            }

            if (makeUpWorkdays.Contains(day))
            {
                return true;
            }
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The Nth working day after <paramref name="start"/> (the start not counted); the start for 0.</summary>
    public WorkingDayResult AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return new WorkingDayResult(day, days == 0 ? [] : YearsWithoutSchedule(start.AddDays(1), day));
    }

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; 0 when the range is empty.</summary>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The day itself when it is a working day, else the next working day.</summary>
    public WorkingDayResult NextWorkingDayOnOrAfter(DateOnly day)
    {
        var result = day;
        while (!IsWorkingDay(result))
        {
            result = result.AddDays(1);
        }

        return new WorkingDayResult(result, YearsWithoutSchedule(day, result));
    }

    /// <summary>The years from <paramref name="from"/> to <paramref name="to"/> (inclusive) without a schedule, ascending; none when to is before from.</summary>
    public IReadOnlyList<int> YearsWithoutSchedule(DateOnly from, DateOnly to)
    {
        var years = new List<int>();
        for (var year = from.Year; year <= to.Year && from <= to; year++)
        {
            if (!scheduledYears.Contains(year))
            {
                years.Add(year);
            }
        }

        return years;
    }
}
